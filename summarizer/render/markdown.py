"""The briefing as Markdown: title, one cited bullet per topic, numbered sources, a footer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from summarizer.types import Article, Briefing, Bullet


def source_name(article: Article) -> str:
    """The article's title, else its file name, else its id."""
    if article.title:
        return article.title
    if article.path:
        return Path(article.path).name
    return article.ref or f"article {article.id + 1}"


def citation_marks(bullet: Bullet) -> str:
    """``[1][3]``: 1-based numbers of the cited articles, in source-list order."""
    return "".join(f"[{number + 1}]" for number in sorted(bullet.article_ids))


def bullet_line(bullet: Bullet) -> str:
    """``- **Label**: text [1][3]``."""
    label = bullet.label[:1].upper() + bullet.label[1:]
    return f"- **{label}**: {bullet.text} {citation_marks(bullet)}"


def source_line(article: Article) -> str:
    """``1. Title — source, date, <url>``."""
    details = [part for part in (article.source, article.published) if part]
    line = f"{article.id + 1}. {source_name(article)}"
    if details:
        line += " — " + ", ".join(details)
    if article.url:
        line += f" <{article.url}>"
    return line


def footer(briefing: Briefing) -> str:
    """How much went in and what was left out, in one line."""
    reasons = Counter(item.reason for item in briefing.left_out)
    left = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    text = f"_{len(briefing.articles)} articles, {len(briefing.sentences)} sentences in {len(briefing.topics)} topics; {len(briefing.bullets)} bullets"
    return text + (f"; left out: {left}._" if left else "._")


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown text ending in a newline."""
    lines = [f"# {briefing.title}", ""]
    lines += [bullet_line(b) for b in briefing.bullets] or ["_No sentence could stand as a bullet._"]
    lines += ["", "## Sources", ""]
    lines += [source_line(a) for a in briefing.articles]
    lines += ["", footer(briefing)]
    return "\n".join(lines) + "\n"
