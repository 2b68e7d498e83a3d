"""``summarizer brief``: parse options, read the articles, summarise, print. Nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from summarizer.cli import shared
from summarizer.cli.output import check_target, emit
from summarizer.embed.cache import cached
from summarizer.options import Order
from summarizer.render import Format

PATHS_HELP = (
    "Folders (read recursively; hidden files and folders are skipped), files (.txt .md .html .json .jsonl, feeds .rss .atom .xml,"
    " tables .csv .tsv, .pdf, .docx, web archives .warc .arc; optionally .gz; a file is read by what its content shows, any other"
    " name given directly as text), or - for stdin. Text may be UTF-8, UTF-16/32 with a BOM, or a legacy encoding such as cp1252."
)
COLUMNS_HELP = (
    "A table's columns by field, when their names are not the usual ones: text=story_body,title=hed (fields: text, title, published, source, url, id)."
)
STRICT_HELP = "Stop at the first input that cannot be read (a bad file, record or line) instead of warning and skipping it."
FORMAT_HELP = "md, json or html (default: md, or the -o file's suffix)."
SINCE_HELP = "An earlier briefing's JSON, or a folder of them (a batch output): mark each bullet new, update or reported. Repeatable."
MAX_SENTENCES_HELP = "Most sentences one briefing takes: memory grows with their square (about 5 GB at 10,000)."


ORDER_HELP = (
    "reading: the story's core first, related bullets side by side; importance: the order they were chosen in, "
    "most covered first (keep the head when cutting a briefing to a length)."
)
SUFFIX_FORMATS: dict[str, Format] = {".json": "json", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "md"}
COLUMN_FIELDS = ("text", "title", "published", "source", "url", "id")


def chosen_format(fmt: Optional[Format], output: Optional[Path]) -> Format:
    """The asked format, else the one the output file's suffix implies, else Markdown; a suffix that names another
    format than the one asked, or none brief writes (``-o brief.pdf``), is a usage error."""
    from summarizer.errors import UsageError

    suffix = output.suffix.lower() if output is not None else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if suffix and implied is None:
        raise UsageError(f"-o {output}: brief writes Markdown, JSON or HTML, not {suffix}; name the file .md, .json or .html, or give -f")
    if fmt is not None and implied is not None and implied != fmt and suffix != ".txt":
        raise UsageError(f"-o {output} says {implied}, but -f says {fmt}: make them agree")
    return fmt or implied or "md"


def column_names(given: Optional[str]) -> dict[str, str]:
    """``--columns text=story_body,title=hed`` as a field -> column mapping (a usage error when malformed)."""
    from summarizer.errors import UsageError

    chosen: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in (given or "").split(","))):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in COLUMN_FIELDS or not column.strip():
            raise UsageError(f"--columns {given}: give FIELD=COLUMN pairs, comma-separated, FIELD one of {', '.join(COLUMN_FIELDS)}")
        chosen[field.strip()] = column.strip()
    return chosen


def brief(
    paths: Annotated[list[str], typer.Argument(help=PATHS_HELP, show_default=False)],
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout (- is stdout).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the -o file if it exists.")] = False,
    bullets: shared.BulletsOption = None,
    max_words: shared.MaxWordsOption = None,
    max_sentences: Annotated[int, typer.Option("--max-sentences", min=1, help=MAX_SENTENCES_HELP)] = 10_000,
    model: shared.ModelOption = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for anything random (recorded in the provenance).")] = 0,
    cache: shared.CacheOption = True,
    precision: shared.PrecisionOption = "auto",
    device: shared.DeviceOption = "auto",
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
    max_file_size: shared.MaxFileSizeOption = "1GiB",
    max_article_size: shared.MaxArticleSizeOption = "64MiB",
    dayfirst: shared.DayFirstOption = False,
    monthfirst: shared.MonthFirstOption = False,
    since: Annotated[Optional[list[str]], typer.Option("--since", help=SINCE_HELP, show_default=False, metavar="EARLIER")] = None,
    only_new: Annotated[bool, typer.Option("--only-new", help="With --since: leave out the bullets already reported.")] = False,
    order: Annotated[Order, typer.Option("--order", help=ORDER_HELP)] = "reading",
    columns: Annotated[Optional[str], typer.Option("--columns", help=COLUMNS_HELP, show_default=False, metavar="FIELD=COLUMN,...")] = None,
) -> None:
    """Print a briefing of the articles in PATH...: one verbatim, cited bullet per topic."""
    from dataclasses import replace

    from summarizer.embed.embedder import Embedder
    from summarizer.ingest.readers import read_inputs
    from summarizer.options import Options
    from summarizer.pipeline import run
    from summarizer.render import render
    from summarizer.since import mark_new, read_earlier

    dates = date_order(dayfirst, monthfirst)
    options = Options(bullets=bullets, max_words=max_words, model=model, seed=seed, max_sentences=max_sentences, date_order=dates, order=order)
    limits = input_limits(max_file_size, max_article_size)
    if output is not None and str(output) == "-":
        output = None
    chosen = chosen_format(fmt, output)
    table_columns = column_names(columns)
    if only_new and not since:
        from summarizer.errors import UsageError

        raise UsageError("--only-new needs --since EARLIER.json: the briefing to compare with")
    if output is not None:
        check_target(output, [*paths, *(since or [])], force)
    embedder = cached(Embedder(model, device=device, precision=precision), cache)  # a bad --model fails before a large input is read
    reading = read_inputs(paths, strict=strict, limits=limits, columns=table_columns)
    warn_skipped(reading.skipped)
    warn_ambiguous_dates(reading.articles, options.date_order)
    briefing = run([replace(article, id=number) for number, article in enumerate(reading.articles)], options, embedder)
    refuse_furniture_only(briefing)  # an empty briefing with sentences says why in its own text
    if since:
        briefing = mark_new(briefing, read_earlier(since), embedder, only_new)
    briefing = replace(briefing, skipped=reading.skipped)
    emit(render(briefing, chosen), output)


def refuse_furniture_only(briefing: Any) -> None:
    """An input with not one sentence (only share buttons, sign-up prompts, headings) is an InputError, not an empty
    briefing under a title made of page furniture."""
    if briefing.sentences:
        return
    from collections import Counter

    from summarizer.errors import InputError

    kinds = Counter(item.reason for item in briefing.left_out)
    found = ", ".join(f"{count} {reason}" for reason, count in sorted(kinds.items()))
    raise InputError(f"no sentence found in the input, only page furniture and fragments ({found or 'nothing'}): nothing to brief")


def date_order(dayfirst: bool, monthfirst: bool) -> str:
    """'dayfirst', 'monthfirst' or '' (ambiguous numeric dates left undated); both at once is a usage error."""
    if dayfirst and monthfirst:
        from summarizer.errors import UsageError

        raise UsageError("--dayfirst and --monthfirst contradict each other: give one")
    return "dayfirst" if dayfirst else "monthfirst" if monthfirst else ""


def warn_ambiguous_dates(articles: Any, order: str) -> None:
    """One stderr line per article whose numeric date reads both ways (12/03/2025) when no order was given."""
    from summarizer.dates import ambiguity_warning, ambiguous_dates, with_dates

    for article in ambiguous_dates(with_dates(articles, order), order):
        typer.echo(f"summarizer: warning: {ambiguity_warning(article, article.path or article.ref or 'an article')}", err=True)


def input_limits(max_file_size: str, max_article_size: str) -> Any:
    """The size limits the options give (an InputError naming the option when one is not a size)."""
    from summarizer.ingest.limits import ARTICLE_OPTION, FILE_OPTION, Limits, parse_size

    return Limits(parse_size(max_file_size, FILE_OPTION), parse_size(max_article_size, ARTICLE_OPTION))


def warn_skipped(skipped: Any) -> None:
    """One stderr line per input that was not read: FILE (or FILE:LINE) and why."""
    for item in skipped:
        typer.echo(f"summarizer: warning: {item.path}: {item.reason}", err=True)
