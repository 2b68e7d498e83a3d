"""The HTML edition: each citation links to the span it quotes, marked in the article shown in the page."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from typing import Any

from summarizer.render import render
from summarizer.render.marks import Anchors, Span, article_pieces, chosen_marks
from summarizer.types import Citation
from tests.helpers.briefings import tiny_briefing


class Elements(HTMLParser):
    """Every element's tag, attributes and full text content (nested text included)."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, Any]] = []
        self.stack: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "text": ""}
        self.found.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element["text"] += data


def elements(page: str) -> list[dict[str, Any]]:
    parser = Elements()
    parser.feed(page)
    return parser.found


def by_id(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["attrs"]["id"]: e for e in found if e["attrs"].get("id")}


def test_every_citation_links_to_a_mark_holding_what_it_quotes() -> None:
    briefing = tiny_briefing()
    found = elements(render(briefing, "html"))
    ids = by_id(found)
    sentence = next(e for e in found if e["tag"] == "q")["text"]
    assert sentence == briefing.bullets[0].text
    cites = [e["attrs"]["href"] for e in found if e["tag"] == "a" and "cite" in e["attrs"].get("class", "")]
    assert cites == ["#q-1-0-39", "#q-2-9-50"]
    for href, citation in zip(cites, briefing.bullets[0].citations, strict=True):
        mark = ids[href[1:]]
        assert mark["tag"] == "mark"
        assert mark["text"] == briefing.articles[citation.article_id].text[citation.start : citation.end]
    assert ids["q-1-0-39"]["text"] == sentence  # the exact citation highlights the bullet's sentence, character for character


def test_articles_are_in_the_page_collapsed_with_their_line_breaks() -> None:
    found = elements(render(tiny_briefing(), "html"))
    ids = by_id(found)
    assert ids["article-2"]["tag"] == "details" and "open" not in ids["article-2"]["attrs"]
    assert "Headline\nThe allies agreed" in ids["article-2"]["text"]
    assert any(e["tag"] == "a" and e["attrs"].get("href") == "#article-2" for e in found)  # the source list opens the article


def test_supporting_sentences_and_left_out_count_are_shown() -> None:
    found = elements(render(tiny_briefing(), "html"))
    supporting = next(e for e in found if e["tag"] == "details" and e["attrs"].get("class") == "supporting")
    assert "The allies agreed no easing of sanctions." in supporting["text"]
    assert "of 2 on this topic" in supporting["text"]
    assert next(e for e in found if e["attrs"].get("class") == "left-out")["text"].startswith("1 span ")


def test_a_span_shared_by_a_citation_and_a_runner_up_is_marked_once() -> None:
    page = render(tiny_briefing(), "html")
    assert page.count('id="q-2-9-50"') == 1


def test_overlapping_spans_link_to_the_mark_around_them_or_the_article() -> None:
    marks = chosen_marks([Span(0, 0, 10, "support"), Span(0, 5, 20, "quote"), Span(0, 30, 10, "quote"), Span(0, 0, 99, "quote")], 40)
    assert marks == [Span(0, 5, 20, "quote")]  # quotes first; empty, reversed and out-of-text spans dropped
    anchor = Anchors({0: marks})
    assert anchor(0, 5, 20) == "q-1-5-20"
    assert anchor(0, 6, 9) == "q-1-5-20"
    assert anchor(0, 0, 10) == "article-1"


def test_marked_text_reads_as_one_line_plain_text_keeps_its_breaks() -> None:
    text = "One.\nTwo\nlines here.\u202e Three."
    pieces = article_pieces(text, [Span(0, 5, 20, "quote")])
    assert [p["text"] for p in pieces] == ["One.\n", "Two lines here.", " Three."]


def test_a_near_duplicate_citation_in_the_same_article_keeps_its_own_mark() -> None:
    briefing = tiny_briefing()
    bullet = briefing.bullets[0]
    more = dataclasses.replace(bullet, citations=(*bullet.citations, Citation(0, 40, 51, 0.9)))
    page = render(dataclasses.replace(briefing, bullets=(more,)), "html")
    assert 'href="#q-1-0-39"' in page and 'id="q-1-40-51"' in page
