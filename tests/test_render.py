"""Renderers on a hand-built briefing: Markdown citations, counts and footer, JSON schema 1.2, the HTML page."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from summarizer.render import render
from summarizer.render.html import TEMPLATES
from summarizer.types import Skipped
from tests.helpers.briefings import tiny_briefing

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "briefing.schema.json").read_text())


def test_markdown_has_title_cited_bullets_and_sources() -> None:
    text = render(tiny_briefing(), "md")
    assert text.startswith("# Briefing: sanctions\n")
    assert "- **Sanctions**: Allies agreed \\<no\\> easing of sanctions. [1][2]" in text
    assert "1. Sanctions stay — Wire <https://x.org/a>" in text
    assert "2. b.txt" in text
    assert text.endswith("\n_2 articles, 2 sentences in 1 topic; 1 bullet; left out: 1 heading._\n")


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
    assert 'href="#q-2-9-50"' in page and 'id="q-2-9-50"' in page  # the near-duplicate citation links to its span


def test_counts_are_plural_beyond_one() -> None:
    briefing = tiny_briefing()
    more = dataclasses.replace(briefing, bullets=briefing.bullets * 2, topics=briefing.topics * 3)
    assert "_2 articles, 2 sentences in 3 topics; 2 bullets; left out: 1 heading._" in render(more, "md")
    alone = dataclasses.replace(briefing, articles=briefing.articles[:1], sentences=briefing.sentences[:1])
    assert "_1 article, 1 sentence in 1 topic; 1 bullet;" in render(alone, "md")


def test_footer_lists_the_skipped_files_escaped() -> None:
    skipped = (Skipped("a.pdf", "PDF: convert it to text first"), Skipped("*b*.bin", "binary"))
    briefing = dataclasses.replace(tiny_briefing(), skipped=skipped)
    note = "skipped 2 files: a.pdf (PDF: convert it to text first), \\*b\\*.bin (binary)._"
    assert render(briefing, "md").rstrip().endswith(note)
    assert "; skipped 2 files: a.pdf (PDF: convert it to text first), *b*.bin (binary).</em>" in render(briefing, "html")
    one = dataclasses.replace(briefing, skipped=skipped[:1])
    assert "; skipped 1 file: a.pdf (PDF: convert it to text first)._" in render(one, "md")


def test_a_briefing_without_bullets_says_why() -> None:
    empty = dataclasses.replace(tiny_briefing(), bullets=())
    reason = "No topic was reported widely enough to make a bullet: ask for one with bullets=N (--bullets N)."
    assert f"\n_{reason}_\n" in render(empty, "md")
    assert f"<p><em>{reason}</em></p>" in render(empty, "html")
    bare = dataclasses.replace(empty, sentences=())
    assert "_No sentence could stand as a bullet: every span of the articles was too short or not a sentence (left out: heading)._" in render(bare, "md")


def test_json_lists_skipped_inputs_and_is_version_1_2() -> None:
    record = json.loads(render(tiny_briefing(), "json"))
    assert record["schema_version"] == "1.3" and record["skipped"] == []
    assert list(record) == ["schema_version", "title", "bullets", "articles", "topics", "left_out", "skipped", "provenance"]
    briefing = dataclasses.replace(tiny_briefing(), skipped=(Skipped("a.pdf", "PDF: convert it to text first"),))
    record = json.loads(render(briefing, "json"))
    jsonschema.validate(record, SCHEMA)
    assert record["skipped"] == [{"path": "a.pdf", "reason": "PDF: convert it to text first"}]
    del record["skipped"]
    try:
        jsonschema.validate(record, SCHEMA)
    except jsonschema.ValidationError as error:
        assert "skipped" in error.message
    else:
        raise AssertionError("a 1.1 briefing without skipped passed the schema")
    jsonschema.validate(dict(record, schema_version="1.0"), SCHEMA)  # a 1.0 briefing still validates
    record["provenance"]["inputs"] = [{"id": 0, "sha256": "0" * 64, "encoding": "utf-8"}]
    jsonschema.validate(dict(record, skipped=[]), SCHEMA)


def test_json_text_survives_utf8_and_javascript() -> None:
    odd = "line\u2028sep\u2029lone \ud800 half"
    briefing = dataclasses.replace(tiny_briefing(), title=odd)
    text = render(briefing, "json")
    text.encode("utf-8")  # no lone surrogate left raw
    assert "\u2028" not in text and "\\u2028" in text
    assert json.loads(text)["title"] == odd


def test_every_format_is_deterministic() -> None:
    for fmt in ("md", "json", "html"):
        assert render(tiny_briefing(), fmt) == render(tiny_briefing(), fmt)


def test_html_is_one_self_contained_page_from_packaged_templates() -> None:
    page = render(tiny_briefing(), "html")
    assert {path.name for path in TEMPLATES.iterdir()} >= {"base.html", "briefing.html"}
    assert TEMPLATES.parent.name == "render" and TEMPLATES.parent.parent.name == "summarizer"
    assert "<script" not in page and "src=" not in page and "@import" not in page
    assert '<meta name="viewport"' in page and "@media print" in page
    source = '<li id="source-1"><a href="#article-1">Sanctions stay</a> — Wire <a class="source" href="https://x.org/a" rel="noopener noreferrer nofollow">https://x.org/a</a></li>'
    assert source in page
