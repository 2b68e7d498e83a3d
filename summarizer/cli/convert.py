"""``summarizer bench convert``: a dataset as researchers have it, turned into bench JSONL. Nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.bench.convert import Layout

PATH_HELP = "DUC/TAC document folders (docs/d30001t/...); a Multi-News folder or .src file; or a ROOT/CLUSTER/{docs,refs}/*.txt tree."
REFERENCES_HELP = (
    "DUC/TAC: the model-summary folder (D30001.M.100.T.A files) when it is not a models/ or summaries/ folder inside PATH or beside it. "
    "Multi-News: the .tgt file, when PATH is a .src file whose partner has another name."
)


def convert(
    path: Annotated[Path, typer.Argument(help=PATH_HELP, show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSONL file to write (.gz to compress).", show_default=False)],
    layout: Annotated[Optional[Layout], typer.Option("--layout", help="Skip detection: duc, multinews or tree.", show_default=False)] = None,
    references: Annotated[Optional[Path], typer.Option("--references", help=REFERENCES_HELP, show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
) -> None:
    """Turn a dataset (DUC/TAC SGML folders, Multi-News .src/.tgt, or a docs/refs tree) into bench JSONL, one cluster a line."""
    from summarizer.bench.convert import convert as records
    from summarizer.bench.convert import write_jsonl
    from summarizer.cli.output import check_target

    check_target(output, [str(path)] + ([str(references)] if references else []), force)
    found = records(path, layout, references, warn=lambda message: typer.echo(f"summarizer: warning: {message}", err=True))
    count = write_jsonl(found, output)
    typer.echo(f"convert: {count} cluster{'s' if count != 1 else ''} -> {output}")
