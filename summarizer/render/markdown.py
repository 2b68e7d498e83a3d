"""The briefing as Markdown: title, one cited bullet per topic, numbered sources, a footer.

Every article-derived string goes through ``markdown_text`` (or ``markdown_url``), so a
hostile article cannot add links, images, HTML or structure to the briefing.
"""

from __future__ import annotations

from summarizer.render.escape import markdown_text, markdown_url
from summarizer.render.parts import capitalised, disagreement_parts, empty_note, footer_text, source_details, source_name
from summarizer.types import Article, Briefing, Bullet

__all__ = ["bullet_line", "citation_marks", "footer", "render_markdown", "source_line", "source_name"]


def citation_marks(bullet: Bullet) -> str:
    """``[1][3]``: 1-based numbers of the cited articles, in source-list order."""
    return "".join(f"[{number + 1}]" for number in sorted(bullet.article_ids))


def bullet_line(bullet: Bullet) -> str:
    """``- **Label**: text [1][3]``; with --since, ``- _New._ **Label**: ...``."""
    label = markdown_text(capitalised(bullet.label.strip()))
    text = markdown_text(bullet.text)
    mark = f"_{capitalised(bullet.status)}._ " if bullet.status else ""
    return f"- {mark}**{label}**: {text} {citation_marks(bullet)}" if label else f"- {mark}{text} {citation_marks(bullet)}"


def earlier_line(bullet: Bullet) -> list[str]:
    """For an update: ``  - Earlier: 30 million euros, in “sentence” (title, date)``."""
    if bullet.status != "update" or bullet.earlier is None:
        return []
    where = ", ".join(part for part in (bullet.earlier.title or bullet.earlier.ref, bullet.earlier.date) if part)
    was = f"{markdown_text(', '.join(bullet.earlier.was))}, in " if bullet.earlier.was else ""
    return [f"  - Earlier: {was}“{markdown_text(bullet.earlier.text)}”" + (f" ({markdown_text(where)})" if where else "")]


def disagreement_lines(bullet: Bullet, articles: tuple[Article, ...]) -> list[str]:
    """``  - Sources differ: 7,000 dead [2], 9,000 dead [5] (2025-03-02)``, one line per disagreement."""
    lines = []
    for disagreement in bullet.disagreements:
        lead, values = disagreement_parts(disagreement, articles)
        shown = ", ".join(f"{markdown_text(text)} [{number}]" + (f" ({markdown_text(date)})" if date else "") for text, number, date in values)
        lines.append(f"  - {lead}: {shown}")
    return lines


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
    for bullet in briefing.bullets:
        lines += [bullet_line(bullet), *earlier_line(bullet), *disagreement_lines(bullet, briefing.articles)]
    if not briefing.bullets:
        lines.append(f"_{markdown_text(empty_note(briefing))}_")
    lines += ["", "## Sources", ""]
    lines += [source_line(a) for a in briefing.articles]
    lines += ["", footer(briefing)]
    return "\n".join(lines) + "\n"
