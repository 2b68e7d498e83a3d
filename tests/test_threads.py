"""Threads: stories followed across days, linked incrementally, with stable ids and files derived from the periods."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarizer.batch.schedule import PeriodTask
from summarizer.batch.threads.files import context_bytes, parse_context, thread_records, threads_markdown
from summarizer.batch.threads.follow import CONTEXT_DAYS, Earlier, context_for, link_period, period_start
from summarizer.batch.threads.link import cut_periods
from summarizer.types import Article
from tests.conftest import run_cli

VOLCANO = [
    "Lava from the Mount Kerel volcano reached the outskirts of Tavona on {day}, forcing {n} families from their homes.",
    "Civil defence chief Anna Rusk said the Kerel eruption had sent ash {n} kilometres into the sky.",
    "Flights out of Tavona airport stayed grounded as the volcanic ash cloud from Kerel drifted east.",
    "Geologists at the Kerel observatory recorded {n} small earthquakes beneath the crater overnight.",
    "Anna Rusk urged residents near the volcano to keep masks on while the ash keeps falling.",
]
FOOTBALL = [
    "Riverside United beat Harbor City {n}-1 in the cup final at Northgate Stadium on {day}.",
    "Striker Tomas Velde scored twice for Riverside United before the interval.",
    "Harbor City coach Mira Olsen blamed the referee for the penalty that decided the final.",
    "Riverside United fans celebrated in Northgate Square until the early hours.",
    "Tomas Velde said the cup win was the best night of his football career.",
]
BUDGET = [
    "The finance ministry of Calvia unveiled a budget with {n} billion in new rail spending on {day}.",
    "Finance minister Petra Lund said the Calvia rail plan would be paid for by a fuel levy.",
    "Opposition leader Karl Mend called the Calvia budget reckless and promised to vote it down.",
    "Economists said the fuel levy in the Calvia budget would raise prices for commuters.",
    "Petra Lund defended the budget in parliament for {n} hours on its first reading.",
]


def story_article(sentences: list[str], number: int, day: str, ref: str) -> Article:
    """An article of one synthetic story: three of its sentences, filled in, so that articles are not near-copies."""
    chosen = [sentences[(number + step) % len(sentences)] for step in (0, 1, 3)]
    text = " ".join(s.format(day=day, n=number + 3) for s in chosen)
    return Article(id=number, text=text, ref=ref, date=day, published=day)


def day_articles(day: str, plan: dict[str, int]) -> list[Article]:
    """A day's articles: ``plan`` maps a story name to how many articles it has that day."""
    stories = {"volcano": VOLCANO, "football": FOOTBALL, "budget": BUDGET}
    articles: list[Article] = []
    for name, count in plan.items():
        for number in range(count):
            articles.append(story_article(stories[name], number + len(articles) + int(day[-2:]), day, f"{name}-{day}-{number}"))
    return [Article(id=i, text=a.text, ref=a.ref, date=a.date, published=a.published) for i, a in enumerate(articles)]


def earlier_of(key: str, articles: list[Article], linked_stories: tuple[tuple[int, ...], ...], threads: tuple[str, ...]) -> list[Earlier]:
    return parse_context(context_bytes(key, articles, linked_stories, threads))


def test_a_story_goes_on_its_thread_and_a_new_story_starts_one() -> None:
    first = day_articles("2025-03-01", {"volcano": 3, "football": 3})
    day_one = link_period("2025-03-01", first, [])
    assert len(day_one.stories) == 2
    assert set(day_one.threads) == {"2025-03-01-001", "2025-03-01-002"}
    earlier = earlier_of("2025-03-01", first, day_one.stories, day_one.threads)
    second = day_articles("2025-03-02", {"volcano": 2, "budget": 3})
    day_two = link_period("2025-03-02", second, earlier)
    by_story = {second[story[0]].ref.split("-")[0]: thread for story, thread in zip(day_two.stories, day_two.threads, strict=True)}
    volcano_thread = day_one.threads[[first[s[0]].ref.startswith("volcano") for s in day_one.stories].index(True)]
    assert by_story["volcano"] == volcano_thread
    assert by_story["budget"].startswith("2025-03-02-")


def test_context_is_the_earlier_periods_of_the_window_only() -> None:
    earlier = [Earlier(key, f"{key}-001", "", "text") for key in ("2024-01-01", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-05")]
    chosen = [item.period for item in context_for("2025-03-02", earlier)]
    assert chosen == ["2025-02-28", "2025-03-01"]
    assert period_start("2025-W10").isoformat() == "2025-03-03"  # type: ignore[union-attr]
    assert period_start("all") is None and period_start("undated") is None
    assert len(context_for("2025-03-02", earlier, days=CONTEXT_DAYS, limit=1)) == 1


def test_period_all_and_undated_are_cut_without_threads(tmp_path: Path) -> None:
    articles = tuple(day_articles("2025-03-01", {"volcano": 2, "football": 2}))
    cut = cut_periods([PeriodTask("all", articles, "x")], tmp_path, "all")[0]
    assert len(cut.stories) == 2 and cut.threads == () and cut.context == b""
    days = cut_periods([PeriodTask("2025-03-01", articles, "x"), PeriodTask("undated", articles, "y")], tmp_path, "day")
    assert len(days[0].threads) == 2 and days[0].context
    assert days[1].threads == () and days[1].context == b""


def test_kept_articles_are_the_same_bytes_every_time() -> None:
    articles = day_articles("2025-03-01", {"volcano": 2})
    assert context_bytes("2025-03-01", articles, ((0, 1),), ("t",)) == context_bytes("2025-03-01", articles, ((0, 1),), ("t",))


def test_hostile_titles_stay_text_in_threads_md() -> None:
    hostile = "[click](javascript:alert(1)) <img src=x onerror=alert(1)> # heading"
    index = {"period": "2025-03-01", "stories": [{"id": "001", "title": hostile, "articles": ["a"], "markdown": "story-001.md", "thread": "2025-03-01-001"}]}
    from markdown_it import MarkdownIt

    page = threads_markdown({"threads": thread_records([index])})
    html = MarkdownIt("commonmark").render(page)
    assert "<img" not in html and html.count("<h2>") == 1 and html.count("<h1>") == 1
    assert html.count("<a href=") == 1 and '<a href="2025-03-01/story-001.md">2025-03-01</a>' in html


def dump_lines(days: dict[str, dict[str, int]]) -> list[str]:
    lines = []
    for day, plan in days.items():
        for article in day_articles(day, plan):
            lines.append(json.dumps({"id": article.ref, "date": day, "text": article.text, "source": article.ref.split("-")[0]}))
    return lines


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


@pytest.mark.slow
def test_threads_are_incremental_stable_and_byte_identical(tmp_path: Path) -> None:
    early = dump_lines({"2025-03-01": {"volcano": 2, "football": 2}, "2025-03-02": {"volcano": 2}})
    late = dump_lines({"2025-03-03": {"volcano": 2, "budget": 2}})
    (tmp_path / "early.jsonl").write_text("\n".join(early) + "\n")
    (tmp_path / "late.jsonl").write_text("\n".join(late) + "\n")
    (tmp_path / "both.jsonl").write_text("\n".join(early + late) + "\n")

    step = tmp_path / "step"
    assert run_cli("batch", str(tmp_path / "early.jsonl"), "-o", str(step), "--period", "day").returncode == 0
    before = {p: os.stat(step / p).st_mtime_ns for p in files_of(step) if p.startswith("2025-03-0")}
    result = run_cli("batch", str(tmp_path / "late.jsonl"), "-o", str(step), "--period", "day")
    assert result.returncode == 0, result.stderr
    assert "1 period briefed" in result.stdout
    assert {p: os.stat(step / p).st_mtime_ns for p in before} == before  # earlier periods neither redone nor rewritten

    whole = tmp_path / "whole"
    assert run_cli("batch", str(tmp_path / "both.jsonl"), "-o", str(whole), "--period", "day").returncode == 0
    assert files_of(step) == files_of(whole)

    threads = json.loads((whole / "threads.json").read_text())["threads"]
    volcano = next(t for t in threads if t["first"] == "2025-03-01" and t["last"] == "2025-03-03")
    assert volcano["articles"] == 6 and [p["period"] for p in volcano["periods"]] == ["2025-03-01", "2025-03-02", "2025-03-03"]
    assert threads[0] == volcano  # biggest first
    day3 = json.loads((whole / "2025-03-03" / "index.json").read_text())
    assert {s["thread"] for s in day3["stories"]} >= {volcano["id"]}
    assert "followed since 2025-03-01" in (whole / "2025-03-03" / "index.md").read_text()
    later = next(s for s in day3["stories"] if s["thread"] == volcano["id"])
    marked = json.loads((whole / "2025-03-03" / later["briefing"]).read_text())["bullets"]
    assert marked and all(b["status"] in ("new", "update", "reported") for b in marked)  # briefed against the thread's earlier days
    assert later["new_bullets"] == [b["text"] for b in marked if b["status"] != "reported"]
    first = json.loads((whole / "2025-03-01" / "index.json").read_text())["stories"]
    assert all("status" not in b for s in first for b in json.loads((whole / "2025-03-01" / s["briefing"]).read_text())["bullets"])
    assert [p["new_bullets"] for p in volcano["periods"]][2] == later["new_bullets"]
    assert "[threads](threads.md)" in (whole / "index.md").read_text()

    (whole / "2025-03-02" / "articles.jsonl.gz").unlink()  # a period missing its kept articles is redone
    again = run_cli("batch", str(tmp_path / "both.jsonl"), "-o", str(whole), "--period", "day")
    assert "1 period briefed" in again.stdout and files_of(whole) == files_of(step)


def test_undated_articles_are_cut_into_stories_of_their_own_period_and_counted(tmp_path: Path) -> None:
    dated = dump_lines({"2025-03-01": {"volcano": 2, "football": 2}})
    undated = [
        json.dumps({"id": f"undated-{json.loads(line)['id']}", "text": json.loads(line)["text"]})
        for line in dump_lines({"2025-03-02": {"volcano": 2, "budget": 2}})
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(dated + undated) + "\n")
    result = run_cli("batch", str(tmp_path / "dump.jsonl"), "-o", str(tmp_path / "out"), "--period", "day")
    assert result.returncode == 0, result.stderr
    assert "4 undated articles cut in a period of their own" in result.stdout
    index = json.loads((tmp_path / "out" / "undated" / "index.json").read_text())
    assert sorted(len(story["articles"]) for story in index["stories"]) == [2, 2]
