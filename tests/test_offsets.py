"""Offsets: every span in a briefing's JSON points at its text in ``articles[id].text``, on CRLF line endings,
emoji (ZWJ sequences, flags), combining characters, and a non-BMP character opening an article."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

ZERO_WIDTH_JOINER = "\u200d"
VARIATION_SELECTOR = "\ufe0f"
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧, five code points
FLAG = "\U0001f1fa\U0001f1e6"  # 🇺🇦, two regional indicators
ZELENSKY = "Zelens\u030cky"  # s + combining caron
CAFE = "cafe\u0301"  # e + combining acute

# Four reports of one event; lines of the first two end in CRLF. The first opens with a flag (no title line:
# the text starts with it); the second has a title line and its text opens with the family emoji.
ARTICLES = {
    "kyiv.txt": (
        f"{FLAG} Ukraine and Russia exchanged 390 prisoners of war on Friday in the largest swap since the invasion began.\r\n"
        f"President {ZELENSKY} said 270 soldiers and 120 civilians had crossed the border near Sumy on buses.\r\n"
        "\r\n"
        "Live 🔴 updates from Sumy\r\n"
        f"Relatives waited for hours at a {CAFE} in Chernihiv, holding photographs 📸 of the missing men.\r\n"
        "The exchange was brokered after talks in Istanbul last week, Ukrainian officials said.\r\n"
    ),
    "family.txt": (
        "Prisoner swap brings hundreds home\r\n"
        f"{FAMILY} Families embraced returning soldiers near Sumy as the largest prisoner exchange of the war got under way.\r\n"
        "Ukraine and Russia swapped 390 prisoners of war on Friday, the biggest exchange since the invasion, officials said.\r\n"
        f"{ZELENSKY} said on social media that 270 soldiers and 120 civilians were back on Ukrainian soil 🇺🇦.\r\n"
        "Further exchanges are planned over the coming days, according to the agreement reached in Istanbul.\r\n"
        "\r\n"
        "42\r\n"
        "[Reuters]\r\n"
    ),
    "wire.txt": (
        "Russia's defence ministry said 390 Russian servicemen and civilians had been returned by Ukraine on Friday.\n"
        "The swap, agreed at direct talks in Istanbul, is the largest since the war began in February 2022.\n"
        f"Mothers in a {CAFE} near the Belarusian border wept 😢 as names were read out.\n"
        "Both sides said further exchanges would follow over the next few days.\n"
    ),
    "analysis.md": (
        "# Why the Istanbul prisoner deal matters\n"
        "\n"
        f"The exchange of 390 prisoners on Friday was the largest of the war, and {ZELENSKY} called it a first step 👣.\n"
        "Diplomats in Istanbul said the deal showed that direct talks between Kyiv and Moscow could still deliver results.\n"
        f"Families 👨\u200d👩\u200d👦 of those still held urged both governments to keep the exchanges going.\n"
        "Analysts warned that a ceasefire remained far off despite the humanitarian progress.\n"
    ),
}


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for name, text in ARTICLES.items():
        (folder / name).write_bytes(text.encode("utf-8"))
        paths.append(folder / name)
    return paths


def on_boundary(text: str, index: int) -> bool:
    """False where ``index`` falls inside a user-perceived character: before a combining mark, a joiner, a variation
    selector, after a joiner, or between the two regional indicators of a flag (or inside a surrogate pair)."""
    if index in (0, len(text)):
        return True
    after, before = text[index], text[index - 1]
    if unicodedata.combining(after) or after in (ZERO_WIDTH_JOINER, VARIATION_SELECTOR) or before == ZERO_WIDTH_JOINER:
        return False
    if "\ud800" <= after <= "\udfff":
        return False
    indicators = 0
    while index - indicators - 1 >= 0 and "\U0001f1e6" <= text[index - indicators - 1] <= "\U0001f1ff":
        indicators += 1
    return not ("\U0001f1e6" <= after <= "\U0001f1ff" and indicators % 2 == 1)


def check_span(articles: list[dict[str, Any]], span: dict[str, Any], what: str) -> str:
    """The span's slice: in bounds, non-empty, not cutting a character in two, not starting or ending in blanks."""
    text = articles[span["article_id"]]["text"]
    start, end = span["start"], span["end"]
    assert 0 <= start < end <= len(text), (what, span, len(text))
    piece = text[start:end]
    assert piece.strip() and piece == piece.strip() and "\r" not in piece, (what, piece)
    assert on_boundary(text, start) and on_boundary(text, end), (what, piece)
    return piece


def check_record(record: dict[str, Any]) -> None:
    """Every citation, runner-up, topic sentence and left-out span of a JSON briefing points at its text."""
    articles = record["articles"]
    assert [a["id"] for a in articles] == list(range(len(articles)))
    assert record["bullets"]
    for number, bullet in enumerate(record["bullets"]):
        citations = bullet["citations"]
        assert check_span(articles, citations[0], f"bullet {number}") == bullet["text"]
        for citation in citations[1:]:
            check_span(articles, citation, f"bullet {number} citation")
        assert len({c["article_id"] for c in citations}) == len(citations)  # one citation per article
        for runner in bullet["runners_up"]:
            assert check_span(articles, runner, f"bullet {number} runner-up") == runner["text"]
    spans = [(topic["id"], s) for topic in record["topics"] for s in topic["sentences"]]
    assert spans
    for topic, span in spans:
        check_span(articles, span, f"topic {topic} sentence")
    for item in record["left_out"]:
        check_span(articles, item, f"left out ({item['reason']})")


def opening_spans(record: dict[str, Any]) -> set[int]:
    """The articles in which a topic sentence starts at offset 0."""
    return {s["article_id"] for topic in record["topics"] for s in topic["sentences"] if s["start"] == 0}


def check_the_hard_characters_are_reached(record: dict[str, Any]) -> None:
    """The hard characters are in the texts the offsets index, and the spans reach them: a bullet cites several
    articles, the sentences opening with the flag and the family emoji start at offset 0, lines were left out."""
    texts = {Path(a["path"]).name: a["text"] for a in record["articles"]}
    ids = {Path(a["path"]).name: a["id"] for a in record["articles"]}
    for name in ("kyiv.txt", "wire.txt"):  # the text is the file's, line endings kept or made \n
        assert texts[name].replace("\r\n", "\n") == ARTICLES[name].replace("\r\n", "\n")
    assert texts["kyiv.txt"].startswith(FLAG) and ZELENSKY in texts["kyiv.txt"] and CAFE in texts["kyiv.txt"]
    assert texts["family.txt"].startswith(FAMILY)  # the title line is not part of the text
    assert {ids["kyiv.txt"], ids["family.txt"]} <= opening_spans(record)
    assert max(len(b["citations"]) for b in record["bullets"]) >= 2
    assert {item["reason"] for item in record["left_out"]} >= {"stray number", "source tag"}


def test_cli_json_offsets_point_at_the_text(tmp_path: Path) -> None:
    import subprocess
    import sys

    paths = write_articles(tmp_path / "articles")
    env = dict(os.environ, PYTHONUNBUFFERED="1", SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.cli.app", "brief", *map(str, paths), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    record = json.loads(done.stdout.decode("utf-8"))
    assert sorted(Path(a["path"]).name for a in record["articles"]) == sorted(ARTICLES)
    check_record(record)
    check_the_hard_characters_are_reached(record)


def test_api_json_offsets_point_at_the_text(embedder) -> None:
    from summarizer import Article, summarize
    from summarizer.render import render

    articles = [Article(id=0, text=text, path=name) for name, text in ARTICLES.items()]
    briefing = summarize(articles, embedder=embedder)
    for bullet in briefing.bullets:  # the objects agree with their JSON
        own = bullet.citations[0]
        assert briefing.articles[own.article_id].text[own.start : own.end] == bullet.text
    for sentence in briefing.sentences:
        assert briefing.articles[sentence.article_id].text[sentence.start : sentence.end] == sentence.text
    record = json.loads(render(briefing, "json"))
    assert [a["text"] for a in record["articles"]] == list(ARTICLES.values())  # the API keeps the text as given
    check_record(record)
    assert 0 in opening_spans(record)  # the flag opening the first article opens a sentence at offset 0
    assert {item["reason"] for item in record["left_out"]} >= {"stray number", "source tag"}


@pytest.mark.parametrize("index, expected", [(0, True), (1, False), (2, True), (3, False), (4, True)])
def test_the_boundary_check_itself(index: int, expected: bool) -> None:
    assert on_boundary(FLAG + "e\u0301", index) is expected
