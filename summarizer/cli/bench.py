"""``summarizer bench``: parse options, run the systems, print and save the table. Nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.bench.metrics import Metric
from summarizer.bench.session import Preset, Scorer
from summarizer.cli import shared
from summarizer.cli.brief import input_limits
from summarizer.cli.shared import MAX_ARTICLE_HELP

SCORER_HELP = (
    "rouge-score (Google's Python reimplementation; the default) or rouge-1.5.5 (the original Perl script, as papers report it, "
    "with the preset's published arguments; needs perl and libxml-parser-perl)."
)


EMBEDDING_HELP = (
    "Also score each summary by the cosine of its mean sentence embedding to each reference's (the --model's; not BERTScore): the 'emb cos' column."
)


OUTPUT_DIR_HELP = "Write results.json, results.csv, table.md, rouge2.png and report.html here."


SYSTEMS_HELP = (
    "Comma-separated systems: ours, ours-no-topics, ours-no-fold, ours-no-redundancy, ours-greedy, lead, lead-rr, lexrank, textrank, centroid, random, oracle; "
    "none to score only --outputs."
)
PRESET_HELP = (
    "duc: recall, stemming, 100 words; multinews: F1, stemming, 300 words; multiling: recall, no stemming, 250 words. "
    "Default: the convention the dataset names (meta.convention), else duc."
)
OUTPUTS_HELP = (
    "Summaries made elsewhere, scored beside the systems: NAME=FILE.jsonl with {id, summary} a line (summary a string or a list of "
    "sentences), or FILE.jsonl whose lines name their system (as --save-outputs writes). Repeatable."
)


def bench(
    dataset: Annotated[Path, typer.Argument(help="Clusters as JSONL: {id, documents: [...], references: [...]} per line.", show_default=False)],
    systems: Annotated[str, typer.Option("--systems", "-s", help=SYSTEMS_HELP)] = "ours,lead,lead-rr,lexrank,textrank,centroid,random,oracle",
    preset: Annotated[Optional[Preset], typer.Option("--preset", help=PRESET_HELP, show_default=False)] = None,
    budget_words: Annotated[Optional[int], typer.Option("--budget-words", min=1, help="Cut every summary to its first N words (default 100).")] = None,
    metric: Annotated[Optional[Metric], typer.Option("--metric", help="recall or f1 (default recall).", show_default=False)] = None,
    stem: Annotated[Optional[bool], typer.Option("--stem/--no-stem", help="Porter stemming in ROUGE (default on).", show_default=False)] = None,
    reference_system: Annotated[str, typer.Option("--reference-system", help="The system others are compared with.")] = "lexrank",
    save_outputs: Annotated[Optional[Path], typer.Option("--save-outputs", help="Write every summary as JSONL {id, system, summary}.")] = None,
    output_dir: Annotated[Optional[Path], typer.Option("--output-dir", "-o", help=OUTPUT_DIR_HELP)] = None,
    scorer: Annotated[Scorer, typer.Option("--scorer", help=SCORER_HELP)] = "rouge-score",
    embedding_score: Annotated[bool, typer.Option("--embedding-score/--no-embedding-score", help=EMBEDDING_HELP)] = True,
    outputs: Annotated[Optional[list[str]], typer.Option("--outputs", help=OUTPUTS_HELP, show_default=False, metavar="NAME=FILE")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Only the first N clusters.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random baseline and the bootstrap.")] = 0,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Embedding model for ours (name or path).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite result files that already exist.")] = False,
    cache: shared.CacheOption = True,
    precision: shared.PrecisionOption = "auto",
    device: shared.DeviceOption = "auto",
    max_file_size: Annotated[str, typer.Option("--max-file-size", help="Largest dataset read, once decompressed: bytes, or a size such as 2GiB.")] = "1GiB",
    max_article_size: Annotated[str, typer.Option("--max-article-size", help=MAX_ARTICLE_HELP.replace("JSONL line", "cluster line"))] = "64MiB",
) -> None:
    """Score systems against human reference summaries with ROUGE, side by side (and summaries made elsewhere, with --outputs)."""
    from summarizer.bench.report import markdown_table
    from summarizer.bench.session import BenchRequest, run_bench, write_files

    limits = input_limits(max_file_size, max_article_size)
    check_targets(dataset, save_outputs, output_dir, force)
    request = BenchRequest(
        dataset=dataset,
        systems=tuple(name.strip() for name in systems.split(",")),
        preset=preset,
        budget=budget_words,
        metric=metric,
        stem=stem,
        reference_system=reference_system,
        scorer=scorer,
        embedding_score=embedding_score,
        outputs=tuple(outputs or ()),
        limit=limit,
        seed=seed,
        model=model,
        device=device,
        precision=precision,
        cache=cache,
        progress=not quiet,
        limits=limits,
    )
    run = run_bench(request)
    typer.echo(run.preamble)
    typer.echo(markdown_table(run.rows, run.reference), nl=False)
    write_files(run.rows, run.results, run.config, dataset, run.reference, save_outputs, output_dir, run.settings)


def check_targets(dataset: Path, save: Path | None, folder: Path | None, force: bool) -> None:
    """Before any work: refuse to overwrite the dataset, or existing results unless ``force``."""
    from summarizer.bench.session import RESULT_FILES
    from summarizer.cli.output import check_target
    from summarizer.errors import InputError

    if save is not None:
        check_target(save, [str(dataset)], force)
    if folder is None:
        return
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file; give a folder for the results")
    from summarizer.files import writable_folder

    if reason := writable_folder(folder / RESULT_FILES[0]):
        raise InputError(f"{folder}: {reason}; give another folder for the results")
    existing = [name for name in RESULT_FILES if (folder / name).exists()]
    for name in existing:  # never the dataset, even with --force
        check_target(folder / name, [str(dataset)], force=True)
    if existing and not force:
        raise InputError(f"{folder}: already holds {', '.join(existing)}; use --force to overwrite them")
