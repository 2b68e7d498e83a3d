"""Renderers on a hand-built briefing: Markdown citations, JSON schema, HTML escaping."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from summarizer.render import render
from summarizer.types import Article, Briefing, Bullet, Citation, LeftOut, RunnerUp, Sentence, Topic

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "briefing.schema.json").read_text())


def tiny_briefing() -> Briefing:
    first = Article(id=0, text="Allies agreed <no> easing of sanctions. Talks go on.", title="Sanctions stay", source="Wire", url="https://x.org/a")
    second = Article(id=1, text="Headline\nThe allies agreed no easing of sanctions.", path="b.txt")
    sentences = (Sentence(0, 0, 0, 39, first.text[0:39]), Sentence(1, 0, 9, 51, second.text[9:51]))
    bullet = Bullet(
        topic_id=0,
        label="sanctions",
        text=sentences[0].text,
        score=0.8,
        citations=(Citation(0, 0, 39), Citation(1, 9, 51, 0.93)),
        runners_up=(RunnerUp(1, 9, 51, sentences[1].text, 0.7),),
        topic_size=2,
    )
    return Briefing(
        title="Briefing: sanctions",
        bullets=(bullet,),
        articles=(first, second),
        topics=(Topic(0, "sanctions", (0, 1)),),
        sentences=sentences,
        left_out=(LeftOut(1, 0, 8, "heading"),),
        provenance={"tool": "summarizer", "version": "0", "model": "m", "options": {}, "inputs": [], "counts": {}},
    )


def test_markdown_has_title_cited_bullets_and_sources() -> None:
    text = render(tiny_briefing(), "md")
    assert text.startswith("# Briefing: sanctions\n")
    assert "- **Sanctions**: Allies agreed <no> easing of sanctions. [1][2]" in text
    assert "1. Sanctions stay — Wire <https://x.org/a>" in text
    assert "2. b.txt" in text
    assert "left out: 1 heading" in text


def test_json_follows_the_schema_and_offsets_hold() -> None:
    record = json.loads(render(tiny_briefing(), "json"))
    jsonschema.validate(record, SCHEMA)
    for bullet in record["bullets"]:
        first = bullet["citations"][0]
        assert record["articles"][first["article_id"]]["text"][first["start"] : first["end"]] == bullet["text"]
    assert record["bullets"][0]["support"] == 2


def test_html_escapes_text() -> None:
    page = render(tiny_briefing(), "html")
    assert "&lt;no&gt;" in page and "<no>" not in page
    assert 'href="#source-2"' in page
