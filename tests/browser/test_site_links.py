"""A batch site in the browser: every link, from the periods index down to each quote, leads somewhere."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.browser.pages import Tab
from tests.browser.site import READ_LINKS, crawl


def test_no_dead_links_in_a_batch_site(tab: Tab, batch_site: Path) -> None:
    found = crawl(tab, batch_site / "index.html")
    assert found.problems == []
    pages = {path.relative_to(found.root).as_posix() for path in found.ids}
    every_page = {path.relative_to(batch_site).as_posix() for path in batch_site.rglob("*.html")}
    assert pages == every_page, "every page of the site is reached from index.html"
    periods = sorted(path.parent.name for path in batch_site.glob("*/index.html"))
    assert periods == ["2025-03-01", "2025-03-02"]
    assert {"index.html", "threads.html"} <= pages
    assert len([p for p in pages if re.fullmatch(r"[^/]+/story-\d+\.html", p)]) >= 3
    assert found.links > 50  # the story pages' citations are links too


def test_clicking_down_from_the_index_reaches_a_briefing(tab: Tab, batch_site: Path) -> None:
    tab.open(batch_site / "index.html")
    period = next(link["raw"] for link in tab.evaluate(READ_LINKS) if re.fullmatch(r"[^/#]+/index\.html", link["raw"]))
    tab.page.locator(f'a[href="{period}"]').first.click()
    tab.page.wait_for_url(re.compile(re.escape(period) + "$"))
    story = next(link["raw"] for link in tab.evaluate(READ_LINKS) if re.fullmatch(r"story-\d+\.html", link["raw"]))
    tab.page.locator(f'a[href="{story}"]').first.click()
    tab.page.wait_for_url(re.compile("/" + re.escape(story) + "$"))
    briefing = json.loads((batch_site / Path(period).parent / story.replace(".html", ".json")).read_text(encoding="utf-8"))
    assert tab.page.locator("li.bullet").count() == len(briefing["bullets"]) >= 1


def test_threads_page_draws_a_timeline_and_links_to_stories(tab: Tab, batch_site: Path) -> None:
    tab.open(batch_site / "threads.html")
    assert tab.page.locator("svg").count() >= 1
    links = [link["raw"] for link in tab.evaluate(READ_LINKS)]
    assert any(re.fullmatch(r"[^/#]+/story-\d+\.html(#.*)?", link) for link in links), links


def test_the_crawl_reports_a_dead_page_a_dead_fragment_and_an_unsafe_link(tab: Tab, batch_site: Path, tmp_path: Path) -> None:
    """The crawler itself, on a damaged copy of the site: a story page removed, an id renamed, a javascript: link added."""
    site = tmp_path / "site"
    shutil.copytree(batch_site, site)
    stories = sorted(site.glob("*/story-*.html"))
    stories[0].unlink()
    page = stories[1].read_text(encoding="utf-8")
    quote = re.search(r'<mark class="quote" id="(q-[0-9-]+)"', page)
    assert quote is not None
    page = page.replace(f'id="{quote.group(1)}"', 'id="renamed"', 1).replace("</h1>", '</h1><a href="javascript:void(0)">x</a>', 1)
    stories[1].write_text(page, encoding="utf-8")
    problems = crawl(tab, site / "index.html").problems
    assert any("dead link" in p and stories[0].name in p for p in problems), problems
    assert any(f"dead fragment '#{quote.group(1)}'" in p for p in problems), problems
    assert any("unsafe link 'javascript:void(0)'" in p for p in problems), problems
