"""The hand-labelled sentence pairs (benchmarks/data/pairs): the committed references, and their spans in ../shared/data."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from benchmarks.pairs import FIELDS, KINDS, LABELS, PAIRS, SOURCES, PairsError, load_pairs, load_records, reference, short_hash, split_cluster_ids

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HAVE_SHARED = all((SHARED_DATA / name).is_file() for name in SOURCES.values())


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return load_records(PAIRS)


def test_the_set_is_big_enough_with_every_label(records: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in records)
    assert len(records) >= 150
    assert labels["differ"] >= 25 and labels["agree"] >= 25 and labels["unrelated"] >= 25
    assert {record["set"] for record in records} == set(SOURCES)


def test_every_record_has_exactly_the_fields_with_valid_values(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert tuple(record) == FIELDS, record["id"]
        assert record["set"] in SOURCES and record["split"] in ("dev", "test")
        assert record["label"] in LABELS
        if record["label"] == "differ":
            assert record["kind"] in KINDS, record["id"]
        else:
            assert record["kind"] is None, record["id"]
        assert isinstance(record["claim_carried"], bool)
        assert not record["claim_carried"] or record["label"] == "agree", record["id"]
        assert isinstance(record["note"], str)
        assert (0.6 if record["split"] == "dev" else 0.45) <= record["cosine"] <= 1.0001
        assert record["doc_a"] != record["doc_b"]
        for side in ("a", "b"):
            start, end = record[f"start_{side}"], record[f"end_{side}"]
            assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
            assert re.fullmatch(r"[0-9a-f]{12}", record[f"hash_{side}"])


def test_ids_and_pairs_are_unique(records: list[dict[str, Any]]) -> None:
    assert len({record["id"] for record in records}) == len(records)
    spans = [frozenset(((r["doc_a"], r["start_a"], r["end_a"]), (r["doc_b"], r["start_b"], r["end_b"]))) for r in records]
    assert len(set(spans)) == len(records)


def test_no_source_text_is_committed() -> None:
    """References only: the DUC and Multi-News texts may not be redistributed."""
    for path in PAIRS.parent.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert not {"text", "text_a", "text_b", "sentence_a", "sentence_b"} & set(record), path.name
            assert all(re.fullmatch(r"[0-9a-f]{12}", record[key]) for key in ("cluster", "doc_a", "doc_b")), "ids are committed as references"


def test_the_loader_resolves_spans_and_catches_drift(tmp_path: Path) -> None:
    """With a made-up source file: a matching span resolves, a changed text raises PairsError."""
    text_a, text_b = "Rebels seized Kandar on Monday. Forty people died.", "At least 40 people died in Kandar."
    cluster = {"id": "c1", "documents": [{"id": "d0", "text": text_a}, {"id": "d1", "text": text_b}], "references": []}
    (tmp_path / SOURCES["duc2003"]).write_text(json.dumps(cluster) + "\n")
    record = dict.fromkeys(FIELDS)
    record |= {"id": "t-1", "set": "duc2003", "split": "dev", "cluster": reference("c1"), "cosine": 0.8, "label": "agree", "claim_carried": True, "note": ""}
    record |= {"doc_a": reference("d0"), "start_a": 32, "end_a": 50, "hash_a": short_hash(text_a[32:50])}
    record |= {"doc_b": reference("d1"), "start_b": 0, "end_b": len(text_b), "hash_b": short_hash(text_b)}
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(record) + "\n")
    [pair] = load_pairs(pairs, tmp_path)
    assert (pair.text_a, pair.text_b) == ("Forty people died.", text_b)
    pairs.write_text(json.dumps(record | {"end_a": 49}) + "\n")
    with pytest.raises(PairsError, match="source data has changed"):
        load_pairs(pairs, tmp_path)
    pairs.write_text(json.dumps(record | {"doc_b": reference("d9")}) + "\n")
    with pytest.raises(PairsError, match="no document"):
        load_pairs(pairs, tmp_path)


@pytest.mark.skipif(not HAVE_SHARED, reason="../shared/data is absent")
def test_every_committed_span_resolves_and_matches_its_hash(records: list[dict[str, Any]]) -> None:
    pairs = load_pairs(PAIRS, SHARED_DATA)
    assert len(pairs) == len(records)
    for pair in pairs:
        assert pair.text_a.strip() == pair.text_a and pair.text_b.strip() == pair.text_b


@pytest.mark.skipif(not HAVE_SHARED, reason="../shared/data is absent")
def test_every_pair_comes_from_the_half_of_its_set_its_split_names(records: list[dict[str, Any]]) -> None:
    halves = {(name, split): {reference(c) for c in split_cluster_ids(name, split, SHARED_DATA)} for name in SOURCES for split in ("dev", "test")}
    assert all(record["cluster"] in halves[record["set"], record["split"]] for record in records)
