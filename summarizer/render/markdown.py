"""The briefing as Markdown: title, one cited bullet per topic, numbered sources, a footer.

Every article-derived string goes through ``markdown_text`` (or ``markdown_url``), so a
hostile article cannot add links, images, HTML or structure to the briefing.
"""

from __future__ import annotations

from summarizer.render.escape import markdown_text, markdown_url
from summarizer.render.parts import capitalised, empty_note, footer_text, source_details, source_name
from summarizer.types import Article, Briefing, Bullet

__all__ = ["bullet_line", "citation_marks", "footer", "render_markdown", "source_line", "source_name"]


def citation_marks(bullet: Bullet) -> str:
    """``[1][3]``: 1-based numbers of the cited articles, in source-list order."""
    return "".join(f"[{number + 1}]" for number in sorted(bullet.article_ids))


def bullet_line(bullet: Bullet) -> str:
    """``- **Label**: text [1][3]``."""
    label = markdown_text(capitalised(bullet.label.strip()))
    text = markdown_text(bullet.text)
    return f"- **{label}**: {text} {citation_marks(bullet)}" if label else f"- {text} {citation_marks(bullet)}"


def source_line(article: Article) -> str:
    """``1. Title — source, date, <url>``."""
    line = f"{article.id + 1}. {markdown_text(source_name(article))}"
    details = source_details(article)
    if details:
        line += " — " + ", ".join(markdown_text(part) for part in details)
    if article.url.strip():
        line += " " + markdown_url(article.url)
    return line


def footer(briefing: Briefing) -> str:
    """How much went in, what was left out and what was skipped, in one italic line."""
    return f"_{markdown_text(footer_text(briefing))}_"


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown text ending in a newline."""
    lines = [f"# {markdown_text(briefing.title)}".rstrip(), ""]
    lines += [bullet_line(b) for b in briefing.bullets] or [f"_{markdown_text(empty_note(briefing))}_"]
    lines += ["", "## Sources", ""]
    lines += [source_line(a) for a in briefing.articles]
    lines += ["", footer(briefing)]
    return "\n".join(lines) + "\n"
