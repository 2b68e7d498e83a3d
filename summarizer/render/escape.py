"""Article text is untrusted: clean it, escape it for Markdown, and decide which URLs may become links.

HTML escaping is not here: the Jinja2 templates autoescape. This module is the one
place where article-derived text is made safe for Markdown (``markdown_text``,
``markdown_url``, ``markdown_link``) and where a URL's scheme is judged (``live_url``).
"""

from __future__ import annotations

import re
from urllib.parse import quote

LINE_BREAK = re.compile(r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")  # controls, bidi overrides, lone surrogates
ALWAYS = frozenset("\\`*[]<>~|#")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BLOCK_START = re.compile(r"([-+=])|([0-9]{1,9})([.)])")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
URL_EDGE = re.compile(r"^[\x00-\x20\x7f-\x9f\s]+|[\x00-\x20\x7f-\x9f\s]+$")
URL_INSIDE = re.compile(r"[\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NOT_IN_AUTOLINK = re.compile(r"[\s<>\x00-\x1f\x7f-\x9f]")
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MARKDOWN_LINK_SCHEMES = frozenset({"http", "https"})


def clean_text(text: str) -> str:
    """One line of readable text: line breaks (any kind) become one space, tabs a space; controls and bidi overrides go."""
    text = LINE_BREAK.sub(" ", text).replace("\t", " ")
    text = INVISIBLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
    return text.strip()


def needs_escape(text: str, i: int) -> bool:
    """Whether the character at ``i`` could start or end Markdown syntax."""
    char = text[i]
    if char in ALWAYS:
        return True
    if char == "_":  # between two letters or digits '_' can neither open nor close emphasis
        return not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())
    if char == "&":
        return ENTITY.match(text, i) is not None
    return char == "!" and text[i + 1 : i + 2] == "["


def escape_block_start(text: str) -> str:
    """Backslash the first character(s) if they would start a list, a setext underline or a thematic break."""
    match = BLOCK_START.match(text)
    if not match:
        return text
    if match.group(1):
        return "\\" + text
    return match.group(2) + "\\" + text[match.end(2) :]


def markdown_text(text: str) -> str:
    """``text`` on one line, reading the same once rendered, with nothing Markdown or HTML can act on."""
    text = clean_text(text)
    escaped = "".join("\\" + char if needs_escape(text, i) else char for i, char in enumerate(text))
    return escape_block_start(escaped)


def clean_url(url: str) -> str:
    """The URL as a browser would read it: surrounding blanks and controls stripped, tabs and newlines (and bidi overrides, lone surrogates) removed."""
    return URL_INSIDE.sub("", URL_EDGE.sub("", url))


def url_scheme(url: str) -> str:
    """The lower-cased scheme of a cleaned URL ('' for a relative or scheme-less one)."""
    match = SCHEME.match(url)
    return match.group(1).lower() if match else ""


def live_url(url: str, schemes: frozenset[str] = LINK_SCHEMES) -> str:
    """The cleaned URL when its scheme may be a link (http, https, mailto by default), else ''."""
    cleaned = clean_url(url)
    return cleaned if url_scheme(cleaned) in schemes else ""


def markdown_url(url: str) -> str:
    """An http(s) URL as an autolink ``<...>`` (blanks and angle brackets percent-encoded); any other as plain text."""
    live = live_url(url, MARKDOWN_LINK_SCHEMES)
    if not live:
        return markdown_text(url)
    return "<" + NOT_IN_AUTOLINK.sub(lambda m: quote(m.group(), safe=""), live) + ">"


def markdown_link(text: str, target: str) -> str:
    """``[text](target)`` for a link to one of our own relative files; both parts escaped."""
    return f"[{markdown_text(text) or 'untitled'}]({quote(target, safe='/._-')})"
