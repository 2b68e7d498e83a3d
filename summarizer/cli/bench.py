"""``summarizer bench``: parse options, run the systems, print and save the table. Nothing else."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from summarizer.cli import shared
from summarizer.cli.brief import cached, input_limits
from summarizer.cli.shared import MAX_ARTICLE_HELP


class Preset(str, Enum):
    """Conventions of the literature."""

    duc = "duc"
    multinews = "multinews"
    multiling = "multiling"


class Scorer(str, Enum):
    """Which ROUGE program scores."""

    rouge_score = "rouge-score"
    rouge_155 = "rouge-1.5.5"


SCORER_HELP = (
    "rouge-score (Google's Python reimplementation; the default) or rouge-1.5.5 (the original Perl script, as papers report it, "
    "with the preset's published arguments; needs perl and libxml-parser-perl)."
)


EMBEDDING_HELP = (
    "Also score each summary by the cosine of its mean sentence embedding to each reference's (the --model's; not BERTScore): the 'emb cos' column."
)


OUTPUT_DIR_HELP = "Write results.json, results.csv, table.md, rouge2.png and report.html here."


class Metric(str, Enum):
    """Which side of ROUGE to read."""

    recall = "recall"
    f1 = "f1"


PRESETS: dict[str, dict[str, Any]] = {
    "duc": {"metric": "recall", "stem": True, "budget": 100},
    "multinews": {"metric": "f1", "stem": True, "budget": 300},
    "multiling": {"metric": "recall", "stem": False, "budget": 250},
}
DEFAULTS: dict[str, Any] = {"metric": "recall", "stem": True, "budget": 100}
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


def settle(preset: Optional[str], **given: Any) -> dict[str, Any]:
    """Explicit options over the preset's, over the defaults."""
    chosen = dict(DEFAULTS)
    if preset is not None:
        chosen.update(PRESETS[preset])
    chosen.update({key: value for key, value in given.items() if value is not None})
    return chosen


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
    scorer: Annotated[Scorer, typer.Option("--scorer", help=SCORER_HELP)] = Scorer.rouge_score,
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
    import functools

    from summarizer.bench.extra import check_bench_extra

    check_bench_extra()
    from summarizer.bench.data import load_clusters
    from summarizer.bench.outside import load_all
    from summarizer.bench.report import markdown_table, summarise
    from summarizer.bench.run import outside_system, perl_rescored, run_all
    from summarizer.bench.systems import BenchConfig, resolve_systems
    from summarizer.embed.embedder import Embedder
    from summarizer.errors import InputError

    limits = input_limits(max_file_size, max_article_size)
    check_targets(dataset, save_outputs, output_dir, force)
    names = [name.strip() for name in systems.split(",") if name.strip() and name.strip() != "none"]
    clusters = load_clusters(dataset, limit, limits)
    outside = load_all(outputs or [], names, limits)
    if not names and not outside:
        raise InputError("nothing to score: name systems with --systems, or give summaries with --outputs")
    convention, source = conventions(preset, clusters)
    settled = settle(convention, metric=metric.value if metric else None, stem=stem, budget=budget_words)
    config = BenchConfig(budget=settled["budget"], metric=settled["metric"], stem=settled["stem"], seed=seed)
    clusters, note = shared_clusters(clusters, outside, limit)
    if scorer is Scorer.rouge_155:
        from summarizer.bench.perl_rouge import check_perl

        check_perl()  # before any system runs
    embedder = functools.cache(lambda: cached(warmed(Embedder(model, device=device, precision=precision)), cache))
    chosen = resolve_systems(names, embedder)
    chosen.update({system.name: outside_system(system.summaries) for system in outside})
    untimed = frozenset(system.name for system in outside)
    results = run_all(chosen, clusters, config, progress=not quiet, untimed=untimed, encoder=embedder() if embedding_score else None)
    if scorer is Scorer.rouge_155:
        results = perl_rescored(results, clusters, config, convention)
    reference = reference_system if reference_system in chosen else None
    rows = summarise(results, reference, seed)
    program = scorer_text(scorer, convention, config)
    header = (
        f"{dataset.name}: {len(clusters)} clusters; {program} {config.metric}, {'stemmed' if config.stem else 'not stemmed'}, {config.budget} words ({source})"
    )
    preamble = header + "\n" + (note + "\n" if note else "") + (CAVEAT + "\n" if len(clusters) < MIN_CLUSTERS else "")
    typer.echo(preamble)
    typer.echo(markdown_table(rows, reference), nl=False)
    similarity = f"cosine of mean sentence embeddings ({embedder().name})" if embedding_score else None
    settings: dict[str, Any] = {
        "convention": convention,
        "conventions_from": source,
        "scorer": program,
        "emb_cos": similarity,
        "limit": limit,
        "model": model or "default",
    }
    settings |= {"clusters_scored": [c.id for c in clusters], "coverage": note, "header": preamble.strip()}
    write_files(rows, results, config, dataset, reference, save_outputs, output_dir, settings)


def shared_clusters(clusters: list[Any], outside: list[Any], limit: Optional[int]) -> tuple[list[Any], str]:
    """The clusters every system of ``--outputs`` summarised, and the note that says which were left out and why."""
    from dataclasses import replace

    from summarizer.bench.outside import coverage, coverage_note
    from summarizer.errors import InputError

    cover = coverage([c.id for c in clusters], outside)
    if limit is not None:  # the dataset was read in part: summaries of the clusters after the limit are not strays
        cover = replace(cover, unknown={})
    scored = set(cover.scored)
    kept = [c for c in clusters if c.id in scored]
    if not kept:
        raise InputError("no cluster is summarised by every system of --outputs: nothing to score")
    return kept, coverage_note(cover, len(clusters))


def scorer_text(scorer: Scorer, convention: str, config: Any) -> str:
    """The scoring program as the header and results.json name it: rouge-score, or ROUGE-1.5.5 with its arguments."""
    if scorer is Scorer.rouge_score:
        return "ROUGE (rouge-score)"
    from summarizer.bench.perl_rouge import preset_args

    return f"ROUGE-1.5.5 ({' '.join(preset_args(convention, config.budget, config.stem))})"


MIN_CLUSTERS = 10
CAVEAT = f"Fewer than {MIN_CLUSTERS} clusters: the bootstrap intervals are rough."


def conventions(preset: Optional[Preset], clusters: Any) -> tuple[str, str]:
    """The conventions to score by, and where they came from: --preset, else the one the dataset names, else DUC's."""
    if preset is not None:
        return preset.value, f"--preset {preset.value}"
    named = sorted({c.convention for c in clusters if c.convention in PRESETS})
    if len(named) == 1:
        return named[0], f"{named[0]} conventions, as the dataset names"
    return "duc", "duc conventions: no --preset, and the dataset names none"


RESULT_FILES = ("results.json", "results.csv", "table.md", "rouge2.png", "report.html")


def check_targets(dataset: Path, save: Optional[Path], folder: Optional[Path], force: bool) -> None:
    """Before any work: refuse to overwrite the dataset, or existing results unless ``force``."""
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


def tool_record() -> dict[str, Any]:
    """The tool's version, and its commit when it runs from a git checkout."""
    import subprocess

    from summarizer.version import VERSION

    record: dict[str, Any] = {"tool": "summarizer", "version": VERSION}
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return record
    if done.returncode == 0 and done.stdout.strip():
        record["commit"] = done.stdout.strip()
    return record


def warmed(embedder: Any) -> Any:
    """Load the model before any clock starts."""
    embedder.encode(["warm-up"])
    return embedder


def write_files(
    rows: Any, results: Any, config: Any, dataset: Path, reference: Optional[str], save: Optional[Path], folder: Optional[Path], extra: dict[str, Any]
) -> None:
    """The optional outputs: summaries as JSONL, and JSON + CSV + Markdown + PNG under a folder."""
    from dataclasses import asdict

    from summarizer.bench.report import markdown_table, outputs_jsonl, plot, results_csv, results_json
    from summarizer.bench.report_html import report_html
    from summarizer.files import write_atomic

    if save is not None:
        write_atomic(save, outputs_jsonl(results))
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    settings = {**asdict(config), "dataset": dataset.name, "reference_system": reference, **extra, **tool_record()}
    write_atomic(folder / "results.json", results_json(rows, results, settings))
    write_atomic(folder / "results.csv", results_csv(results))
    provenance = f"summarizer {settings.get('version', '')}" + (f", commit {settings['commit'][:10]}" if settings.get("commit") else "")
    lines = [f"> {line}" for line in str(extra.get("header", "")).splitlines()]
    preamble = "\n".join([*lines, f"> {provenance}; model {settings.get('model')}; seed {config.seed}", "", ""])
    write_atomic(folder / "table.md", preamble + markdown_table(rows, reference))
    stemming = "stemmed" if config.stem else "not stemmed"
    scored = len(settings.get("clusters_scored", []))
    title = f"{dataset.name}: ROUGE-2 {config.metric}, {config.budget} words, {stemming}\n{settings.get('scorer', '')}; {scored} clusters"
    write_atomic(folder / "rouge2.png", plot(rows, title))
    write_atomic(folder / "report.html", report_html(rows, results, settings, reference))
