"""Evaluation clusters: ``{"id", "documents": [...], "references": [...]}`` one a line (JSONL, plain or .gz)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.ingest.decoding import detect, spelled
from summarizer.ingest.folders import shown
from summarizer.ingest.limits import Limits
from summarizer.ingest.records import is_number, load_json, record_to_article, type_name
from summarizer.ingest.streams import STREAM_ERRORS, file_lines, sample_of, stream_error
from summarizer.types import Article


@dataclass(frozen=True)
class Cluster:
    """A set of articles on one story, and the human summaries of it."""

    id: str
    documents: tuple[Article, ...]
    references: tuple[str, ...]
    convention: str = ""  # the ROUGE conventions the dataset names (meta.convention: duc, multinews, multiling)


def parse_cluster(line: str, where: str) -> Cluster:
    """One cluster from one JSONL line; a missing or mistyped field is an InputError naming it."""
    record = load_json(line, where, "malformed JSON line")
    if not isinstance(record, dict):
        raise InputError(f"{where}: a cluster is a JSON object, not {type_name(record)}")
    documents = record.get("documents")
    if not isinstance(documents, list) or not documents:
        raise InputError(f"{where}: a cluster needs a non-empty 'documents' list (got {type_name(documents)})")
    references = record.get("references")
    if not isinstance(references, list) or not references or not all(isinstance(r, str) and r.strip() for r in references):
        raise InputError(f"{where}: a cluster needs a non-empty 'references' list of strings")
    articles = tuple(record_to_article(doc, f"{where}: document {number + 1}", article_id=number) for number, doc in enumerate(documents))
    meta = record.get("meta")
    convention = meta.get("convention") if isinstance(meta, dict) else None
    return Cluster(cluster_id(record.get("id"), where), articles, tuple(references), convention if isinstance(convention, str) else "")


def cluster_id(value: Any, where: str) -> str:
    """A cluster's id as text: a string or an integer (FILE:LINE when absent)."""
    if value is None or value == "":
        return where
    if isinstance(value, str) or (is_number(value) and isinstance(value, int)):
        return str(value)
    raise InputError(f"{where}: field 'id' is {type_name(value)}, not a string or an integer")


def load_clusters(path: Path, limit: int | None = None, limits: Limits = Limits()) -> list[Cluster]:
    """The clusters of a JSONL file (plain or gzip; UTF-8, or UTF-16/32 with a BOM), in file order (the first ``limit`` when given).

    Any line that cannot be read is an InputError naming FILE:LINE: scores
    must never come from a silently partial dataset.
    """
    if not path.is_file():
        raise InputError(f"{shown(path)}: no such file")
    check_encoding(path)
    clusters = []
    for line in file_lines(path, limits):
        where = f"{shown(path)}:{line.number}" if line.number else shown(path)
        if line.text is None:
            raise InputError(f"{where}: {line.problem}")
        if line.text.strip():
            clusters.append(parse_cluster(line.text, where))
        if limit is not None and len(clusters) >= limit:
            break
    if not clusters:
        raise InputError(f"{shown(path)}: holds no clusters")
    return clusters


def check_encoding(path: Path) -> None:
    """Refuse a dataset that is not Unicode text: guessing a legacy encoding could change the scores unseen."""
    try:
        encoding = detect(sample_of(path))
    except STREAM_ERRORS as error:
        raise InputError(f"{shown(path)}: {stream_error(error)}") from None
    if not encoding.lower().startswith("utf"):
        found = f" (it looks like {spelled(encoding)})" if encoding else " (it looks like binary data)"
        raise InputError(f"{shown(path)}: not UTF-8{found}; save the dataset as UTF-8")
