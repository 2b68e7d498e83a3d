"""Sentence splitting with character offsets, on top of sentencex.

sentencex (Wikimedia) was the best of the maintained splitters we compared
(``python -m benchmarks.splitters``): it knows news abbreviations ("Mr.",
"U.S.", "Gen.", "a.m."), keeps a quotation of several sentences whole, and
is a hundred times faster than pysbd, which gives the same answers.
"""

from __future__ import annotations

from summarizer.dates import dateline_length
from summarizer.text.blocks import Block, blocks
from summarizer.types import Article, LeftOut, Sentence

MIN_WORDS = 5


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed."""
    import sentencex

    spans = []
    cursor = 0
    for piece in sentencex.segment("en", text):
        stripped = piece.strip()
        if not stripped:
            continue
        start = text.find(stripped, cursor)
        if start < 0:  # the splitter changed the text: fall back to its length
            start = cursor + len(piece) - len(piece.lstrip())
        spans.append((start, start + len(stripped)))
        cursor = start + len(stripped)
    return spans


def skip_dateline(text: str, start: int, end: int) -> int:
    """Move ``start`` past a wire dateline such as "LONDON (AP) _ " or "Dunmarra, 12 March 2025 — "."""
    return start + dateline_length(text[start:end])


def fragment_reason(text: str) -> str:
    """Why a sentence cannot serve as a bullet on its own ('' when it can)."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return "fragment"
    if not any(character.islower() for character in text):
        return "fragment"
    return ""


def block_sentences(text: str, block: Block) -> list[tuple[int, int]]:
    """Sentence spans of one prose block or list item, in article offsets."""
    if block.kind == "item":
        return [(block.start, block.end)]
    spans = [(block.start + start, block.start + end) for start, end in split_sentences(text[block.start : block.end])]
    if spans:
        spans[0] = (skip_dateline(text, *spans[0]), spans[0][1])
    return spans


def segment_article(article: Article) -> tuple[list[Sentence], list[LeftOut]]:
    """The article's candidate sentences, and every span left out with its reason."""
    sentences: list[Sentence] = []
    left_out: list[LeftOut] = []
    for block in blocks(article.text):
        if block.kind in ("boilerplate", "heading"):
            left_out.append(LeftOut(article.id, block.start, block.end, block.reason))
            continue
        for start, end in block_sentences(article.text, block):
            text = article.text[start:end]
            reason = fragment_reason(text)
            if reason:
                left_out.append(LeftOut(article.id, start, end, reason))
            else:
                sentences.append(Sentence(article.id, len(sentences), start, end, text))
    return sentences, left_out
