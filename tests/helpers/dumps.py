"""Dumps of the seed articles, output trees compared byte for byte, and runs with an empty cache of their own."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from tests.conftest import SEEDS

DATES = ("2025-03-01", "2025-03-01", "2025-03-02T10:00:00Z", "2025-03-02", "2025-03-02")


def seed_records() -> list[dict[str, str]]:
    """The seed articles as dump records, dated over two days."""
    records = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": DATES[number], "source": f"source {number}"})
    return records


def write_dump(path: Path, records: list[dict[str, str]], extra_lines: tuple[str, ...] = ()) -> Path:
    """Write ``records`` as a JSONL dump (gzipped when the name ends in .gz), with any extra raw lines after them."""
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fresh_env(tmp_path: Path, name: str, **extra: str) -> dict[str, str]:
    """The environment of a run with an empty embedding cache of its own."""
    cache = tmp_path / f"cache-{name}"
    cache.mkdir()
    return dict(os.environ, SUMMARIZER_CACHE_DIR=str(cache), **extra)
