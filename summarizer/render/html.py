"""The briefing as one self-contained HTML page, from a Jinja2 template with autoescaping.

Python only prepares plain values; the template escapes every one of them. Only
http, https and mailto URLs become links; a Content-Security-Policy forbids
scripts, remote loads, forms and ``<base>`` (it is written in templates/base.html).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.render.escape import clean_text, live_url
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


def bullet_view(bullet: Bullet, articles: tuple[Article, ...] = ()) -> dict[str, Any]:
    """A bullet's label, sentence, 1-based source numbers, and where sources differ on its figures."""
    differ = []
    for disagreement in bullet.disagreements:
        lead, values = disagreement_parts(disagreement, articles)
        differ.append({"lead": lead, "figures": [{"text": clean_text(text), "number": number, "date": clean_text(date)} for text, number, date in values]})
    return {
        "label": clean_text(capitalised(bullet.label.strip())),
        "text": clean_text(bullet.text),
        "cites": [number + 1 for number in sorted(bullet.article_ids)],
        "differ": differ,
        "status": bullet.status,
        "earlier": clean_text(bullet.earlier.text) if bullet.status == "update" and bullet.earlier else "",
    }


def source_view(article: Article) -> dict[str, Any]:
    """A source: its name, a link only for http(s)/mailto URLs, any other URL as text."""
    href = live_url(article.url)
    return {
        "number": article.id + 1,
        "name": clean_text(source_name(article)),
        "href": href,
        "details": ", ".join(clean_text(part) for part in source_details(article)),
        "url_text": "" if href else clean_text(article.url),
    }


def briefing_view(briefing: Briefing) -> dict[str, Any]:
    """Everything the briefing template shows, as plain (unescaped) values."""
    return {
        "title": clean_text(briefing.title),
        "bullets": [bullet_view(b, briefing.articles) for b in briefing.bullets],
        "empty": clean_text(empty_note(briefing)),
        "sources": [source_view(a) for a in briefing.articles],
        "footer": clean_text(footer_text(briefing)),
    }


def render_html(briefing: Briefing) -> str:
    """The briefing as an HTML document."""
    return environment().get_template("briefing.html").render(briefing_view(briefing))
