"""A dispute or a change? Figures that differ for one fact, read against their dates and sources.

Two sources can give one fact different figures because they disagree (the
union counts 6,500 strikers, the port authority 4,000) or because one account
replaced another (the ministry raised its estimate from €30m to €45m a day).
A reader must not take the first for the second: a dispute read as a change
suggests the count was revised, a change read as a dispute hides the latest
figure.

The rule is the one an editor applies. It is a change over time only when
every account is dated, no two accounts of one day differ (a same-day
disagreement is a dispute, even when it persists on later days), and every
account of the latest day replaces each earlier one it differs from: it is
later, and it comes from the same source, says so ("raised", "revised",
"now", "rose to"), or gives its figure for another named weekday than the
earlier one ("by Tuesday afternoon, 23 ships"; "31 ships on Thursday").
Otherwise the sources differ. A hand-written rule, from
how wire copy reports revisions, not fitted to any data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from summarizer.facts.compare import agree, shared_words
from summarizer.facts.figures import Figure

REVISION = re.compile(
    r"\b(?:rais(?:ed?|es|ing)|revis(?:ed?|es|ing)|lower(?:ed|s|ing)?|updat(?:ed?|es|ing)|now|increas(?:ed?|es|ing)|upped|"
    r"correct(?:ed|s|ing)|upgrad(?:ed?|es|ing)|downgrad(?:ed?|es|ing)|rose|risen|climbed|grew|grown|fell|fallen|jumped|"
    r"dropped|swelled|doubled|no longer|up from|down from)\b",
    re.IGNORECASE,
)


WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Account:
    """One source's figure for a fact: the figure, the day of its article (ISO, '' when undated), the source's
    name ('' when unknown) and the sentence it stands in."""

    figure: Figure
    day: str
    source: str
    sentence: str


def says_revised(sentence: str) -> bool:
    """True when the sentence itself reports a revision or a movement ("raised its estimate", "now", "rose to")."""
    return REVISION.search(sentence) is not None


def weekdays(sentence: str) -> set[str]:
    """The weekdays a sentence names, lower-cased ("by Tuesday afternoon" -> {"tuesday"})."""
    return {day.lower() for day in WEEKDAY.findall(sentence)}


def revises(later: str, earlier: str, words: float) -> bool:
    """``later`` reports a revision ("raised its estimate to €45m") of the fact ``earlier`` states: it says so, and the two
    share ``words`` of their content words both ways, in whatever wording (their figures are compared by the caller)."""
    return says_revised(later) and shared_words(later, earlier) >= words


def replaces(later: Account, earlier: Account) -> bool:
    """``later`` supersedes ``earlier``: a later day, and the same named source, a sentence that reports the revision,
    or two sentences that each give their figure for another weekday ("by Tuesday afternoon, 23 ships"; "31 ships
    on Thursday")."""
    same_source = bool(later.source) and later.source == earlier.source
    own_days, their_days = weekdays(later.sentence), weekdays(earlier.sentence)
    other_days = bool(own_days) and bool(their_days) and not own_days & their_days
    return later.day > earlier.day and (same_source or says_revised(later.sentence) or other_days)


def over_time(accounts: Sequence[Account]) -> bool:
    """True when the differing figures are a change over time (see the module's rule), False when sources differ."""
    days = {account.day for account in accounts}
    if "" in days or len(days) < 2:
        return False
    if any(a.day == b.day and not agree(a.figure, b.figure) for a, b in combinations(accounts, 2)):
        return False
    latest = max(days)
    newest = [account for account in accounts if account.day == latest]
    older = [account for account in accounts if account.day != latest]
    return all(replaces(new, old) for new in newest for old in older if not agree(new.figure, old.figure))
