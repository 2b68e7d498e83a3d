"""Noun phrases of a sentence, as written: candidates for a topic's label.

Part-of-speech tags and NP chunks come from Pattern's English tagger (a Brill
tagger, Brill 1992; De Smedt & Daelemans 2012), as TextBlob ships it, kept
verbatim in ``summarizer.vendor.pattern`` with its word lists: it runs offline,
needs only the standard library, and is loaded only when needed.
Tokens are found here with their offsets, so every phrase is a verbatim span
of the sentence ("coalition of the willing", "air defence missiles").
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MAX_WORDS = 4
ABBREVIATION = r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Jr|Sr|St|Prof|Rev|Hon|Corp|Inc|Ltd|Co|Mt|Ft)\."
TOKEN = re.compile(rf"{ABBREVIATION}|(?:[A-Za-z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])|\w+(?:[-’'.,]\w+)*|\S")
POSSESSIVE = re.compile(r"(?i)^(.+?)([’']s)$")
NOUN = ("NN", "NNS", "NNP", "NNPS")
VERB = ("VB", "VBD", "VBP", "VBZ", "MD")
MODIFIER = ("JJ", "JJR", "JJS", "VBN", "VBG", "NN", "NNS", "NNP", "NNPS", "CC", "FW")
DETERMINER = ("DT", "PDT", "PRP$", "WDT", "WP$", "PRP", "WP")
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Token:
    """A word of the sentence: its text, character span, part of speech and chunk tag."""

    text: str
    start: int
    end: int
    tag: str
    chunk: str


@dataclass(frozen=True)
class Phrase:
    """A candidate label: as written, lower-cased, its word count, first token, the name word before it
    when it starts inside a name ("States" of "United States"; else ""), and whether its head is a name."""

    surface: str
    key: str
    words: int
    position: int
    cut_name: str
    name: bool = False


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every token; "Ukraine's" gives "Ukraine" and "'s"."""
    found = []
    for match in TOKEN.finditer(text):
        word, start = match.group(), match.start()
        split = POSSESSIVE.match(word)
        if split and len(split.group(1)) > 1 and not word.lower().endswith(("let's",)):
            cut = start + len(split.group(1))
            found.append((split.group(1), start, cut))
            found.append((split.group(2), cut, match.end()))
        else:
            found.append((word, start, match.end()))
    return found


@lru_cache(maxsize=1)
def pattern_parser() -> Any:
    """The English Brill tagger and chunker, with its lexicon and rules (loaded once, on first use)."""
    from summarizer.vendor.pattern import text as module

    folder = os.path.join(os.path.dirname(str(module.__file__)), "en")
    lexicon = module.Lexicon(
        path=os.path.join(folder, "en-lexicon.txt"),
        morphology=os.path.join(folder, "en-morphology.txt"),
        context=os.path.join(folder, "en-context.txt"),
        entities=os.path.join(folder, "en-entities.txt"),
        language="en",
    )
    return module.Parser(lexicon=lexicon, default=("NN", "NNP", "CD"), language="en")


def tag(text: str) -> list[Token]:
    """The tokens of ``text`` with Penn Treebank tags and chunk tags (B-NP, I-NP, B-VP, ...)."""
    spans = tokens_of(text)
    if not spans:
        return []
    parser = pattern_parser()
    words = [word.translate(QUOTES) for word, _, _ in spans]
    tagged = parser.find_tags(words, map=lambda token, tag: (token, tag))
    chunked = parser.find_chunks(tagged)
    return [Token(word, start, end, row[1], row[2]) for (word, start, end), row in zip(spans, chunked, strict=True)]


def is_word(token: Token) -> bool:
    """True for a token with a letter or digit in it (not punctuation or a possessive)."""
    return any(ch.isalnum() for ch in token.text) and token.tag != "POS"


def noun_chunks(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """[start, end) token spans of the NP chunks, split at punctuation and possessives."""
    spans: list[tuple[int, int]] = []
    start = None
    for index, token in enumerate(tokens):
        noun = token.chunk.endswith("-NP") and is_word(token)
        if start is not None and (not noun or token.chunk == "B-NP" or token.tag in DETERMINER):
            spans.append((start, index))
            start = None
        if noun and start is None:
            start = index
    if start is not None:
        spans.append((start, len(tokens)))
    return spans


def trimmed(tokens: Sequence[Token], start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    """The span without leading function words and with a noun as its last word ((0, 0) when none is left)."""
    while start < end and (tokens[start].tag not in MODIFIER or tokens[start].text.lower() in stops or tokens[start].tag == "CC"):
        start += 1
    while end > start and tokens[end - 1].tag not in NOUN:
        end -= 1
    return (start, end) if start < end else (0, 0)


def of_tail(tokens: Sequence[Token], end: int, stops: frozenset[str]) -> int:
    """The end of "of (the) Y" right after a noun ending at ``end`` (``end`` itself when there is none)."""
    if end + 1 >= len(tokens) or tokens[end].text.lower() != "of":
        return end
    at = end + 1
    if tokens[at].text.lower() == "the":
        at += 1
    last = at
    while last < len(tokens) and tokens[last].tag in MODIFIER and tokens[last].tag != "CC" and last - end <= 3:
        last += 1
    while last > at and tokens[last - 1].tag not in NOUN and not (tokens[at - 1].text.lower() == "the" and tokens[last - 1].tag == "JJ"):
        last -= 1
    if last == at or tokens[last - 1].text.lower() in stops or tokens[at].text.lower() in stops:
        return end
    return last


def adjective_after_noun(tokens: Sequence[Token]) -> bool:
    """True when an adjective follows a noun before any "of" ("Washington greater control")."""
    seen_noun = False
    for token in tokens:
        if token.text.lower() == "of":
            return False
        if token.tag.startswith("JJ") and seen_noun:
            return True
        seen_noun = seen_noun or token.tag in NOUN
    return False


def name_after_noun(tokens: Sequence[Token]) -> bool:
    """True when a phrase ends in a name after a lower-case noun ("leader Yasser Arafat", "polls Sunday"): two phrases run together."""
    words = [t for t in tokens if is_word(t)]
    for before, after in itertools.pairwise(words):
        if before.tag in NOUN and before.text.islower() and after.tag.startswith("NNP") and after.text[:1].isupper():
            return True
    return False


def noun_phrases(text: str, stops: frozenset[str]) -> list[Phrase]:
    """Every noun phrase of 1-4 words in ``text``, as written: the words ending at each NP's head
    ("air defence missiles", "defence missiles", "missiles") and "X of (the) Y" ("coalition of the willing")."""
    tokens = tag(text)
    found: dict[str, Phrase] = {}

    def add(first: int, last: int) -> None:
        words = sum(is_word(t) for t in tokens[first:last])
        if not 1 <= words <= MAX_WORDS:
            return
        head = tokens[first]
        if head.text.lower() in stops or head.tag in ("CC", "POS") or not is_word(head):
            return
        if any(t.tag in VERB for t in tokens[first:last]) or tokens[last - 1].text.lower() in stops:
            return
        if adjective_after_noun(tokens[first:last]):
            return
        if first and tokens[first - 1].tag == "TO" and head.text.islower():  # "to sign", tagged a noun
            return
        if any(t.text.lower().rstrip(".") in CALENDAR for t in tokens[first + 1 : last]) or name_after_noun(tokens[first:last]):
            return
        surface = " ".join(text[head.start : tokens[last - 1].end].split())
        key = surface.lower().translate(QUOTES)
        if key not in found and len(key) > 1:
            before = tokens[first - 1] if first else None
            inside = before is not None and before.tag.startswith("NNP") and head.tag.startswith("NNP") and before.chunk.endswith("-NP")
            name = tokens[last - 1].tag.startswith("NNP")
            found[key] = Phrase(surface, key, words, first, before.text if before is not None and inside else "", name)

    for chunk_start, chunk_end in noun_chunks(tokens):
        start, end = trimmed(tokens, chunk_start, chunk_end, stops)
        if start == end:
            continue
        tail = of_tail(tokens, end, stops)
        for first in range(start, end):
            add(first, end)
            if tail > end:
                add(first, tail)
    return list(found.values())


def tag_phrase(phrase: str, text: str) -> list[Token] | None:
    """The tokens of ``phrase`` as tagged in ``text`` (alone when ``text`` is empty); None when text lacks it."""
    if not text:
        return tag(phrase)
    tokens = tag(text)
    wanted = [word.lower().translate(QUOTES) for word, _, _ in tokens_of(phrase)]
    words = [t.text.lower().translate(QUOTES) for t in tokens]
    for start in range(len(words) - len(wanted) + 1):
        if words[start : start + len(wanted)] == wanted:
            return list(tokens[start : start + len(wanted)])
    return None
