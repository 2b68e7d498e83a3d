"""Hostile articles: nothing an article says can add links, images, HTML, scripts or structure to a briefing.

Markdown is parsed back with markdown-it-py (CommonMark) and HTML with html.parser;
the checks look at what a reader's renderer would build, not at substrings.
"""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it.token import Token

from summarizer.batch.index import period_markdown, story_line, top_markdown
from summarizer.render import render
from summarizer.render.escape import clean_text, live_url, markdown_text, markdown_url
from summarizer.render.parts import capitalised, footer_text
from summarizer.types import Article, Briefing, Bullet, Citation, Sentence, Skipped, Topic
from tests.helpers.pages import HOSTILE, MARKDOWN, children, html_problems, markdown_problems, page_texts

BAD_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "evil.example/x",
    "/relative",
    "#source-1",
    "mailto:desk@x.org",
]
GOOD_URLS = [
    "https://x.org/a b>c<d",
    'https://x.org/"onmouseover=alert(1)',
    " HTTPS://x.org/ok\n",
    "http://x.org/](http://evil)",
    "https://x.org/\ud800\u202e\u3000x",
]


def hostile_briefing(text: str, url: str = "", bullets: bool = True) -> Briefing:
    """A briefing whose every article-derived field is ``text`` (and whose first article's URL is ``url``)."""
    first = Article(id=0, text=text, title=text, source=text, url=url, published=text, path=text, ref=text)
    second = Article(id=1, text=text, path="dir/" + text)
    sentences = (Sentence(0, 0, 0, len(text), text), Sentence(1, 0, 0, len(text), text))
    bullet = Bullet(0, text, text, 0.5, (Citation(0, 0, len(text)), Citation(1, 0, len(text))))
    return Briefing(
        title=text,
        bullets=(bullet,) if bullets else (),
        articles=(first, second),
        topics=(Topic(0, text, (0, 1)),),
        sentences=sentences if bullets else (),
        skipped=(Skipped(text, text), Skipped("b.bin", "binary")),
    )


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def check_briefing_markdown(briefing: Briefing, live_links: int) -> None:
    """Parse the briefing's Markdown; its structure is ours alone and every field reads as given."""
    text = render(briefing, "md")
    assert markdown_problems(text, live_links) == [], text
    tokens = MARKDOWN.parse(text)
    headings = [(t.tag, inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [("h1", clean_text(briefing.title)), ("h2", "Sources")], text
    assert [t.type for t in tokens].count("bullet_list_open") == (1 if briefing.bullets else 0)
    assert [t.type for t in tokens].count("ordered_list_open") == 1
    items = [i for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert len(items) == len(briefing.bullets) + len(briefing.articles), text
    lines = [inline_text(tokens[i + 2]) for i in items]
    for bullet, line in zip(briefing.bullets, lines, strict=False):
        assert line == f"{clean_text(capitalised(bullet.label.strip()))}: {clean_text(bullet.text)} [1][2]"
    numbers = [tokens[i].info for i in items[len(briefing.bullets) :]]
    assert numbers == [str(a.id + 1) for a in briefing.articles]
    strong = [t for t in children(tokens) if t.type == "strong_open"]
    emphasis = [t for t in children(tokens) if t.type == "em_open"]
    assert len(strong) == len([b for b in briefing.bullets if clean_text(b.label)]), text
    assert len(emphasis) == (1 if briefing.bullets else 2), text
    assert inline_text(tokens[-2]) == clean_text(footer_text(briefing))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_shape_the_markdown(text: str) -> None:
    check_briefing_markdown(hostile_briefing(text), live_links=0)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_shape_an_empty_briefing(text: str) -> None:
    briefing = hostile_briefing(text, bullets=False)
    check_briefing_markdown(briefing, live_links=0)
    assert html_problems(render(briefing, "html"), live_links=0) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_shape_the_html(text: str) -> None:
    page = render(hostile_briefing(text), "html")
    assert html_problems(page, live_links=0) == [], page
    texts = page_texts(page)
    assert texts["h1"] == [clean_text(text)] if clean_text(text) else "h1" not in texts
    assert texts["title"] == texts.get("h1", [])


@pytest.mark.parametrize("url", BAD_URLS)
def test_urls_other_than_http_stay_text(url: str) -> None:
    briefing = hostile_briefing("Talks end", url)
    check_briefing_markdown(briefing, live_links=0)
    page = render(briefing, "html")
    assert html_problems(page, live_links=0) == [], page
    assert clean_text(url) in "".join(page_texts(page)["span"])


@pytest.mark.parametrize("url", GOOD_URLS)
def test_http_urls_are_links_that_cannot_break_out(url: str) -> None:
    briefing = hostile_briefing("Talks end", url)
    check_briefing_markdown(briefing, live_links=1)
    assert html_problems(render(briefing, "html"), live_links=1) == []
    for fmt in ("md", "html", "json"):
        render(briefing, fmt).encode("utf-8")


def test_the_scheme_is_judged_as_a_browser_reads_it() -> None:
    assert live_url(" JaVaScRiPt:alert(1)") == ""
    assert live_url("java\nscript:alert(1)") == ""
    assert live_url("\x00 javascript:alert(1)") == ""
    assert live_url(" MAILTO:desk@x.org ") == "MAILTO:desk@x.org"
    assert live_url("ht\ttps://x.org/") == "https://x.org/"
    assert markdown_url("mailto:desk@x.org") == "mailto:desk@x.org"  # Markdown links only http(s)
    assert markdown_url("https://x.org/a b>") == "<https://x.org/a%20b%3E>"
    assert markdown_url("javascript:alert(1)") == "javascript:alert(1)"


def test_markdown_text_escapes_only_what_can_act() -> None:
    assert markdown_text("Allies agreed on £1.6 billion ($2 billion).") == "Allies agreed on £1.6 billion ($2 billion)."
    assert markdown_text("000_ef6e963bd60a07bf.txt") == "000_ef6e963bd60a07bf.txt"
    assert markdown_text("[x](y) *a* <b> #1") == "\\[x\\](y) \\*a\\* \\<b\\> \\#1"
    assert markdown_text("![x](y) a!") == "\\!\\[x\\](y) a!"
    assert markdown_text("- a") == "\\- a"
    assert markdown_text("1999. A year") == "1999\\. A year"
    assert markdown_text("AT&T &amp;") == "AT&T \\&amp;"
    assert markdown_text("a\r\n\n b\u2028c") == "a b c"
    assert clean_text("\u202eevil\u2069 \x00ok\ud800") == "evil ok\ufffd"


def story(title: str, number: int = 1) -> dict[str, Any]:
    """A period index's story entry."""
    return {"id": number, "title": title, "articles": ["a"], "sources": ["Wire"], "single_source": True, "markdown": f"story-{number:03d}.md"}


@pytest.mark.parametrize("title", HOSTILE)
def test_batch_indexes_show_hostile_titles_as_text(title: str) -> None:
    assert "\n" not in story_line(story(title))
    index = {"period": "2025-03-02", "articles": 1, "stories": [story(title), story(title, 2)]}
    for text in (period_markdown(index), top_markdown([{"period": "2025-03-02", "articles": 1, "stories": 2, "top_story": title}])):
        tokens = MARKDOWN.parse(text)
        inline = children(tokens)
        assert [t.type for t in tokens + inline if t.type in ("html_block", "html_inline", "image", "blockquote_open", "code_block", "fence", "hr")] == []
        assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"], text
        links = [t for t in inline if t.type == "link_open"]
        assert all(not str(t.attrs["href"]).startswith(("http", "javascript", "data", "//")) for t in links), text
        assert len([t for t in tokens if t.type == "list_item_open"]) == len(links), text
    tokens = MARKDOWN.parse(period_markdown(index))
    titles = [inline_text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert titles == [f"{clean_text(title) or 'untitled'}: 1 article, 1 source, single source"] * 2


def test_batch_links_point_at_our_files() -> None:
    index = {"period": "2025-03-02", "articles": 1, "stories": [story("One story")]}
    assert period_markdown(index) == "# 2025-03-02: 1 story from 1 article\n\n1. [One story](story-001.md): 1 article, 1 source, single source\n"
    top = top_markdown([{"period": "2025-W10", "articles": 3, "stories": 2, "top_story": "<b>Big</b>"}])
    assert top == "# News briefings by period\n\n- [2025-W10](2025-W10/index.md): 2 stories, 3 articles: \\<b\\>Big\\</b\\>\n"
