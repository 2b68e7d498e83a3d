"""Clicking a citation opens the cited article and highlights exactly the quoted text: the bullet's sentence, character for character."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import Built
from tests.browser.pages import PHONE, Tab, anchor, assert_shown, check_briefing, click_and_read_target


@pytest.mark.slow
def test_every_citation_on_the_seeds_page_highlights_its_quote(tab: Tab, seeds_page: Built) -> None:
    clicked = check_briefing(tab, seeds_page.html, seeds_page.data)
    assert clicked >= sum(len(b["citations"]) for b in seeds_page.data["bullets"]) >= len(seeds_page.data["bullets"]) > 0


@pytest.mark.slow
def test_every_story_page_of_a_batch_site_highlights_its_quotes(tab: Tab, batch_site: Path) -> None:
    stories = sorted(batch_site.glob("*/story-*.html"))
    assert len(stories) >= 3, "the seeds over two days plus the hostile records make at least three stories"
    for page in stories:
        data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        assert check_briefing(tab, page, data) > 0, page


@pytest.mark.slow
def test_citations_of_hostile_text_highlight_it_as_text(tab: Tab, hostile_page: Built) -> None:
    assert check_briefing(tab, hostile_page.html, hostile_page.data) > 0
    quoted = [c for b in hostile_page.data["bullets"] for c in b["citations"] if "<" in b["text"]]
    assert quoted, "the hostile briefing should quote a sentence holding markup"
    assert tab.script_problems() == []


def test_a_citation_at_phone_width_scrolls_its_quote_into_view(phone: Tab, seeds_page: Built) -> None:
    phone.open(seeds_page.html)
    assert phone.page.viewport_size == PHONE
    last = len(seeds_page.data["bullets"])
    citation = seeds_page.data["bullets"][-1]["citations"][0]
    href = anchor(citation["article_id"], citation["start"], citation["end"])
    target = click_and_read_target(phone, f"#bullet-{last} a.cite", 0, href)
    assert target["id"] == href[1:]
    assert_shown(target, href)


def test_a_highlight_that_is_not_the_quote_is_caught(tab: Tab, seeds_page: Built, tmp_path: Path) -> None:
    """The checker itself: a quote mark that starts one character late (the article's text unchanged) fails it."""
    page = seeds_page.html.read_text(encoding="utf-8")
    citation = seeds_page.data["bullets"][0]["citations"][0]
    name = anchor(citation["article_id"], citation["start"], citation["end"])[1:]
    mark = f'<mark class="quote" id="{name}">'
    at = page.index(mark)
    first = page[at + len(mark)]
    broken = tmp_path / "broken.html"
    broken.write_text(page[:at] + first + mark + page[at + len(mark) + 1 :], encoding="utf-8")
    with pytest.raises(AssertionError, match=f"^{name}: "):
        check_briefing(tab, broken, seeds_page.data)
