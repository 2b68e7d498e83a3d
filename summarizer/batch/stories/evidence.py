"""The evidence two articles are one story, as rows whose dot products are the evidence: absolute, per pair.

Each article (or group of near-copies) gets one sparse row per kind of
evidence, so that the dot product of two articles' rows *is* that evidence
for the pair, and it depends on the two articles alone, never on what else
arrived in the period:

- the lead (headline and opening words, ``LEAD_WORDS``), where a news story
  says what happened, where and to whom: ``1 + ln(tf)`` times each word's
  rarity in general English (Speer's wordfreq: ``ZIPF_CEILING`` minus the
  word's Zipf frequency, so "said" weighs nothing and a town's name weighs
  most), unit length: a cosine with a fixed, corpus-free idf. It counts only
  as ``lead_near`` below;
- ``names``: capitalised names (one word or several, not the first word of a
  sentence), each once, weighted by its rarity: the people and places;
- ``figures``: the numbers an article states (ages, tolls, sums), each once;
- ``near`` and ``month``: a triangular kernel of the days between the two
  dates (1 on the same day, 0 at ``NEAR_DAYS`` or ``MONTH_DAYS`` apart), as a
  dot product of shifted one-hot day bins; 0 when either is undated (whether
  an article is dated says nothing of its story, and in ECB+ it marks one half
  of the corpus, so it is not evidence);
- ``names_near``, ``lead_near``: the names and the lead times the near
  kernel (row by row Kronecker products, so their dot product is the product
  of the two): shared names weigh more between articles days apart than
  between articles months apart, and a shared lead counts only then.

Neither the words of the whole text nor the lead on its own are blocks:
between two reports of the same kind of event (two shootings, two
earthquakes) they agree as much as between two reports of one event, and a
model that leaned on them, fitted without the Gun Violence Archive pool,
joined its incidents wholesale (``benchmarks/results/stories.md``).

The story model (``story_model``) weighs these blocks and adds a constant,
so a pair's log-odds of one story is a dot product and the mean log-odds of
two clusters comes exactly from their sums (``story_graph``).
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarizer.text.tfidf import WORD_PATTERN, english_stop_words
from summarizer.topics.noun_phrases import CALENDAR
from summarizer.types import Article

BLOCKS = ("names", "figures", "near", "month", "names_near", "lead_near")
TIME_BLOCKS = ("near", "month")  # blocks that depend on the two dates alone
ZIPF_CEILING = 6.0  # Zipf 6 is one word in a thousand ("said", "people"): weight 0
UNSEEN_ZIPF = 1.0  # a word wordfreq does not list is as rare as its rarest listed words
LEAD_WORDS = 60
NEAR_DAYS = 4
MONTH_DAYS = 30
WORD = re.compile(WORD_PATTERN)
TEXTS_REMEMBERED = 16_384  # a day is cut beside 90 days of earlier articles: each text's weights are worked out once (shared: never changed)
CAPITALISED = r"[A-Z][A-Za-z’'-]*[a-z][A-Za-z’'-]*"  # "Sims", "McKeesport", "O'Neill"; not "AP" or "NATIONAL"
NAME = re.compile(rf"(?<![.!?\"“]\s)(?<!^)(?<!\n)\b({CAPITALISED}(?:\s(?:{CAPITALISED}|[A-Z]\.))*)")
FIGURE = re.compile(r"(?<![\w.,:])\d[\d,]*(?:\.\d+)?(?![\w:])")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
EPOCH = datetime.date(1970, 1, 1)


@functools.lru_cache(maxsize=1)
def english_frequencies() -> dict[str, float]:
    """wordfreq's large English list: word -> frequency in general use."""
    import wordfreq

    return dict(wordfreq.get_frequency_dict("en", wordlist="large"))


@functools.lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How much a shared word says: ``ZIPF_CEILING`` minus its Zipf frequency (log10 per billion words), at least 0."""
    frequency = english_frequencies().get(word, 0.0)
    zipf = float(np.log10(frequency * 1e9)) if frequency > 0 else UNSEEN_ZIPF
    return max(0.0, ZIPF_CEILING - zipf)


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def word_weights(text: str) -> dict[str, float]:
    """``(1 + ln tf) * rarity`` of every word of ``text`` (lower-cased, stop words out)."""
    stops = english_stop_words()
    counts = Counter(word for word in WORD.findall(text.lower()) if word not in stops)
    return {word: (1.0 + float(np.log(count))) * rarity(word) for word, count in counts.items()}


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def name_weights(text: str) -> dict[str, float]:
    """Each capitalised name of ``text`` once, weighted by the rarity of its rarest word; days and months are dates,
    not names ("on Monday" is in every story of a day)."""
    found = {" ".join(match.group(1).lower().split()) for match in NAME.finditer(text)}
    stops = english_stop_words()
    return {name: max(rarity(word) for word in name.split()) for name in found if name not in stops and not set(name.split()) <= CALENDAR}


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def figure_weights(text: str) -> dict[str, float]:
    """Each number of ``text`` once (commas dropped), but not years or clock times: those are dates, weighed apart."""
    found = {match.group(0).replace(",", "") for match in FIGURE.finditer(text)}
    return dict.fromkeys((figure for figure in found if not YEAR.fullmatch(figure)), 1.0)


def telling_words(text: str) -> set[str]:
    """The words of ``text`` rarer than everyday English (rarity at least 1), lower-cased."""
    stops = english_stop_words()
    return {word for word in WORD.findall(text.lower()) if word not in stops and rarity(word) >= 1.0}


def unrelated_headlines(left: str, right: str) -> bool:
    """Two headlines that each say something (two telling words or more) and share none of it."""
    first, second = telling_words(left), telling_words(right)
    return len(first) >= 2 and len(second) >= 2 and not first & second


def lead_of(title: str, text: str) -> str:
    """The headline and the first ``LEAD_WORDS`` words."""
    return title + "\n" + " ".join(text.split()[:LEAD_WORDS])


def day_number(article: Article) -> int | None:
    """Days since 1970 of the article's date, or None when undated."""
    try:
        return (datetime.date.fromisoformat(article.date[:10]) - EPOCH).days if article.date else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Group:
    """What one group of near-copies is judged on: its headline, text and date (the earliest of its copies)."""

    title: str
    text: str
    day: int | None


def group_of(articles: Sequence[Article], bodies: Sequence[str]) -> Group:
    """One group's evidence source: its first headline, its members' judged texts, its earliest date."""
    title = next((a.title.strip() for a in articles if a.title.strip()), "")
    days = [day for day in map(day_number, articles) if day is not None]
    return Group(title, "\n".join(bodies), min(days) if days else None)


def sparse_rows(rows: Sequence[dict[Any, float]]) -> Any:
    """Sparse rows of the given values, columns numbered by sorted key."""
    from scipy.sparse import csr_matrix

    keys = sorted({key for row in rows for key in row})
    column = {key: index for index, key in enumerate(keys)}
    indptr, indices, values = [0], [], []
    for row in rows:
        kept = sorted((column[key], value) for key, value in row.items())
        indices += [col for col, _ in kept]
        values += [value for _, value in kept]
        indptr.append(len(indices))
    shape = (len(rows), max(len(keys), 1))
    return csr_matrix((np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)), shape=shape)


def unit_rows(weights: Sequence[dict[str, float]]) -> Any:
    """Sparse rows of the given positive weights, each scaled to unit length (an empty row stays zero)."""
    scaled = []
    for row in weights:
        kept = {key: value for key, value in row.items() if value > 0}
        norm = float(np.sqrt(sum(value * value for value in kept.values()))) or 1.0
        scaled.append({key: value / norm for key, value in kept.items()})
    return sparse_rows(scaled)


def day_kernel_rows(days: Sequence[int | None], width: int) -> Any:
    """Rows whose dot product is ``max(0, 1 - gap / width)`` for two dated groups ``gap`` days apart, 0 if either is undated:
    ``width`` one-hot day bins of ``width`` days, each shifted by one more day, each weighing ``1 / width``."""
    share = float(np.sqrt(1.0 / width))
    return sparse_rows([{} if day is None else {(shift, (day + shift) // width): share for shift in range(width)} for day in days])


def row_products(first: Any, second: Any) -> Any:
    """Row by row Kronecker products: the dot product of two rows is the product of the two blocks' dot products."""
    from scipy.sparse import csr_matrix

    first, second = first.tocsr(), second.tocsr()
    n, width = first.shape[0], second.shape[1]
    first_counts, second_counts = np.diff(first.indptr), np.diff(second.indptr)
    row_of_entry = np.repeat(np.arange(n), first_counts)
    repeats = second_counts[row_of_entry]
    entry = np.repeat(np.arange(first.nnz), repeats)
    offset = np.arange(len(entry)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    partner = second.indptr[row_of_entry[entry]] + offset
    columns = first.indices[entry].astype(np.int64) * width + second.indices[partner]
    values = first.data[entry] * second.data[partner]
    indptr = np.concatenate([[0], np.cumsum(first_counts * second_counts)])
    return csr_matrix((values, columns, indptr), shape=(n, first.shape[1] * width))


def evidence_blocks(groups: Sequence[Group]) -> dict[str, Any]:
    """Every block of evidence rows (``BLOCKS``), one row per group, and the groups' ``days`` (``nan``: undated)."""
    days = [group.day for group in groups]
    blocks = {
        "lead": unit_rows([word_weights(lead_of(group.title, group.text)) for group in groups]),
        "names": unit_rows([name_weights(group.title + "\n" + group.text) for group in groups]),
        "figures": unit_rows([figure_weights(group.text) for group in groups]),
        "near": day_kernel_rows(days, NEAR_DAYS),
        "month": day_kernel_rows(days, MONTH_DAYS),
    }
    blocks["names_near"] = row_products(blocks["names"], blocks["near"])
    blocks["lead_near"] = row_products(blocks.pop("lead"), blocks["near"])
    blocks["days"] = np.array([np.nan if day is None else float(day) for day in days])
    return blocks


def pair_evidence(blocks: dict[str, Any], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The evidence of each pair (left[i], right[i]): one column per block, in ``BLOCKS`` order."""
    columns = []
    for name in BLOCKS:
        rows = blocks[name]
        columns.append(np.asarray(rows[left].multiply(rows[right]).sum(axis=1)).ravel())
    return np.stack(columns, axis=1) if columns else np.zeros((len(left), 0))
