"""The briefing as a standalone HTML page (escaped; no scripts, no external assets)."""

from __future__ import annotations

from html import escape

from summarizer.render.markdown import footer, source_name
from summarizer.types import Article, Briefing, Bullet

STYLE = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}li{margin:.4rem 0}"


def bullet_item(bullet: Bullet) -> str:
    """One ``<li>`` with the label, the quoted sentence and links to its sources."""
    links = "".join(f'<a href="#source-{n + 1}">[{n + 1}]</a>' for n in sorted(bullet.article_ids))
    return f"<li><strong>{escape(bullet.label[:1].upper() + bullet.label[1:])}</strong>: {escape(bullet.text)} {links}</li>"


def source_item(article: Article) -> str:
    """One ``<li>`` of the source list."""
    name = escape(source_name(article))
    if article.url:
        name = f'<a href="{escape(article.url, quote=True)}">{name}</a>'
    details = ", ".join(escape(part) for part in (article.source, article.published) if part)
    return f'<li id="source-{article.id + 1}">{name}{" — " + details if details else ""}</li>'


def render_html(briefing: Briefing) -> str:
    """The briefing as an HTML document."""
    bullets = "\n".join(bullet_item(b) for b in briefing.bullets)
    sources = "\n".join(source_item(a) for a in briefing.articles)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(briefing.title)}</title>'
        f"<style>{STYLE}</style></head>\n<body>\n<h1>{escape(briefing.title)}</h1>\n<ul>\n{bullets}\n</ul>\n"
        f"<h2>Sources</h2>\n<ol>\n{sources}\n</ol>\n<p><em>{escape(footer(briefing).strip('_'))}</em></p>\n</body></html>\n"
    )
