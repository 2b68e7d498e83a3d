"""Evaluation clusters: ``{"id", "documents": [...], "references": [...]}`` one a line (JSONL)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.ingest.records import record_to_article
from summarizer.types import Article


@dataclass(frozen=True)
class Cluster:
    """A set of articles on one story, and the human summaries of it."""

    id: str
    documents: tuple[Article, ...]
    references: tuple[str, ...]


def parse_cluster(line: str, where: str) -> Cluster:
    """One cluster from one JSONL line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: malformed JSON line ({error.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("documents"), list) or not record["documents"]:
        raise InputError(f"{where}: a cluster needs a non-empty 'documents' list")
    references = record.get("references")
    if not isinstance(references, list) or not all(isinstance(r, str) and r.strip() for r in references) or not references:
        raise InputError(f"{where}: a cluster needs a non-empty 'references' list of strings")
    documents = tuple(record_to_article(doc, f"{where}: document {number}", article_id=number) for number, doc in enumerate(record["documents"]))
    return Cluster(str(record.get("id", where)), documents, tuple(references))


def load_clusters(path: Path, limit: int | None = None) -> list[Cluster]:
    """The clusters of a JSONL file, in file order (the first ``limit`` when given)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    clusters = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                clusters.append(parse_cluster(line, f"{path}:{number}"))
            if limit is not None and len(clusters) >= limit:
                break
    if not clusters:
        raise InputError(f"{path}: holds no clusters")
    return clusters
