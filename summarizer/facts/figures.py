"""Figures in a news sentence: amounts of money, percentages and counts, with their spans and values.

A figure is a number (digits with thousands separators and decimals, or
number words: "Thirty-one", "six thousand five hundred", "a dozen", read by
text2num, as wire style spells out numbers under ten and at the start of a
sentence), or a share in words ("half of", "two-thirds of": a
percentage), an optional scale ("2.2 billion", "3m"), and what
it measures: a currency before or after it ("£2.2 billion", "39 million
dlrs"), a percent sign or word, or, for a count, the word after it ("7,000
dead", "14 people"). Years, times, ordinals and numbers inside names
("Boeing 737") are not figures. Rule-based, as numeric-fact extraction for
fact checking usually is (Vlachos & Riedel, "Identification and Verification
of Simple Claims about Statistical Properties", EMNLP 2015); a mature
quantity parser was tried and left out (see docs/dependencies.md),
but the value of number words comes from one (text2num).
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
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen")
TEENS_AND_TENS = ("fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ATOMS = (*UNITS, *TEENS_AND_TENS, "hundred", "thousand", "million", "billion", "trillion")
FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0}
APPROXIMATE = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "than", "least", "under", "estimated", "up to"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
NOT_COUNTED = MONTHS | {"a.m", "p.m", "am", "pm", "years", "year", "yearold", "percent", "per", "cent", "and", "or", "to", "of", "the", "in", "on", "at", "by"}

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
ATOM = r"(?:" + "|".join(sorted(ATOMS, key=len, reverse=True)) + r")"
JOIN = r"(?:-|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)"  # "thirty-one", "six thousand five hundred", "two hundred and five"
WORD_NUMBER = rf"\b(?:(?:a\s+|{ATOM}{JOIN})?dozen|{ATOM}(?:{JOIN}{ATOM})*)\b"
FRACTION = re.compile(r"\b(?:half|(?:a|one)\s+(?:third|quarter)|two[-\s]thirds|three[-\s]quarters)(?=\s+(?:of|the)\b)", re.IGNORECASE)
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
    nouns: tuple[str, ...] = ()  # for a count, the (up to two) words after it: "23 container ships" -> container, ship


def number_value(text: str) -> float | None:
    """``7,000`` -> 7000.0; ``Thirty-one`` -> 31.0, ``a dozen`` -> 12.0 (number words read by text2num); None when the
    words are not one number ("twenty twenty")."""
    lowered = " ".join(text.lower().replace("-", " ").split())
    if lowered[:1].isdigit():
        return float(lowered.replace(",", ""))
    if lowered.endswith("dozen"):
        count = lowered.removesuffix("dozen").strip()
        times = 1.0 if count in ("", "a") else number_value(count)
        return None if times is None else 12.0 * times
    from text_to_num import text2num

    try:
        return float(text2num(lowered, "en"))
    except ValueError:
        return None


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


def following_nouns(sentence: str, end: int) -> tuple[str, ...]:
    """The (up to two) words after a count, singular and lower-cased, the uncounted ones ("of", "years") left out."""
    found = NEXT_WORDS.match(sentence, end)
    words = [word for word in (found.groups() if found else ()) if word and word.lower() not in NOT_COUNTED]
    return tuple(singular(word.lower()) for word in words)


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
    if value is None:
        return None
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
        return Figure(text.strip(), start, start + len(text.strip()), value, unit, kind, hedged(sentence, start), following_nouns(sentence, match.end()))
    return Figure(text.strip(), start, start + len(text.strip()), value, unit, kind, hedged(sentence, start))


def fraction_of(sentence: str, match: re.Match[str]) -> Figure:
    """A share in words ("half of", "a third of", "two-thirds of") as the percentage it is."""
    text = match.group(0)
    value = FRACTIONS[" ".join(text.lower().replace("-", " ").split())]
    return Figure(text, match.start(), match.end(), value, "%", "percent", hedged(sentence, match.start()))


def figures(sentence: str) -> list[Figure]:
    """Every figure of a sentence, in order: numbers in digits or words, and shares in words."""
    found = [figure_of(sentence, match) for match in FIGURE.finditer(sentence)]
    shares = [fraction_of(sentence, match) for match in FRACTION.finditer(sentence)]
    return sorted((figure for figure in found + shares if figure is not None), key=lambda figure: figure.start)
