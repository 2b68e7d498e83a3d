"""The briefing as one self-contained HTML page, from a Jinja2 template with autoescaping.

Python only prepares plain values; the template escapes every one of them. Only
http and https URLs become links; a Content-Security-Policy forbids scripts,
remote loads, forms and ``<base>`` (it is written in templates/base.html).

The page needs no script: the articles are in it, collapsed (``<details>``), each
cited span a ``<mark>`` with its own id; a citation is a link to that id, and the
browser opens the article at it and scrolls it into view (``:target`` styles it).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.render.escape import MARKDOWN_LINK_SCHEMES, clean_text, live_url
from summarizer.render.marks import Anchors, article_marks, article_pieces
from summarizer.render.parts import capitalised, disagreement_parts, empty_note, footer_text, source_details, source_name
from summarizer.types import Article, Briefing, Bullet

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: autoescaping on, undefined names an error."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def bullet_view(number: int, bullet: Bullet, articles: tuple[Article, ...], anchor: Anchors) -> dict[str, Any]:
    """A bullet: its label and sentence, a link per citation to the span it quotes, the supporting sentences
    (near-duplicates that cite it and the topic's runners-up), and where sources differ on its figures."""
    differ = []
    for disagreement in bullet.disagreements:
        lead, values = disagreement_parts(disagreement, articles)
        spans = {(v.article_id + 1, v.text): anchor(v.article_id, v.start, v.end) for v in disagreement.values}
        figures = [{"text": clean_text(text), "number": n, "date": clean_text(date), "href": spans.get((n, text), f"source-{n}")} for text, n, date in values]
        differ.append({"lead": lead, "figures": figures})
    first: dict[int, str] = {}
    for c in bullet.citations:
        first.setdefault(c.article_id + 1, anchor(c.article_id, c.start, c.end))
    cites = [{"number": number, "href": first[number]} for number in sorted(first)]
    rewrites = [
        {"text": clean_text(articles[c.article_id].text[c.start : c.end]), "number": c.article_id + 1, "href": anchor(c.article_id, c.start, c.end)}
        for c in bullet.citations
        if articles[c.article_id].text[c.start : c.end] != bullet.text
    ]
    runners = [{"text": clean_text(r.text), "number": r.article_id + 1, "href": anchor(r.article_id, r.start, r.end)} for r in bullet.runners_up]
    return {
        "number": number,
        "label": clean_text(capitalised(bullet.label.strip())),
        "text": clean_text(bullet.text),
        "cites": cites,
        "rewrites": rewrites,
        "runners": runners,
        "topic_size": bullet.topic_size,
        "differ": differ,
        "status": bullet.status,
        "earlier": clean_text(bullet.earlier.text) if bullet.status == "update" and bullet.earlier else "",
        "was": clean_text(", ".join(bullet.earlier.was)) if bullet.status == "update" and bullet.earlier else "",
    }


def source_view(article: Article) -> dict[str, Any]:
    """A source: its name, outlet and date, a link only for an http(s) URL (any other URL as text)."""
    href = live_url(article.url, MARKDOWN_LINK_SCHEMES)
    return {
        "number": article.id + 1,
        "name": clean_text(source_name(article)),
        "href": href,
        "details": ", ".join(clean_text(part) for part in source_details(article)),
        "url_text": "" if href else clean_text(article.url),
    }


def left_out_text(briefing: Briefing) -> str:
    """How many spans of the articles no topic took (the reasons are in the footer)."""
    count = len(briefing.left_out)
    return f"{count} span{'' if count == 1 else 's'} of the articles left out (headings, boilerplate, fragments)." if count else ""


def briefing_view(briefing: Briefing, nav: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """Everything the briefing template shows, as plain (unescaped) values; ``nav`` is (relative href, text)
    of the pages above this one (a batch site's period and top indexes)."""
    marks = article_marks(briefing)
    anchor = Anchors(marks)
    articles = [{**source_view(a), "pieces": article_pieces(a.text, marks.get(a.id, []))} for a in briefing.articles]
    return {
        "title": clean_text(briefing.title),
        "nav": [{"href": href, "text": clean_text(text)} for href, text in nav],
        "bullets": [bullet_view(n, b, briefing.articles, anchor) for n, b in enumerate(briefing.bullets, start=1)],
        "empty": clean_text(empty_note(briefing)),
        "sources": [source_view(a) for a in briefing.articles],
        "articles": articles,
        "left_out": left_out_text(briefing),
        "footer": clean_text(footer_text(briefing)),
    }


def render_html(briefing: Briefing, nav: Sequence[tuple[str, str]] = ()) -> str:
    """The briefing as an HTML document (with ``nav`` links to the pages above it, on a batch site)."""
    return environment().get_template("briefing.html").render(briefing_view(briefing, nav))
