"""Hand-labelled sentence pairs "about the same fact", for figure disagreement and citation precision.

    python -m benchmarks.pairs candidates --out /tmp/pair_candidates.jsonl [--seed 2026] [--duc 180] [--multinews 90] [--clash 60]
    python -m benchmarks.pairs check        # every committed span resolves and matches its hash; counts
    python -m benchmarks.pairs show [--label differ]   # the labelled pairs with their texts, for review

The committed file (benchmarks/data/pairs/pairs.jsonl) holds references only: set,
cluster id, document id and character offsets of each sentence, a short hash of
its text, and the label. The DUC 2003 and Multi-News texts may not be committed:
they are resolved at run time from ../shared/data. `candidates` writes texts, so
it refuses to write inside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
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
BANDS = ((0.60, 0.70, 0.15), (0.70, 0.75, 0.15), (0.75, 0.85, 0.30), (0.85, 0.95, 0.25), (0.95, 1.01, 0.15))
PARAPHRASE_BANDS = ((0.45, 0.60, 0.20), (0.60, 0.70, 0.20), (0.70, 0.75, 0.10), (0.75, 0.85, 0.25), (0.85, 0.95, 0.15), (0.95, 1.01, 0.10))
MIN_WORDS, MAX_WORDS = 6, 80
SEED = 2026

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|"
    "percent|per cent|dollars?|pounds?|euros?|yen|francs?|marks|rupees?"
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
FIGURE = re.compile(rf"\d|[$£€%]|\b(?:{NUMBER_WORDS})\b", re.IGNORECASE)
DATE = re.compile(rf"\b(?:{MONTHS}|{DAYS})\b")
QUOTE = re.compile(r"[\"“”]|``|''")
SPEAKER = re.compile(r"\b(?:said|says|told|added|according to|declared|stated|asked)\b")
WHEN = re.compile(rf"\b({DAYS})\b|\b({MONTHS}) (\d{{1,2}})\b")
DIGITS = re.compile(r"\d[\d,.]*\d|\d")
COUNTED = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?"
)
AMOUNT = re.compile(
    rf"([$£€])?\s?(\d[\d,.]*|\b(?:{COUNTED})\b)(?:[- ](million|billion|trillion|thousand|hundred))?"
    rf"(?:[- ]?(percent|per cent|%))?\s*(?:[-–]\s*)?((?:[A-Za-z'-]+[\s,;:.)]*){{0,2}})",
    re.IGNORECASE,
)
FILLER = {"the", "a", "an", "of", "and", "in", "to", "on", "at", "for", "with", "by", "from", "was", "were", "is", "are", "had", "have", "has", "that", "who"}
FILLER |= {"as", "or", "more", "than", "about", "some", "least", "nearly", "almost", "over", "last", "this", "next"}


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


def has_figure(text: str) -> bool:
    """Whether a sentence carries a number or figure (digits, number words, money, percentages, dates)."""
    return bool(FIGURE.search(text) or DATE.search(text))


def has_quote(text: str) -> bool:
    """Whether a sentence quotes a speaker it names (a quote mark, a reporting verb and a capitalised word)."""
    return bool(QUOTE.search(text) and SPEAKER.search(text) and re.search(r"(?<![.!?] )\b[A-Z][a-z]+", text[1:]))


def digits(text: str) -> set[str]:
    """The digit groups of a sentence, commas dropped."""
    return {match.replace(",", "").rstrip(".") for match in DIGITS.findall(text)}


def amounts(text: str) -> dict[str, set[str]]:
    """The figures of a sentence by what they count: the next content word, "%" for percentages, "$" for money."""
    found: dict[str, set[str]] = defaultdict(set)
    for match in AMOUNT.finditer(text):
        currency, number, magnitude, percent, after = match.groups()
        value = number.lower().replace(",", "").rstrip(".") + (magnitude or "").lower()
        if percent:
            found["%"].add(value)
        elif currency:
            found["$"].add(value)
        else:
            words = [word.rstrip("s") for word in re.sub(r"[^a-z' -]", " ", after.lower()).split() if word not in FILLER]
            if words:
                found[words[0]].add(value)
    return found


def when(text: str) -> set[str]:
    """The weekdays and month-day dates a sentence names ("Friday", "Sep 2")."""
    return {match.group(1) or f"{match.group(2)[:3]} {match.group(3)}" for match in WHEN.finditer(text)}


def clashes(a: str, b: str) -> list[str]:
    """What both sentences count with no figure in common (e.g. "21 Israelis" vs "20 Israelis"): a lead for `differ` pairs."""
    first, second = amounts(a), amounts(b)
    return [unit for unit in first if unit in second and not first[unit] & second[unit]]


def normalised(text: str) -> str:
    """Lower case, single spaces: for spotting repeated sentences."""
    return " ".join(re.sub(r"[^\w ]", " ", text.lower()).split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document."""

    doc: str
    start: int
    end: int
    text: str


def sentences(docs: dict[str, str]) -> list[Sentence]:
    """The sentences of a cluster's documents worth pairing (MIN_WORDS to MAX_WORDS words, with a lower-case letter)."""
    from summarizer.text.split import split_sentences

    found = []
    for doc, text in docs.items():
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if MIN_WORDS <= len(sentence.split()) <= MAX_WORDS and re.search(r"[a-z]", sentence):
                found.append(Sentence(doc, start, end, sentence))
    return found


def cluster_candidates(set_name: str, cluster: str, docs: dict[str, str], embedder: Any, split: str = "dev", least: float = MIN_COSINE) -> list[dict[str, Any]]:
    """Every cross-document pair of a cluster at cosine >= ``least``, with what the sampler prefers."""
    import numpy as np

    found = sentences(docs)
    if len(found) < 2:
        return []
    vectors = embedder.encode([sentence.text for sentence in found])
    similarity = vectors @ vectors.T
    order = {doc: index for index, doc in enumerate(docs)}
    rows = []
    for i, j in zip(*np.nonzero(np.triu(similarity >= least, k=1)), strict=True):
        a, b = found[int(i)], found[int(j)]
        if a.doc == b.doc:
            continue
        if order[a.doc] > order[b.doc]:
            a, b = b, a
        same_text = normalised(a.text) == normalised(b.text)
        figures = digits(a.text), digits(b.text)
        rows.append(
            {
                "set": set_name,
                "split": split,
                "cluster": cluster,
                "doc_a": a.doc,
                "start_a": a.start,
                "end_a": a.end,
                "hash_a": short_hash(a.text),
                "doc_b": b.doc,
                "start_b": b.start,
                "end_b": b.end,
                "hash_b": short_hash(b.text),
                "cosine": round(float(similarity[i, j]), 4),
                "text_a": a.text,
                "text_b": b.text,
                "figure": has_figure(a.text) or has_figure(b.text) or has_quote(a.text) or has_quote(b.text),
                "figures_differ": bool(figures[0] and figures[1] and figures[0] != figures[1]),
                "same_text": same_text,
                "clash": bool(clashes(a.text, b.text)),
                "date_clash": bool(when(a.text) and when(b.text) and not when(a.text) & when(b.text)),
            }
        )
    return rows


def round_robin(rows: Sequence[dict[str, Any]], wanted: int, rng: random.Random, taken: set[Any], uses: Counter[Any], most: int = 2) -> list[dict[str, Any]]:
    """Up to ``wanted`` rows, one cluster at a time, skipping repeated texts and sentences used ``most`` times already."""
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_cluster[row["cluster"]].append(row)
    queues = [by_cluster[name] for name in sorted(by_cluster)]
    for queue in queues:
        rng.shuffle(queue)
    rng.shuffle(queues)
    chosen: list[dict[str, Any]] = []
    while len(chosen) < wanted and any(queues):
        for queue in queues:
            while queue:
                row = queue.pop()
                key = frozenset((normalised(row["text_a"]), normalised(row["text_b"])))
                ends = ((row["doc_a"], row["start_a"]), (row["doc_b"], row["start_b"]))
                if key in taken or any(uses[end] >= most for end in ends):
                    continue
                taken.add(key)
                uses.update(ends)
                chosen.append(row)
                break
            if len(chosen) >= wanted:
                break
    return chosen


def sample(
    rows: Sequence[dict[str, Any]], total: int, rng: random.Random, clash: int = 0, bands: Sequence[tuple[float, float, float]] = BANDS
) -> list[dict[str, Any]]:
    """A seeded sample: a quarter of pairs whose digits differ, then per cosine band mostly pairs with figures or quotes.

    Then, to find enough `differ` pairs, up to ``clash`` pairs whose figures for the same thing differ, and up to
    ``clash`` more of those or, at cosine >= 0.7, of pairs naming different days (a sentence may then serve in 4 pairs).
    """
    taken: set[Any] = set()
    uses: Counter[Any] = Counter()
    fresh = [row for row in rows if not row["same_text"]]
    chosen = round_robin([row for row in fresh if row["figures_differ"]], total // 4, rng, taken, uses)
    rest = total - len(chosen)
    for low, high, share in bands:
        band = [row for row in rows if low <= row["cosine"] < high]
        wanted = round(rest * share)
        if high > 1.0:  # repeated sentences (wire re-runs) are real but easy: at most a third of the top band
            repeats = round_robin([row for row in band if row["same_text"]], wanted // 3, rng, taken, uses)
            band = [row for row in band if not row["same_text"]]
            wanted -= len(repeats)
            chosen += repeats
        figures = round_robin([row for row in band if row["figure"]], round(wanted * 0.75), rng, taken, uses)
        chosen += figures + round_robin([row for row in band if not row["figure"]], wanted - len(figures), rng, taken, uses)
    chosen += round_robin([row for row in fresh if row["clash"]], clash, rng, taken, uses)
    leads = [row for row in fresh if row["clash"] or (row["date_clash"] and row["cosine"] >= 0.7)]
    return chosen + round_robin(leads, clash, rng, taken, uses, most=4)


def candidates(
    out: Path, counts: dict[str, int], seed: int = SEED, data: Path = DATA, clash: int = 0, split: str = "dev", least: float = MIN_COSINE
) -> list[dict[str, Any]]:
    """Propose candidate pairs from the clusters of one split of each set and write them (with texts) to ``out``; below
    cosine 0.6 (``least``), a band of paraphrases is sampled too (``PARAPHRASE_BANDS``)."""
    from summarizer.embed.embedder import Embedder

    if out.resolve().is_relative_to(ROOT):
        raise SystemExit(f"{out}: candidates carry the licensed texts; write them outside the repository")
    embedder = Embedder(precision="fp32")
    chosen: list[dict[str, Any]] = []
    for set_name, total in counts.items():
        rows: list[dict[str, Any]] = []
        for cluster in split_cluster_ids(set_name, split, data):
            rows += cluster_candidates(set_name, cluster, clusters(set_name, data)[cluster], embedder, split, least)
        bands = PARAPHRASE_BANDS if least < MIN_COSINE else BANDS
        picked = sample(rows, total, random.Random(f"{seed}:{split}:{set_name}" if split != "dev" else f"{seed}:{set_name}"), clash, bands)
        print(f"{set_name}: {len(rows)} cross-document pairs at cosine >= {least}; {len(picked)} sampled", file=sys.stderr)
        chosen += sorted(picked, key=lambda row: (row["cluster"], row["doc_a"], row["start_a"], row["doc_b"], row["start_b"]))
    chosen = [row | {key: reference(row[key]) for key in ("cluster", "doc_a", "doc_b")} for row in chosen]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in chosen:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return chosen


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
