"""Hand-labelled sentence pairs "about the same fact", for figure disagreement and citation precision.

    python -m benchmarks.pairs candidates --out /tmp/pair_candidates.jsonl [--seed 2026] [--duc 180] [--multinews 90] [--clash 60]
    python -m benchmarks.pairs check        # every committed span resolves and matches its hash; counts
    python -m benchmarks.pairs show [--label differ]   # the labelled pairs with their texts, for review

The committed file (benchmarks/data/pairs/pairs.jsonl) holds references only: set,
cluster id, document id and character offsets of each sentence, a short hash of
its text, and the label. The DUC 2003 and Multi-News texts may not be committed:
they are resolved at run time from ../shared/data. `candidates` (mined by benchmarks/pair_candidates.py) writes texts, so
it refuses to write inside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PAIRS = Path(__file__).resolve().parent / "data" / "pairs" / "pairs.jsonl"
SOURCES = {"duc2003": "duc2003_task2.jsonl", "multinews": "multinews_validation_sample250.jsonl"}
LABELS = ("agree", "differ", "unrelated")
KINDS = ("count", "money", "percent", "date", "quantity", "speaker", "other")
FIELDS = (
    "id",
    "set",
    "split",
    "cluster",
    "doc_a",
    "start_a",
    "end_a",
    "hash_a",
    "doc_b",
    "start_b",
    "end_b",
    "hash_b",
    "cosine",
    "label",
    "kind",
    "claim_carried",
    "note",
)
MIN_COSINE, CITE_COSINE = 0.6, 0.75
MIN_WORDS, MAX_WORDS = 6, 80
PARAPHRASE_BANDS = ((0.45, 0.60, 0.20), (0.60, 0.70, 0.20), (0.70, 0.75, 0.10), (0.75, 0.85, 0.25), (0.85, 0.95, 0.15), (0.95, 1.01, 0.10))
SEED = 2026


class PairsError(ValueError):
    """A committed pair that does not resolve against ../shared/data."""


@dataclass(frozen=True)
class Pair:
    """One labelled pair, with its two sentences resolved from the source texts."""

    id: str
    set: str
    split: str
    cluster: str
    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    cosine: float
    label: str
    kind: str | None
    claim_carried: bool
    note: str
    text_a: str
    text_b: str


def short_hash(text: str) -> str:
    """The first 12 hex digits of the sha1 of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON records of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def reference(identifier: str) -> str:
    """The opaque reference committed for a cluster or document id (its short hash): the committed file
    names no document of the licensed sets, yet each reference finds its document again."""
    return short_hash(identifier)


@cache
def clusters(set_name: str, data: Path = DATA) -> dict[str, dict[str, str]]:
    """Cluster id -> document id -> text, for one source set."""
    if set_name not in SOURCES:
        raise PairsError(f"unknown set {set_name!r} (expected one of {', '.join(SOURCES)})")
    path = data / SOURCES[set_name]
    if not path.is_file():
        raise FileNotFoundError(f"{path} is absent: the pair texts are resolved from ../shared/data at run time")
    return {str(row["id"]): {str(doc["id"]): str(doc["text"]) for doc in row["documents"]} for row in read_jsonl(path)}


@cache
def referenced(set_name: str, data: Path = DATA) -> dict[str, dict[str, str]]:
    """``clusters`` keyed by references: cluster reference -> document reference -> text."""
    return {reference(cluster): {reference(doc): text for doc, text in docs.items()} for cluster, docs in clusters(set_name, data).items()}


def split_cluster_ids(set_name: str, split: str = "dev", data: Path = DATA) -> list[str]:
    """The first half (sorted by id) of a set's clusters for the "dev" split (rules are tuned on it), the second half for "test"
    (held out from tuning: the figures are reported on it)."""
    ids = sorted(clusters(set_name, data))
    return ids[: len(ids) // 2] if split == "dev" else ids[len(ids) // 2 :]


def resolve(set_name: str, cluster: str, doc: str, start: int, end: int, data: Path = DATA) -> str:
    """The text of one span (cluster and document given by reference), or a PairsError naming what is missing."""
    docs = referenced(set_name, data).get(cluster)
    if docs is None:
        raise PairsError(f"{set_name}: no cluster {cluster!r}")
    if doc not in docs:
        raise PairsError(f"{set_name}/{cluster}: no document {doc!r}")
    text = docs[doc]
    if not 0 <= start < end <= len(text):
        raise PairsError(f"{set_name}/{cluster}/{doc}: span {start}-{end} is outside the text ({len(text)} characters)")
    return text[start:end]


def load_records(path: Path = PAIRS) -> list[dict[str, Any]]:
    """The committed records, unresolved (no source data needed)."""
    return read_jsonl(path)


def load_pairs(path: Path = PAIRS, data: Path = DATA) -> list[Pair]:
    """The labelled pairs with their texts resolved from ``data``; PairsError when a span does not match its hash."""
    pairs = []
    for record in load_records(path):
        texts = []
        for side in ("a", "b"):
            text = resolve(record["set"], record["cluster"], record[f"doc_{side}"], record[f"start_{side}"], record[f"end_{side}"], data)
            if short_hash(text) != record[f"hash_{side}"]:
                raise PairsError(
                    f"pair {record['id']}: sentence {side} ({record['set']}/{record['cluster']}/{record[f'doc_{side}']} "
                    f"{record[f'start_{side}']}-{record[f'end_{side}']}) hashes to {short_hash(text)}, not {record[f'hash_{side}']}: "
                    "the source data has changed"
                )
            texts.append(text)
        pairs.append(
            Pair(
                id=record["id"],
                set=record["set"],
                split=record["split"],
                cluster=record["cluster"],
                doc_a=record["doc_a"],
                start_a=record["start_a"],
                end_a=record["end_a"],
                doc_b=record["doc_b"],
                start_b=record["start_b"],
                end_b=record["end_b"],
                cosine=record["cosine"],
                label=record["label"],
                kind=record["kind"],
                claim_carried=record["claim_carried"],
                note=record["note"],
                text_a=texts[0],
                text_b=texts[1],
            )
        )
    return pairs


def counts_table(records: Iterable[dict[str, Any]]) -> str:
    """Counts per set and label, per differ kind, and of claim_carried above the citation threshold."""
    records = list(records)
    lines = ["| set | agree | differ | unrelated | total |", "|---|---|---|---|---|"]
    for set_name in (*SOURCES, "all"):
        chosen = [r for r in records if set_name in ("all", r["set"])]
        labels = Counter(r["label"] for r in chosen)
        lines.append(f"| {set_name} | " + " | ".join(str(labels[label]) for label in LABELS) + f" | {len(chosen)} |")
    kinds = Counter(r["kind"] for r in records if r["label"] == "differ")
    lines += ["", "| differ kind | pairs |", "|---|---|", *(f"| {kind} | {kinds[kind]} |" for kind in KINDS if kinds[kind])]
    lines += ["", "| cosine | pairs | agree | differ | unrelated |", "|---|---|---|---|---|"]
    for low, high, _ in PARAPHRASE_BANDS:
        band = [r for r in records if low <= r["cosine"] < high]
        labels = Counter(r["label"] for r in band)
        lines.append(f"| {low:.2f}-{min(high, 1.0):.2f} | {len(band)} | " + " | ".join(str(labels[label]) for label in LABELS) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """The command line: candidates, check, show."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pairs", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    propose = commands.add_parser("candidates", help="propose candidate pairs (with texts) from the dev clusters")
    propose.add_argument("--out", type=Path, required=True)
    propose.add_argument("--seed", type=int, default=SEED)
    propose.add_argument("--duc", type=int, default=180, help="DUC 2003 pairs to sample")
    propose.add_argument("--multinews", type=int, default=90, help="Multi-News pairs to sample")
    propose.add_argument("--clash", type=int, default=60, help="then up to this many pairs per set whose figures for the same thing differ")
    propose.add_argument("--data", type=Path, default=DATA)
    propose.add_argument("--split", choices=("dev", "test"), default="dev", help="the clusters to mine: dev (tuning) or test (held out)")
    propose.add_argument("--min-cosine", type=float, default=MIN_COSINE, help="the least cosine of a candidate (below 0.6: paraphrase bands)")
    check = commands.add_parser("check", help="resolve every committed pair and print the counts")
    check.add_argument("--pairs", type=Path, default=PAIRS)
    check.add_argument("--data", type=Path, default=DATA)
    show = commands.add_parser("show", help="print the labelled pairs with their texts")
    show.add_argument("--pairs", type=Path, default=PAIRS)
    show.add_argument("--data", type=Path, default=DATA)
    show.add_argument("--label", choices=LABELS)
    args = parser.parse_args(argv)
    if args.command == "candidates":
        from benchmarks.pair_candidates import candidates

        counts = {"duc2003": args.duc, "multinews": args.multinews}
        candidates(args.out, counts, args.seed, args.data, args.clash, args.split, args.min_cosine)
    elif args.command == "check":
        pairs = load_pairs(args.pairs, args.data)
        print(f"{len(pairs)} pairs resolve and match their hashes\n")
        print(counts_table(load_records(args.pairs)))
    else:
        for pair in load_pairs(args.pairs, args.data):
            if args.label in (None, pair.label):
                kind = f"/{pair.kind}" if pair.kind else ""
                print(f"{pair.id} {pair.set} {pair.cluster} cos={pair.cosine:.3f} {pair.label}{kind} carried={pair.claim_carried} {pair.note}")
                print(f"  A [{pair.doc_a}] {pair.text_a}\n  B [{pair.doc_b}] {pair.text_b}\n")


if __name__ == "__main__":
    main()
