"""A dispute or a change over time: figures that differ, read against their dates, sources and wording."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.facts.figures import figures
from summarizer.facts.timeline import Account, over_time
from summarizer.types import Article

STRIKE = Path(__file__).parent / "data" / "port_strike" / "port_strike.jsonl"


def account(sentence: str, day: str, source: str) -> Account:
    return Account(figures(sentence)[0], day, source, sentence)


UNION = account("The union said about 6,500 strikers walked out.", "2025-06-10", "Harbour Herald")
AUTHORITY = account("The port authority counted 4,000 strikers.", "2025-06-10", "Coastal Wire")
AUTHORITY_AGAIN = account("The port authority again counted 4,000 strikers.", "2025-06-11", "Evening Ledger")
COST = account("The strike costs about 30 million euros a day, the ministry said.", "2025-06-11", "Coastal Wire")
RAISED = account("The ministry raised its estimate to 45 million euros a day.", "2025-06-12", "Harbour Herald")
OTHER_PAPER = account("The strike costs 45 million euros a day, the ministry said.", "2025-06-12", "Harbour Herald")
SAME_PAPER = account("The strike costs 45 million euros a day, the ministry said.", "2025-06-12", "Coastal Wire")


def test_a_same_day_dispute_is_a_dispute_even_when_it_persists_on_later_days() -> None:
    assert not over_time([UNION, AUTHORITY])
    assert not over_time([UNION, AUTHORITY, AUTHORITY_AGAIN])


def test_a_revision_by_word_or_by_the_same_source_is_a_change() -> None:
    assert over_time([COST, RAISED])
    assert over_time([COST, SAME_PAPER])


def test_a_later_figure_from_another_source_that_does_not_say_it_revises_is_a_dispute() -> None:
    assert not over_time([COST, OTHER_PAPER])


def test_figures_for_two_named_weekdays_are_a_change() -> None:
    tuesday = account("By Tuesday afternoon, 23 container ships were waiting.", "2025-06-11", "Harbour Herald")
    thursday = account("Thirty-one container ships were waiting on Thursday.", "2025-06-12", "Evening Ledger")
    assert over_time([tuesday, thursday])


def test_undated_accounts_are_never_a_change() -> None:
    assert not over_time([COST, Account(RAISED.figure, "", "Harbour Herald", RAISED.sentence)])


def test_a_briefing_names_a_revised_estimate_as_a_change(embedder) -> None:
    """The port strike (eight invented articles over four days): the ministry's €30m estimate, raised to €45m in
    other words a day later, is shown as a change, not left standing unflagged."""
    from summarizer import summarize

    records = [json.loads(line) for line in STRIKE.read_text(encoding="utf-8").splitlines()]
    articles = [Article(i, r["text"], title=r["title"], source=r["source"], published=r["date"]) for i, r in enumerate(records)]
    briefing = summarize(articles, embedder=embedder)
    cost = [b for b in briefing.bullets if "30 million euros" in b.text]
    assert cost, [b.text for b in briefing.bullets]
    changes = [d for b in cost for d in b.disagreements if d.over_time]
    assert changes and [v.value for v in changes[0].values] == [30e6, 45e6]
    for bullet in briefing.bullets:
        for disagreement in bullet.disagreements:
            days = [briefing.articles[v.article_id].date for v in disagreement.values]
            assert not (disagreement.over_time and len(set(days)) < len(days)), "a same-day conflict shown as a change"
