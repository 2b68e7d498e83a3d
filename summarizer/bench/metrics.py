"""ROUGE (Lin 2004) with Google's rouge-score, under the conventions of the literature.

Summaries are cut to their first N words as ROUGE-1.5.5's ``-l N`` does; each
summary is scored against every reference and the scores are averaged, as
ROUGE-1.5.5 does with ``-f A`` (DUC's convention).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, get_args

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
WORDS = re.compile(r"[^\W_]+")
Metric = Literal["recall", "f1"]  # the command line offers exactly these
METRICS: tuple[str, ...] = get_args(Metric)


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 of one summary, as fractions (recall or F1)."""

    rouge1: float
    rouge2: float
    rougeL: float
    rougeSU4: float = 0.0


def word_bigrams(text: str) -> set[tuple[str, str]]:
    """The distinct pairs of adjacent lower-cased words (letters and digits) of ``text``."""
    words = WORDS.findall(text.lower())
    return set(itertools.pairwise(words))


def copied_share(summary: str, sources: Sequence[str]) -> float:
    """Extractiveness: the share of the summary's word bigrams that stand in a source (Grusky et al. 2018 read
    fragments; bigrams are the simpler, common proxy): 1.0 for an extract, lower as a summary rewrites."""
    wanted = word_bigrams(summary)
    if not wanted:
        return 0.0
    found: set[tuple[str, str]] = set()
    for source in sources:
        found |= wanted & word_bigrams(source)
    return len(found) / len(wanted)


def text_vector(text: str, encoder: Any) -> Any:
    """A text as the unit mean of its sentences' embeddings (a long reference is not cut at the model's token limit)."""
    import numpy as np

    from summarizer.text.split import split_sentences

    sentences = [text[start:end] for start, end in split_sentences(text)] or [text]
    mean = np.asarray(encoder.encode(sentences), dtype=np.float64).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def embedding_similarity(summary: str, references: Sequence[str], encoder: Any) -> float:
    """Cosine of the summary's and each reference's mean sentence embedding, averaged over the references: a
    meaning overlap that a rewrite keeps and ROUGE misses. Not BERTScore (no token matching): named for what it is."""
    if not summary.strip():
        return 0.0
    vector = text_vector(summary, encoder)
    return sum(float(vector @ text_vector(reference, encoder)) for reference in references) / max(len(references), 1)


def truncate_words(text: str, budget: int | None) -> str:
    """The first ``budget`` whitespace-separated words of ``text`` (all of it when None)."""
    words = text.split()
    return " ".join(words if budget is None else words[:budget])


@lru_cache(maxsize=4)
def scorer(stem: bool) -> Any:
    """A rouge-score scorer (imported on first use)."""
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=stem)


def pick(score: Any, metric: str) -> float:
    """Recall or F1 of one rouge-score Score."""
    return float(score.recall if metric == "recall" else score.fmeasure)


@lru_cache(maxsize=2)
def tokenizer(stem: bool) -> Any:
    """rouge-score's tokenizer (lower case, letters and digits, Porter stems when ``stem``), as its scorer uses."""
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=stem)


@lru_cache(maxsize=1)
def skip_bigram_scorer() -> Any:
    """rouge-metric's ROUGE-SU4 (skip-bigrams up to 4 words apart, plus unigrams), fed tokens."""
    from rouge_metric import PyRouge

    return PyRouge(rouge_n=(), rouge_l=False, rouge_su=True, skip_gap=4)


def rouge_su4(summary: str, reference: str, metric: str, stem: bool) -> float:
    """ROUGE-SU4 (Lin 2004) of one summary against one reference, on rouge-score's tokens (and stems), so it
    reads the text as the other columns do."""
    tokens = tokenizer(stem).tokenize
    score = skip_bigram_scorer().evaluate_tokenized([[tokens(summary)]], [[[tokens(reference)]]])["rouge-su4"]
    return float(score["r"] if metric == "recall" else score["f"])


def rouge(summary: str, references: Sequence[str], metric: str = "recall", stem: bool = True) -> RougeScores:
    """Scores of ``summary`` averaged over ``references``."""
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}")
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for reference in references:
        scores = scorer(stem).score(reference, summary)
        for name in ROUGE_TYPES:
            totals[name] += pick(scores[name], metric)
    count = max(len(references), 1)
    su4 = sum(rouge_su4(summary, reference, metric, stem) for reference in references) / count
    return RougeScores(totals["rouge1"] / count, totals["rouge2"] / count, totals["rougeL"] / count, su4)
