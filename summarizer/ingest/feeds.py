"""RSS and Atom feeds: each item an article, read with feedparser (the maintained universal feed parser).

An item's text is its full content (``content:encoded`` in RSS, ``content``
in Atom), else its summary, turned from HTML into plain text paragraph by
paragraph; its title, link, author and date come with it. An item with no
text is skipped and named, like a bad JSONL line.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from summarizer.ingest.records import BadInput
from summarizer.types import Article

BLOCKS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "section", "article", "figure")
DROPPED = ("script", "style", "noscript", "iframe", "object", "embed", "template")


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph a line (scripts and styles dropped); plain text stays as it is."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in list(root.iter(*DROPPED)):
        element.drop_tree()
    for element in root.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def iso_time(parsed: Any) -> str:
    """A feedparser time (a UTC ``time.struct_time``) as ISO 8601, '' when there is none."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else ""


def item_text(entry: Any) -> str:
    """An item's full content when it has one, else its summary, as plain text."""
    contents = [part.get("value", "") for part in entry.get("content") or [] if part.get("value")]
    return html_text("\n".join(contents) if contents else entry.get("summary", ""))


def is_feed(raw: str) -> bool:
    """True when XML text opens like an RSS, Atom or RDF feed."""
    head = raw.lstrip("\ufeff \t\r\n")[:2048].lower()
    return head.startswith("<") and any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))


def read_feed(raw: str, where: str, path: str) -> Iterator[Article | BadInput]:
    """Every item of a feed as an Article; an item without text is a BadInput naming it."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception.__class__.__name__})" if parsed.get("bozo") else ""
        raise BadInput(where, f"the feed holds no items{problem}")
    source = html_text(parsed.feed.get("title", ""))
    for number, entry in enumerate(parsed.entries, start=1):
        text = item_text(entry)
        if not text.strip():
            yield BadInput(f"{where}: item {number}", "the item has no text (no content and no summary)")
            continue
        yield Article(
            id=0,
            text=text,
            title=html_text(entry.get("title", "")),
            source=source,
            url=entry.get("link", ""),
            published=iso_time(entry.get("published_parsed") or entry.get("updated_parsed")),
            path=path,
            ref=entry.get("id", "") or entry.get("link", ""),
        )
