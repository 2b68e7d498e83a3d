"""Counts in words: "1 article", "2 articles", "1 story", "3 stories"."""

from __future__ import annotations

IRREGULAR = {"story": "stories", "family": "families", "summary": "summaries", "was": "were"}


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is 1 (the last word of a phrase is inflected)."""
    if count == 1:
        return f"{count} {noun}"
    head, _, last = noun.rpartition(" ")
    many = IRREGULAR.get(last, last if last.endswith("s") else f"{last}s")
    return f"{count} {head + ' ' if head else ''}{many}"
