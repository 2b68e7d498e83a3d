"""A bench run as a library: settle the conventions, read the clusters and outside summaries, run and score the
systems, summarise the table, and write the result files. ``summarizer bench`` is this plus option parsing and
printing; ``benchmarks/quality.py`` calls it directly and reads the rows it returns."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from summarizer.bench.metrics import METRICS
from summarizer.errors import UsageError
from summarizer.ingest.limits import Limits

Preset = Literal["duc", "multinews", "multiling"]  # the command line offers exactly these, each a row of PRESETS
Scorer = Literal["rouge-score", "rouge-1.5.5"]
SCORERS: tuple[str, ...] = get_args(Scorer)
PRESETS: dict[str, dict[str, Any]] = {
    "duc": {"metric": "recall", "stem": True, "budget": 100},
    "multinews": {"metric": "f1", "stem": True, "budget": 300},
    "multiling": {"metric": "recall", "stem": False, "budget": 250},
}
DEFAULTS: dict[str, Any] = {"metric": "recall", "stem": True, "budget": 100}


@dataclass(frozen=True)
class BenchRequest:
    """What to score and how, as ``summarizer bench`` takes it (None: the preset's, else the default)."""

    dataset: Path
    systems: tuple[str, ...] = ("ours", "lead", "lead-rr", "lexrank", "textrank", "centroid", "random", "oracle")
    preset: str | None = None
    budget: int | None = None
    metric: str | None = None
    stem: bool | None = None
    reference_system: str = "lexrank"
    scorer: str = "rouge-score"
    embedding_score: bool = True
    outputs: tuple[str, ...] = ()
    limit: int | None = None
    seed: int = 0
    model: str | None = None
    device: str = "auto"
    precision: str = "auto"
    cache: bool = True
    progress: bool = False
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        for name, value, accepted in (("preset", self.preset, tuple(PRESETS)), ("metric", self.metric, METRICS), ("scorer", self.scorer, SCORERS)):
            if value is not None and value not in accepted:
                raise UsageError(f"unknown {name} {value!r}: use one of {', '.join(accepted)}")


@dataclass(frozen=True)
class BenchRun:
    """A finished run: the table's rows, every per-cluster result, the settled configuration, the clusters scored,
    the reference system, the lines printed above the table, and the settings recorded in the result files."""

    rows: Any
    results: Any
    config: Any
    clusters: list[Any]
    reference: str | None
    preamble: str
    settings: dict[str, Any]


def settle(preset: str | None, **given: Any) -> dict[str, Any]:
    """Explicit options over the preset's, over the defaults."""
    chosen = dict(DEFAULTS)
    if preset is not None:
        chosen.update(PRESETS[preset])
    chosen.update({key: value for key, value in given.items() if value is not None})
    return chosen


def run_bench(request: BenchRequest) -> BenchRun:
    """Score the request's systems (and outside summaries) on its dataset, as ``summarizer bench`` does."""
    from summarizer.bench.data import load_clusters
    from summarizer.bench.extra import check_bench_extra
    from summarizer.bench.outside import load_all
    from summarizer.bench.report import summarise
    from summarizer.bench.run import outside_system, perl_rescored, run_all
    from summarizer.bench.systems import BenchConfig, resolve_systems
    from summarizer.embed.cache import cached
    from summarizer.embed.embedder import Embedder
    from summarizer.errors import InputError

    check_bench_extra()
    names = [name for name in request.systems if name and name != "none"]
    clusters = load_clusters(request.dataset, request.limit, request.limits)
    outside = load_all(list(request.outputs), names, request.limits)
    if not names and not outside:
        raise InputError("nothing to score: name systems with --systems, or give summaries with --outputs")
    convention, source = conventions(request.preset, clusters)
    settled = settle(convention, metric=request.metric, stem=request.stem, budget=request.budget)
    config = BenchConfig(budget=settled["budget"], metric=settled["metric"], stem=settled["stem"], seed=request.seed)
    clusters, note = shared_clusters(clusters, outside, request.limit)
    perl = request.scorer == "rouge-1.5.5"
    if perl:
        from summarizer.bench.perl_rouge import check_perl

        check_perl()  # before any system runs
    embedder = functools.cache(lambda: cached(warmed(Embedder(request.model, device=request.device, precision=request.precision)), request.cache))
    chosen = resolve_systems(names, embedder)
    chosen.update({system.name: outside_system(system.summaries) for system in outside})
    untimed = frozenset(system.name for system in outside)
    encoder = embedder() if request.embedding_score else None
    results = run_all(chosen, clusters, config, progress=request.progress, untimed=untimed, encoder=encoder)
    if perl:
        results = perl_rescored(results, clusters, config, convention)
    reference = request.reference_system if request.reference_system in chosen else None
    rows = summarise(results, reference, request.seed)
    program = scorer_text(perl, convention, config)
    stemming = "stemmed" if config.stem else "not stemmed"
    header = f"{request.dataset.name}: {len(clusters)} clusters; {program} {config.metric}, {stemming}, {config.budget} words ({source})"
    preamble = header + "\n" + (note + "\n" if note else "") + (CAVEAT + "\n" if len(clusters) < MIN_CLUSTERS else "")
    similarity = f"cosine of mean sentence embeddings ({embedder().name})" if request.embedding_score else None
    settings: dict[str, Any] = {
        "convention": convention,
        "conventions_from": source,
        "scorer": program,
        "emb_cos": similarity,
        "limit": request.limit,
        "model": request.model or "default",
        "clusters_scored": [c.id for c in clusters],
        "coverage": note,
        "header": preamble.strip(),
    }
    return BenchRun(rows, results, config, clusters, reference, preamble, settings)


def shared_clusters(clusters: list[Any], outside: list[Any], limit: int | None) -> tuple[list[Any], str]:
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


def scorer_text(perl: bool, convention: str, config: Any) -> str:
    """The scoring program as the header and results.json name it: rouge-score, or ROUGE-1.5.5 with its arguments."""
    if not perl:
        return "ROUGE (rouge-score)"
    from summarizer.bench.perl_rouge import preset_args

    return f"ROUGE-1.5.5 ({' '.join(preset_args(convention, config.budget, config.stem))})"


MIN_CLUSTERS = 10
CAVEAT = f"Fewer than {MIN_CLUSTERS} clusters: the bootstrap intervals are rough."


def conventions(preset: str | None, clusters: Any) -> tuple[str, str]:
    """The conventions to score by, and where they came from: --preset, else the one the dataset names, else DUC's."""
    if preset is not None:
        return preset, f"--preset {preset}"
    named = sorted({c.convention for c in clusters if c.convention in PRESETS})
    if len(named) == 1:
        return named[0], f"{named[0]} conventions, as the dataset names"
    return "duc", "duc conventions: no --preset, and the dataset names none"


RESULT_FILES = ("results.json", "results.csv", "table.md", "rouge2.png", "report.html")


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
    rows: Any, results: Any, config: Any, dataset: Path, reference: str | None, save: Path | None, folder: Path | None, extra: dict[str, Any]
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
