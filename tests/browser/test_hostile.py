"""No script runs from article text: a hostile article's title, URL, source and text stay text in every page."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.conftest import Built
from tests.browser.hostile import FLAG, HOSTILE_URLS, PAYLOADS, SCRIPT
from tests.browser.pages import Tab

CSP_META = re.compile(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", re.IGNORECASE)


def test_the_watch_sees_a_script_that_runs_and_one_the_policy_blocks(tab: Tab, tmp_path: Path) -> None:
    """The detector itself: raw payloads in a page without a policy run; with one, they are reported as violations."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!doctype html><title>raw</title><p>{''.join(PAYLOADS[:3])}</p>", encoding="utf-8")
    tab.open(raw)
    problems = tab.script_problems()
    assert any(p.startswith(f"a script ran: window.{FLAG}") for p in problems), problems
    assert any(p.startswith("dialog: alert") for p in problems), problems
    assert any(p.startswith("element <script>") for p in problems), problems
    assert tab.csp_problems() == ["0 CSP meta elements"]

    policed = tmp_path / "policed.html"
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
    policed.write_text(f"<!doctype html><head>{policy}<title>p</title></head><p>{SCRIPT}</p>", encoding="utf-8")
    tab.dialogs.clear()
    tab.open(policed)
    problems = tab.script_problems()
    assert not any(p.startswith(("a script ran", "dialog")) for p in problems), problems
    assert any(p.startswith("CSP violation: script-src") for p in problems), problems
    assert tab.csp_problems() == []


def test_no_script_runs_from_a_hostile_briefing(tab: Tab, hostile_page: Built) -> None:
    tab.open(hostile_page.html)
    assert tab.csp_problems() == []
    assert tab.script_problems() == []
    body = tab.evaluate("() => document.body.textContent")
    assert SCRIPT in body, "the payload is in the page as text"
    assert tab.page.title() == " ".join(hostile_page.data["title"].split())
    links = tab.evaluate("() => [...document.querySelectorAll('a.source')].map(a => a.getAttribute('href'))")
    assert set(links) == {HOSTILE_URLS[-1]}, "only the https URL is a link, with its quote kept inside the attribute"
    for url in HOSTILE_URLS[:-1]:
        assert " ".join(url.split()) in " ".join(body.split()), f"{url!r} is shown as text"
    tab.page.locator("a.source").first.hover()  # the https URL carries an onmouseover attempt
    tab.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert tab.script_problems() == []


def test_a_hostile_briefing_stays_inert_without_its_policy(tab: Tab, hostile_page: Built, tmp_path: Path) -> None:
    """Escaping alone keeps the page safe: with the CSP meta cut out, still nothing runs and no live markup appears."""
    page = hostile_page.html.read_text(encoding="utf-8")
    assert len(CSP_META.findall(page)) == 1
    bare = tmp_path / "bare.html"
    bare.write_text(CSP_META.sub("", page), encoding="utf-8")
    tab.open(bare)
    tab.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert tab.csp_problems() == ["0 CSP meta elements"]
    assert tab.script_problems() == []


def test_every_page_of_a_batch_site_with_hostile_records_is_inert(tab: Tab, batch_site: Path) -> None:
    pages = sorted(batch_site.rglob("*.html"))
    assert len(pages) >= 6
    hostile = 0
    for page in pages:
        tab.open(page)
        tab.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert tab.csp_problems() == [], page
        assert tab.script_problems() == [], page
        hostile += SCRIPT in tab.evaluate("() => document.body.textContent")
    assert hostile >= 1, "the hostile records show up (as text) on their story page"
