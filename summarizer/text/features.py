"""Surface cues of whether a sentence can stand alone as a bullet.

A sentence that opens with an unresolved pronoun ("He also said..."), a
discourse connective ("However, ..."), a lower-case fragment or a quotation
torn from its speaker reads badly out of context (the "referential clarity"
of Pitler, Louis & Nenkova, ACL 2010); such sentences are ranked down, not out.
"""

from __future__ import annotations

import re

PRONOUN_START = re.compile(r"^(?:he|she|it|they|them|his|her|its|their|this|these|those|that|such|there|here|we|i|you)\b", re.I)
CONNECTIVE_START = re.compile(
    r"^(?:but|and|or|so|yet|however|meanwhile|moreover|also|still|instead|despite this|even so|"
    r"in addition|by contrast|as a result|nonetheless|nevertheless|further(?:more)?|then|later|earlier)\b",
    re.I,
)
ANAPHORA_EARLY = re.compile(
    r"^(?:\S+\s+){0,5}?(?:these|those|this|such|the same)\s+"
    r"(?:sentiments?|remarks?|comments?|views?|moves?|measures?|plans?|steps?|concerns?)\b|\b(?:echoed|echoing)\b",
    re.I,
)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according to|asked|added|wrote|writes|explained|insisted|warned|noted|declared|stated|argued|announced)\b",
    re.I,
)
QUOTE_OPEN = "“\"‘'«"
IDEAL_WORDS = (10, 40)


def standalone_factor(text: str) -> float:
    """A multiplier in (0, 1]: 1 for a sentence that names its subject and stands alone."""
    stripped = text.strip()
    factor = 1.0
    if not stripped[:1].isupper() and not stripped[:1].isdigit() and stripped[:1] not in QUOTE_OPEN:
        factor *= 0.4  # a lower-case fragment, such as a list item continuing a sentence
    if stripped.endswith((":", ";", ",")):
        factor *= 0.3  # leads into a quotation or list that is not part of it
    body = stripped.lstrip(QUOTE_OPEN)
    if stripped[:1] in QUOTE_OPEN and not ATTRIBUTION.search(stripped):
        factor *= 0.75  # a quotation that does not say whose words they are
    if PRONOUN_START.match(body):
        factor *= 0.55
    elif CONNECTIVE_START.match(body):
        factor *= 0.75
    if ANAPHORA_EARLY.search(body):
        factor *= 0.7  # "echoed these sentiments": refers back to something unseen
    return factor


def length_factor(text: str) -> float:
    """A multiplier in (0, 1] that prefers sentences of 10 to 40 words."""
    words = len(text.split())
    low, high = IDEAL_WORDS
    if words < low:
        return max(0.3, words / low)
    if words > high:
        return max(0.4, high / words)
    return 1.0
