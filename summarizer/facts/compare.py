"""Do two sentences about the same fact agree on its figures, differ on them, or not both state it?

Two figures are comparable when they measure the same thing: money in the
same currency, two percentages, or two counts of the same word ("7,000
dead", "9,000 dead"). A figure given in two currencies ("£2.2 billion ($2.84
billion)") is never compared across them, so a conversion is not a
disagreement. Comparable figures agree when they are equal at the precision
the less precise one is written with ("2.2 billion" and "2.24 billion";
"7,000" and "7,134"), or within a tenth when either is hedged ("nearly 300").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.facts.figures import Figure, figures
from summarizer.text.words import FOLDED_WORD

HEDGE_TOLERANCE = 0.1
WORD = FOLDED_WORD


@dataclass(frozen=True)
class Difference:
    """A figure of the first sentence and the comparable figure of the second that it does not agree with."""

    first: Figure
    second: Figure

    @property
    def kind(self) -> str:
        """money, percent or count."""
        return self.first.kind


def comparable(first: Figure, second: Figure) -> bool:
    """Same kind and same unit: one currency, percentages, or counts of one thing ("23 container ships" and "Twelve
    ships": a count's unit is the word after it, and the word after that may name the same thing)."""
    if first.kind != second.kind:
        return False
    if first.unit == second.unit:
        return True
    return first.kind == "count" and (first.unit in second.nouns or second.unit in first.nouns)


def significant_digits(figure: Figure) -> int:
    """How many significant digits a figure is written with: ``7,000`` has 1, ``2.24 billion`` 3."""
    digits = "".join(ch for ch in figure.text if ch.isdigit() or ch == ".")
    if not any(ch.isdigit() for ch in digits):
        return 2  # a number word: "seven"
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


def rounded(value: float, digits: int) -> float:
    """``value`` to ``digits`` significant digits."""
    return float(f"{value:.{max(digits, 1)}g}")


def agree(first: Figure, second: Figure) -> bool:
    """Equal at the precision of the less precise figure, or within a tenth when either is hedged."""
    if first.approximate or second.approximate:
        larger = max(abs(first.value), abs(second.value)) or 1.0
        return abs(first.value - second.value) <= HEDGE_TOLERANCE * larger
    digits = min(significant_digits(first), significant_digits(second))
    return rounded(first.value, digits) == rounded(second.value, digits)


def stated_twice(sentence: str) -> list[list[Figure]]:
    """The sentence's figures, an amount given in a second currency in brackets right after it
    ("£2.2 billion ($2.84 billion)") kept with it as one figure stated twice."""
    groups: list[list[Figure]] = []
    for figure in figures(sentence):
        last = groups[-1][-1] if groups else None
        bracketed = last is not None and re.fullmatch(r"\s*[(\[]\s*", sentence[last.end : figure.start]) is not None
        if last is not None and bracketed and last.kind == figure.kind == "money" and last.unit != figure.unit:
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return groups


def differences(first: str, second: str) -> list[Difference]:
    """Each figure of ``first`` that ``second`` gives differently: comparable figures there, none agreeing
    (a figure stated twice agrees when either statement does)."""
    found = []
    theirs = figures(second)
    for group in stated_twice(first):
        pairs = [(mine, other) for mine in group for other in theirs if comparable(mine, other)]
        if pairs and not any(agree(mine, other) for mine, other in pairs):
            found.append(Difference(*min(pairs, key=lambda pair: (abs(pair[1].value - pair[0].value), pair[1].start))))
    return found


def carries_figures(first: str, second: str) -> bool:
    """True when every figure of ``first`` has an agreeing figure in ``second`` (trivially, when it has none)."""
    theirs = figures(second)
    return all(any(comparable(mine, other) and agree(mine, other) for mine in group for other in theirs) for group in stated_twice(first))


def figure_kinds(found: Sequence[Difference]) -> list[str]:
    """The kinds of a list of differences, each once, in order."""
    return list(dict.fromkeys(difference.kind for difference in found))


def content_words(sentence: str) -> set[str]:
    """The sentence's lower-cased words, English stop words left out."""
    from summarizer.text.tfidf import english_stop_words

    stops = english_stop_words()
    return {word for word in WORD.findall(sentence.lower()) if len(word) > 1 and word not in stops}


def shared_words(first: str, second: str) -> float:
    """The share of each sentence's content words that the other one has, the smaller of the two."""
    mine, theirs = content_words(first), content_words(second)
    if not mine or not theirs:
        return 0.0
    common = len(mine & theirs)
    return min(common / len(mine), common / len(theirs))
