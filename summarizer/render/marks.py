"""The articles as the HTML page shows them: full text, with every quoted span marked so a citation can link to it.

A span's anchor is ``q-N-START-END`` (N the 1-based source number, START/END the
character offsets in the article's text, as in the JSON), so a link names exactly
what it quotes. Marks never overlap: a span inside a marked one links to the
enclosing mark, and a span that crosses one links to its article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer.render.escape import INVISIBLE, clean_text
from summarizer.types import Briefing

BREAKS = re.compile(r"\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
KIND_ORDER = {"quote": 0, "support": 1, "figure": 2}


@dataclass(frozen=True)
class Span:
    """A span of an article to mark: its 0-based article, offsets, and kind (``quote``, ``support``, or
    ``figure``: a source's value where sources differ)."""

    article_id: int
    start: int
    end: int
    kind: str

    @property
    def anchor(self) -> str:
        """The id the page gives this span."""
        return span_anchor(self.article_id, self.start, self.end)


def span_anchor(article_id: int, start: int, end: int) -> str:
    """``q-N-START-END`` for a span of the 0-based article ``article_id``."""
    return f"q-{article_id + 1}-{start}-{end}"


def briefing_spans(briefing: Briefing) -> list[Span]:
    """Every span a bullet cites (quotes), offers as support (runners-up), or gives as a differing figure."""
    spans = [Span(c.article_id, c.start, c.end, "quote") for b in briefing.bullets for c in b.citations]
    spans += [Span(r.article_id, r.start, r.end, "support") for b in briefing.bullets for r in b.runners_up]
    spans += [Span(v.article_id, v.start, v.end, "figure") for b in briefing.bullets for d in b.disagreements for v in d.values]
    return spans


def chosen_marks(spans: Iterable[Span], length: int) -> list[Span]:
    """The spans of one article to mark, in text order: quotes before support where both claim a place, the
    earlier and longer first, none overlapping another, none empty or outside the text."""
    ordered = sorted({s for s in spans if 0 <= s.start < s.end <= length}, key=lambda s: (KIND_ORDER.get(s.kind, 9), s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if not any(span.start < other.end and other.start < span.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def block_text(text: str) -> str:
    """Article text to show as written: every kind of line break a newline; controls and bidi overrides removed."""
    return INVISIBLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", BREAKS.sub("\n", text))


def article_pieces(text: str, marks: Sequence[Span]) -> list[dict[str, str]]:
    """The text cut at the marks: plain pieces keep their line breaks; a marked piece reads as its bullet
    does (one line, ``clean_text``), so the highlighted text equals the quoted sentence."""
    pieces = []
    at = 0
    for mark in marks:
        if mark.start > at:
            pieces.append({"text": block_text(text[at : mark.start]), "id": "", "kind": ""})
        pieces.append({"text": clean_text(text[mark.start : mark.end]), "id": mark.anchor, "kind": mark.kind})
        at = mark.end
    if at < len(text):
        pieces.append({"text": block_text(text[at:]), "id": "", "kind": ""})
    return pieces


class Anchors:
    """Where a link to a span goes: its own mark, else the mark around it, else its article."""

    def __init__(self, marks: dict[int, list[Span]]) -> None:
        self.marks = marks

    def __call__(self, article_id: int, start: int, end: int) -> str:
        for mark in self.marks.get(article_id, []):
            if mark.start <= start and end <= mark.end:
                return mark.anchor
        return f"article-{article_id + 1}"


def article_marks(briefing: Briefing) -> dict[int, list[Span]]:
    """The marks of every article, by 0-based article id."""
    by_article: dict[int, list[Span]] = {}
    for span in briefing_spans(briefing):
        by_article.setdefault(span.article_id, []).append(span)
    lengths = {a.id: len(a.text) for a in briefing.articles}
    return {key: chosen_marks(spans, lengths.get(key, 0)) for key, spans in by_article.items()}
