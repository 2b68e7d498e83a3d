"""Mining candidate sentence pairs for labelling (``python -m benchmarks.pairs candidates``): cross-document pairs by
cosine band, a share of them with clashing digits.

The figure, date, quote and speaker patterns here are the sampler's own, independent of
``summarizer/facts/figures.py`` on purpose: the pairs are labelled to measure that module, and a sample
drawn by its own reading of figures would only find the disagreements it already sees.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.pairs import DATA, MAX_WORDS, MIN_COSINE, MIN_WORDS, PARAPHRASE_BANDS, ROOT, SEED, clusters, reference, short_hash, split_cluster_ids

BANDS = ((0.60, 0.70, 0.15), (0.70, 0.75, 0.15), (0.75, 0.85, 0.30), (0.85, 0.95, 0.25), (0.95, 1.01, 0.15))


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
