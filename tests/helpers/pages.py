"""What a reader's renderer would build from our Markdown and HTML: links, images, tags, scripts, and the page's text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "Talks end ](http://evil.example) today",
    "![x](http://tracker.example/pixel.gif)",
    "[x](y)",
    "# Heading",
    "Title\n# Injected heading\n\n- item\n> quote",
    "line one\r\nline two\u2028three\u2029four\x85five\vsix\fseven",
    "<script>alert(1)</script>",
    "**bold** and *em* and __u__ _v_ ***x*** end_",
    "`code` and ``more``",
    "1. ordered",
    "2025) year",
    "- dash",
    "+ plus",
    "=== equals",
    "---",
    "***",
    "> quote",
    "```fence",
    "~~~fence",
    "    indented code",
    "[ref]: http://evil.example",
    "<http://evil.example>",
    "<mailto:a@evil.example>",
    "&lt;b&gt; &amp; &#x3C;script&#62; AT&T",
    "a \\ backslash\\",
    "trailing hashes ##",
    "| a | b |\n|---|---|",
    "~~strike~~",
    "<!-- comment -->",
    "<div onclick=x>block</div>",
    "javascript:alert(1)",
    "snake_case and _lead and trail_",
    "two spaces  \nthen a line",
    "\x00null\x07bell\x1b[31m",
    "lone \ud800 surrogate",
    "[^1] footnote",
    "www.evil.example",
    "bidi \u202e)1(trela:tpircsavaj\u2066 spoof",
]


MARKDOWN = MarkdownIt("commonmark")


def markdown_problems(text: str, live_links: int = 0) -> list[str]:
    """What hostile text managed to inject into Markdown: raw HTML, images, links other than http(s) autolinks."""
    tokens = MARKDOWN.parse(text)
    inline = children(tokens)
    problems = [f"{t.type}: {t.content!r}" for t in tokens + inline if t.type in ("html_block", "html_inline", "image")]
    problems += [f"{t.type} in blocks" for t in tokens if t.type in ("blockquote_open", "code_block", "fence", "hr", "table_open")]
    links = [t for t in inline if t.type == "link_open"]
    problems += [f"link {t.attrs}" for t in links if t.markup != "autolink" or not str(t.attrs["href"]).lower().startswith(("http://", "https://"))]
    if len(links) != live_links:
        problems.append(f"{len(links)} links, expected {live_links}")
    return problems


class PageParser(HTMLParser):
    """Every start tag with its attributes, and the text of each tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self.open:
            self.texts.setdefault(self.open[-1], []).append(data)


ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "h1", "h2", "ul", "ol", "li", "strong", "a", "span", "footer", "p", "em"),
    *("q", "mark", "details", "summary", "section", "div", "nav", "svg", "rect", "text"),
}


REQUIRED_CSP = ("default-src 'none'", "img-src 'none'", "base-uri 'none'", "form-action 'none'")


OWN_ANCHOR = re.compile(r"#(?:source|article|bullet)-\d+|#q-\d+-\d+-\d+|#thread-[\w-]+")


OWN_PAGE = re.compile(r"(?:\.\./)?(?:[\w-]+/)?(?:index|threads|story-\d+)\.html(?:#thread-[\w-]+)?")


def html_problems(page: str, live_links: int | None = None) -> list[str]:
    """What hostile text managed to inject into an HTML page, and any missing protection: only our own
    anchors and pages, and http(s) links with a closed ``rel``, may be links."""
    parser = PageParser()
    parser.feed(page)
    parser.close()
    problems = [f"tag {tag}" for tag, _ in parser.tags if tag not in ALLOWED_TAGS]
    problems += [f"{tag} {name}=" for tag, attrs in parser.tags for name in attrs if name.startswith("on")]
    anchors = [attrs for tag, attrs in parser.tags if tag == "a"]
    for attrs in anchors:
        href = attrs.get("href", "")
        if OWN_ANCHOR.fullmatch(href) or OWN_PAGE.fullmatch(href):
            continue
        if not href.lower().startswith(("http://", "https://")):
            problems.append(f"href {href!r}")
        elif set(attrs.get("rel", "").split()) != {"noopener", "noreferrer", "nofollow"}:
            problems.append(f"rel of {href!r}")
    external = [a for a in anchors if a.get("href", "").lower().startswith(("http://", "https://"))]
    if live_links is not None and len(external) != live_links:
        problems.append(f"{len(external)} links, expected {live_links}")
    metas = [attrs for tag, attrs in parser.tags if tag == "meta"]
    csp = [m.get("content", "") for m in metas if m.get("http-equiv", "").lower() == "content-security-policy"]
    if len(csp) != 1 or any(rule not in csp[0] for rule in REQUIRED_CSP) or "script-src" in csp[0]:
        problems.append(f"CSP {csp}")
    if {"name": "referrer", "content": "no-referrer"} not in metas:
        problems.append("no referrer meta")
    if not any(m.get("name") == "viewport" for m in metas):
        problems.append("no viewport meta")
    return problems


def page_texts(page: str) -> dict[str, list[str]]:
    """The text inside each kind of tag."""
    parser = PageParser()
    parser.feed(page)
    return parser.texts


def children(tokens: list[Token]) -> list[Token]:
    """Every inline child token."""
    return [child for token in tokens for child in token.children or []]
