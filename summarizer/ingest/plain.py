"""Plain-text and Markdown articles: the first line is the title when it looks like one."""

from __future__ import annotations

import re

from summarizer.ingest.boilerplate import boilerplate_reason, date_in
from summarizer.ingest.records import DATE_FIELDS, SOURCE_FIELDS, TITLE_FIELDS, URL_FIELDS

TITLE_MAX_WORDS = 25
SENTENCE_END = tuple('.!?:;,"”’…')
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def looks_like_title(line: str) -> bool:
    """A short line that does not end like a sentence and starts like a headline."""
    stripped = MARKDOWN_HEADING.sub("", line.strip())
    if not stripped or len(stripped.split()) > TITLE_MAX_WORDS:
        return False
    if stripped.endswith(SENTENCE_END):
        return False
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "‘'\"“"


def split_title(raw: str) -> tuple[str, str, str]:
    """Return (title, body, published) of a plain-text article.

    Leading boilerplate lines (share counters, datelines) are skipped when
    looking for the title; a date found in them becomes ``published``.
    The body is the text after the title line, unchanged otherwise.
    """
    published = ""
    offset = 0
    for line in raw.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped or boilerplate_reason(stripped):
            published = published or date_in(stripped)
            offset += len(line)
            continue
        rest = raw[offset + len(line) :]
        if looks_like_title(stripped) and rest.strip():
            return MARKDOWN_HEADING.sub("", stripped), rest, published
        break
    return "", raw, published


FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n")
META_FIELDS = {"title": TITLE_FIELDS, "source": SOURCE_FIELDS, "url": (*URL_FIELDS, "canonical_url"), "published": DATE_FIELDS}


def front_matter(raw: str) -> tuple[dict[str, str], str]:
    """YAML front matter (``---`` lines around ``key: value`` lines, as CMSs and static sites write Markdown) read
    with python-frontmatter: the title, source, URL and date it gives, and the text after it. Text without front
    matter, or with YAML that does not parse, comes back as it is."""
    if not FRONT_MATTER.match(raw):
        return {}, raw
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(raw.lstrip("\ufeff"))
    except (yaml.YAMLError, ValueError, TypeError):
        return {}, raw
    found = {}
    for field, names in META_FIELDS.items():
        value = next((post.metadata[name] for name in names if post.metadata.get(name) not in (None, "")), "")
        found[field] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return found, post.content
