"""What brief, batch and bench share on the command line: one declaration of each common option (an ``Annotated``
alias each command's signature uses) and its help."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

MAX_FILE_HELP = "Largest file read, once decompressed: bytes, or a size such as 500MB or 2GiB."
MAX_ARTICLE_HELP = "Largest article (or JSONL line) read: bytes, or a size such as 64MiB."
BULLETS_HELP = "Number of bullets (default: chosen from the data, at most 8)."
DAYFIRST_HELP = "Read numeric dates such as 12/03/2025 day first (12 March); without it or --monthfirst they are left undated."
MONTHFIRST_HELP = "Read numeric dates such as 12/03/2025 month first (3 December)."
MAX_WORDS_HELP = "Word budget for all bullets together, in whole sentences: those that together cover the most of what the sources share (an exact program)."
MODEL_HELP = "Embedding model: a name from models/manifest.json or models/NAME/, or a path to a sentence-transformers folder."
CACHE_HELP = "Keep sentence embeddings on disk ($SUMMARIZER_CACHE_DIR or ~/.cache/summarizer), shared by brief, batch and bench."
PRECISION_HELP = "Number format of the model: auto (bf16 where the CPU or GPU runs it natively, else fp32), fp32 or bf16."
DEVICE_HELP = "auto (a CUDA GPU when present, else the CPU), cpu or cuda."

ModelOption = Annotated[Optional[str], typer.Option("--model", "-m", help=MODEL_HELP, show_default=False)]
CacheOption = Annotated[bool, typer.Option("--cache/--no-cache", help=CACHE_HELP)]
PrecisionOption = Annotated[str, typer.Option("--precision", help=PRECISION_HELP)]
DeviceOption = Annotated[str, typer.Option("--device", help=DEVICE_HELP)]
BulletsOption = Annotated[Optional[int], typer.Option("--bullets", "-n", min=1, help=BULLETS_HELP, show_default=False)]
MaxWordsOption = Annotated[Optional[int], typer.Option("--max-words", min=1, help=MAX_WORDS_HELP, show_default=False)]
MaxFileSizeOption = Annotated[str, typer.Option("--max-file-size", help=MAX_FILE_HELP)]
MaxArticleSizeOption = Annotated[str, typer.Option("--max-article-size", help=MAX_ARTICLE_HELP)]
DayFirstOption = Annotated[bool, typer.Option("--dayfirst", help=DAYFIRST_HELP)]
MonthFirstOption = Annotated[bool, typer.Option("--monthfirst", help=MONTHFIRST_HELP)]
