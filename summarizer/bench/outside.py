"""Summaries made elsewhere (an LLM prompt, a fine-tuned model, last year's baseline), read to be scored beside ours.

A file is JSONL, one summary a line: ``{"id", "summary"}``, the summary a string
or a list of sentences (joined with a space). A line may name its ``system``,
as ``bench --save-outputs`` writes them, so one saved file can bring back several
systems. Any line that cannot be read is an InputError naming ``FILE:LINE``:
scores never come from a silently partial file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.ingest.folders import shown
from summarizer.ingest.limits import Limits
from summarizer.ingest.records import type_name
from summarizer.ingest.streams import file_lines

NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+")


@dataclass(frozen=True)
class OutsideSystem:
    """A system's summaries by cluster id, and the file they came from."""

    name: str
    summaries: dict[str, str]
    source: str


def parse_spec(spec: str) -> tuple[str, Path]:
    """``NAME=FILE`` as (name, path); a bare ``FILE`` as ('', path): its lines then name their systems."""
    name, sep, file = spec.partition("=")
    if not sep:
        return "", Path(spec)
    if not name or not set(name) <= NAME_CHARS:
        raise InputError(f"--outputs {spec}: the system's name must be letters, digits, '-', '_', '.' or '+' (NAME=FILE)")
    if not file:
        raise InputError(f"--outputs {spec}: give the file after '=' (NAME=FILE)")
    return name, Path(file)


def summary_text(value: object, where: str) -> str:
    """A summary as one text: a string, or a list of sentence strings joined by a space."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return " ".join(item.strip() for item in value)
    raise InputError(f"{where}: field 'summary' is {type_name(value)}, not a string or a list of strings")


def parse_line(text: str, where: str, named: str) -> tuple[str, str, str]:
    """(system, cluster id, summary) of one line."""
    try:
        record = json.loads(text)
    except ValueError as error:
        raise InputError(f"{where}: not JSON ({error.args[0].split(':')[0]})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a summary is a JSON object {{id, summary}}, not {type_name(record)}")
    ident = record.get("id")
    if not (isinstance(ident, str) and ident) and not (isinstance(ident, int) and not isinstance(ident, bool)):
        raise InputError(f"{where}: field 'id' is {type_name(ident)}, not the cluster's id (a string or an integer)")
    if "summary" not in record:
        raise InputError(f"{where}: no field 'summary'")
    system = named or record.get("system")
    if not isinstance(system, str) or not system:
        raise InputError(f"{where}: the line names no 'system'; give the file as NAME=FILE")
    return system, str(ident), summary_text(record["summary"], where)


def load_outputs(spec: str, limits: Limits = Limits()) -> list[OutsideSystem]:
    """The systems of one ``--outputs`` argument, in order of first appearance."""
    named, path = parse_spec(spec)
    if not path.is_file():
        raise InputError(f"{shown(path)}: no such file (--outputs)")
    found: dict[str, dict[str, str]] = {}
    for line in file_lines(path, limits):
        where = f"{shown(path)}:{line.number}" if line.number else shown(path)
        if line.text is None:
            raise InputError(f"{where}: {line.problem}")
        if not line.text.strip():
            continue
        system, ident, summary = parse_line(line.text, where, named)
        summaries = found.setdefault(system, {})
        if ident in summaries:
            raise InputError(f"{where}: a second summary of cluster {ident!r} for system {system!r}")
        summaries[ident] = summary
    if not found:
        raise InputError(f"{shown(path)}: holds no summaries (--outputs)")
    return [OutsideSystem(name, summaries, shown(path)) for name, summaries in found.items()]


def load_all(specs: Sequence[str], taken: Sequence[str], limits: Limits = Limits()) -> list[OutsideSystem]:
    """Every system of every ``--outputs``; a name given twice, or already a built-in system's, is an InputError."""
    systems: list[OutsideSystem] = []
    names = set(taken)
    for spec in specs:
        for system in load_outputs(spec, limits):
            if system.name in names:
                raise InputError(f"--outputs {spec}: system {system.name!r} is named twice; rename it with NAME=FILE")
            names.add(system.name)
            systems.append(system)
    return systems


@dataclass(frozen=True)
class Coverage:
    """Which clusters every system has: the ids scored, and per outside system the ids it lacks and any it
    has that the dataset does not."""

    scored: tuple[str, ...]
    missing: dict[str, tuple[str, ...]]
    unknown: dict[str, tuple[str, ...]]


def coverage(cluster_ids: Sequence[str], systems: Sequence[OutsideSystem]) -> Coverage:
    """The clusters every outside system summarised, in dataset order."""
    missing = {s.name: tuple(i for i in cluster_ids if i not in s.summaries) for s in systems}
    known = set(cluster_ids)
    unknown = {s.name: tuple(sorted(i for i in s.summaries if i not in known)) for s in systems}
    lacking = {i for ids in missing.values() for i in ids}
    return Coverage(tuple(i for i in cluster_ids if i not in lacking), {k: v for k, v in missing.items() if v}, {k: v for k, v in unknown.items() if v})


def coverage_note(cover: Coverage, total: int, shown_ids: int = 5) -> str:
    """One line per system that lacks clusters, and the count scored ('' when every system has every cluster)."""
    if not cover.missing and not cover.unknown:
        return ""
    lines = []
    for name, ids in cover.missing.items():
        more = f" and {len(ids) - shown_ids} more" if len(ids) > shown_ids else ""
        lines.append(f"{name} lacks {len(ids)} cluster{'s' if len(ids) != 1 else ''}: {', '.join(ids[:shown_ids])}{more}")
    for name, ids in cover.unknown.items():
        more = f" and {len(ids) - shown_ids} more" if len(ids) > shown_ids else ""
        lines.append(
            f"{name} has {len(ids)} summar{'ies' if len(ids) != 1 else 'y'} of clusters not in the dataset, ignored: {', '.join(ids[:shown_ids])}{more}"
        )
    lines.append(f"every system is scored over the {len(cover.scored)} of {total} clusters they all have")
    return "\n".join(lines)
