"""Cut an article into blocks (paragraphs, headings, list items, boilerplate), keeping offsets.

News text arrives one paragraph a line (web dumps) or hard-wrapped at ~72
columns (wire copy). Each block remembers its character span in the article,
so every sentence found later can be quoted verbatim and located exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.ingest.boilerplate import boilerplate_reason
from summarizer.ingest.plain import looks_like_title

LIST_MARKER = re.compile(r"^\s*(?:[•▪◦·‣*–-]|\d{1,2}[.)])\s+")
WRAPPED_MIN, WRAPPED_MAX = 45, 100


@dataclass(frozen=True)
class Block:
    """A span of an article and what it is: prose, list item, heading or boilerplate."""

    start: int
    end: int
    kind: str
    reason: str = ""


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    spans = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line)
    return spans


def is_hard_wrapped(text: str, spans: list[tuple[int, int]]) -> bool:
    """True when most lines have the even length of wrapped text (wire copy, e-mail)."""
    if len(spans) < 4:
        return False
    lengths = [end - start for start, end in spans]
    wrapped = sum(WRAPPED_MIN <= length <= WRAPPED_MAX for length in lengths)
    return max(lengths) <= WRAPPED_MAX and wrapped >= 0.6 * len(lengths)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one a line, or runs of lines between blank lines when wrapped."""
    spans = line_spans(text)
    if not is_hard_wrapped(text, spans):
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        gap = text[merged[-1][1] : start] if merged else ""
        if merged and gap.count("\n") < 2 and not LIST_MARKER.match(text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def classify(text: str, start: int, end: int) -> Block:
    """The Block for one paragraph span."""
    line = text[start:end]
    reason = boilerplate_reason(line)
    if reason:
        return Block(start, end, "boilerplate", reason)
    marker = LIST_MARKER.match(line)
    if marker:
        return Block(start + marker.end(), end, "item")
    if looks_like_title(line):
        return Block(start, end, "heading", "heading")
    return Block(start, end, "prose")


def blocks(text: str) -> list[Block]:
    """Every paragraph of ``text`` as a classified Block, in reading order."""
    return [classify(text, start, end) for start, end in paragraphs(text)]
