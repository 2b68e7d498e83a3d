"""LexRank (Erkan & Radev 2004) and TextRank (Mihalcea & Tarau 2004) as sumy implements them.

sumy's own parser needs NLTK data downloaded at run time, so the document
model is built here from our sentences, with a plain word tokenizer, sumy's
English stop words and NLTK's Snowball stemmer (code, no data).
Sentences are taken best-rated first until the budget is reached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from summarizer.bench.baselines import until_budget
from summarizer.types import Sentence

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class WordTokenizer:
    """The two calls sumy's document model makes of a tokenizer."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        """Words of a sentence."""
        return tuple(WORD.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:
        """Not used: sentences come already split."""
        return (text,)


def document(sentences: Sequence[Sentence]) -> Any:
    """A sumy document of one paragraph per article."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = WordTokenizer()
    paragraphs: dict[int, list[Any]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.article_id, []).append(SumySentence(sentence.text, tokenizer))
    return ObjectDocumentModel([Paragraph(group) for group in paragraphs.values()])


def configured(summarizer: Any) -> Any:
    """A sumy summarizer with English stemming and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    summarizer = summarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def lexrank_ratings(doc: Any) -> dict[Any, float]:
    """sumy LexRank's sentence ratings (the body of its __call__, without the cut)."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = configured(LexRankSummarizer)
    words = [summarizer._to_words_set(s) for s in doc.sentences]
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    return dict(zip(doc.sentences, summarizer.power_method(matrix, summarizer.epsilon), strict=False))


def textrank_ratings(doc: Any) -> dict[Any, float]:
    """sumy TextRank's sentence ratings."""
    from sumy.summarizers.text_rank import TextRankSummarizer

    ratings: dict[Any, float] = configured(TextRankSummarizer).rate_sentences(doc)
    return ratings


def best_first(sentences: Sequence[Sentence], ratings: dict[Any, float], doc: Any, budget: int | None) -> list[str]:
    """Sentence texts by rating, best first (reading order breaks ties)."""
    order = sorted(range(len(doc.sentences)), key=lambda i: (-float(ratings[doc.sentences[i]]), i))
    return until_budget([str(doc.sentences[i]) for i in order], budget)


def lexrank(sentences: Sequence[Sentence], budget: int | None) -> list[str]:
    """sumy's LexRank."""
    if not sentences:
        return []
    doc = document(sentences)
    return best_first(sentences, lexrank_ratings(doc), doc, budget)


def textrank(sentences: Sequence[Sentence], budget: int | None) -> list[str]:
    """sumy's TextRank."""
    if not sentences:
        return []
    doc = document(sentences)
    return best_first(sentences, textrank_ratings(doc), doc, budget)
