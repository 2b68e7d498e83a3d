"""Figures in a news sentence: amounts of money, percentages and counts, with their spans and values.

A figure is a number (digits with thousands separators and decimals, or a
number word up to twenty), an optional scale ("2.2 billion", "3m"), and what
it measures: a currency before or after it ("£2.2 billion", "39 million
dlrs"), a percent sign or word, or, for a count, the word after it ("7,000
dead", "14 people"). Years, times, ordinals and numbers inside names
("Boeing 737") are not figures. Rule-based, as numeric-fact extraction for
fact checking usually is (Vlachos & Riedel, "Identification and Verification
of Simple Claims about Statistical Properties", EMNLP 2015); a mature
quantity parser was tried and left out (see the README's dependency notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
SYMBOLS = {"us$": "USD", "$": "USD", "dlrs": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlrs": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
}
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "dozen": 12,
}
APPROXIMATE = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "than", "least", "under", "estimated", "up to"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
NOT_COUNTED = MONTHS | {"a.m", "p.m", "am", "pm", "years", "year", "yearold", "percent", "per", "cent", "and", "or", "to", "of", "the", "in", "on", "at", "by"}

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORD_NUMBER = r"\b(?:" + "|".join(WORDS) + r")\b"
SCALE = r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|m|k)\b)?"
SYMBOL = r"(?P<symbol>US\$|A\$|C\$|HK\$|\$|£|€|¥|₹|dlrs\b)\s?"
FIGURE = re.compile(
    rf"(?:{SYMBOL})?(?P<number>{NUMBER}|{WORD_NUMBER}){SCALE}"
    rf"(?P<tail>\s?(?:%|percent\b|per\s?cent\b)|\s(?:{'|'.join(CURRENCY_WORDS)})\b)?",
    re.IGNORECASE,
)
NEXT_WORDS = re.compile(r"\W{0,2}([A-Za-z][A-Za-z-]*)(?:\s+([A-Za-z][A-Za-z-]*))?")
PREVIOUS_WORD = re.compile(r"([A-Za-z][A-Za-z.-]*) $")  # a name right before the number: "Boeing 737"


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: its text and span, its value, what it measures (a currency code, ``%``, or
    the counted word), its kind (money, percent, count), and whether it is hedged ("about", "nearly")."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: str
    approximate: bool = False


def number_value(text: str) -> float:
    """``7,000`` -> 7000.0; ``seven`` -> 7.0."""
    lowered = text.lower()
    return float(WORDS[lowered]) if lowered in WORDS else float(lowered.replace(",", ""))


def is_year_or_name(sentence: str, match: re.Match[str]) -> bool:
    """A bare four-digit year, a number glued to a name ("Boeing 737", "G7"), a time or an ordinal."""
    number, start, end = match.group("number"), match.start(), match.end()
    if match.group("symbol") or match.group("tail") or match.group("scale"):
        return False
    if re.fullmatch(r"(1[89]|20)\d\d", number):
        return True
    before = sentence[max(0, start - 1) : start]
    after = sentence[end : end + 2]
    if before.isalpha() or before in (":", "/", "-") or after[:1].isalpha() or after[:1] in (":", "-", "/") or re.match(r"(st|nd|rd|th)\b", after):
        return True
    previous = PREVIOUS_WORD.search(sentence[:start])
    return bool(previous and previous.group(1)[:1].isupper() and previous.group(1).lower() not in APPROXIMATE)


def counted_word(sentence: str, end: int) -> tuple[str, int]:
    """The word a count counts, and where it ends: the next word, or the one after it when the next is a
    capitalised or qualifying word ("10,000 Turkish soldiers", "300 more people"); ('', end) when there is none."""
    found = NEXT_WORDS.match(sentence, end)
    if not found:
        return "", end
    first, second = found.group(1), found.group(2) or ""
    if first.lower() in NOT_COUNTED:
        return "", end
    if (first[:1].isupper() or first.lower() in ("more", "other", "new")) and second and second.lower() not in NOT_COUNTED:
        return singular(second.lower()), found.end(2)
    return singular(first.lower()), found.end(1)


def singular(word: str) -> str:
    """A crude singular, enough to match "people"/"persons" to themselves and "soldiers" to "soldier"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def hedged(sentence: str, start: int) -> bool:
    """True when a hedge word stands just before the figure ("about 300", "more than 120")."""
    words = re.findall(r"[A-Za-z]+", sentence[max(0, start - 20) : start].lower())
    return bool(words) and (words[-1] in APPROXIMATE or " ".join(words[-2:]) in APPROXIMATE)


def figure_of(sentence: str, match: re.Match[str]) -> Figure | None:
    """The Figure a regex match stands for, or None when it is not one (a year, a name, an uncounted number)."""
    if is_year_or_name(sentence, match):
        return None
    value = number_value(match.group("number"))
    scale = (match.group("scale") or "").lower()
    if scale in ("m", "k") and not (match.group("symbol") or match.group("tail")):
        return None  # "5 m" is metres, "3 k" is unclear: only with a currency
    value *= SCALES.get(scale, 1.0)
    tail = (match.group("tail") or "").strip().lower()
    symbol = (match.group("symbol") or "").lower()
    text, start, end = match.group(0), match.start(), match.end()
    if symbol or tail in CURRENCY_WORDS:
        unit, kind = SYMBOLS.get(symbol) or CURRENCY_WORDS[tail], "money"
    elif tail:
        unit, kind = "%", "percent"
    else:
        (unit, end), kind = counted_word(sentence, end), "count"
        if not unit:
            return None
        text = sentence[start:end]
    return Figure(text.strip(), start, start + len(text.strip()), value, unit, kind, hedged(sentence, start))


def figures(sentence: str) -> list[Figure]:
    """Every figure of a sentence, in order."""
    found = (figure_of(sentence, match) for match in FIGURE.finditer(sentence))
    return [figure for figure in found if figure is not None]
