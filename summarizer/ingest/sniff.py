"""What a file or stdin holds, by its first bytes and its text before its name: binary kinds, feeds, tables, JSON."""

from __future__ import annotations

from pathlib import Path

from summarizer.ingest.feeds import is_feed
from summarizer.ingest.records import BadInput, load_json
from summarizer.ingest.streams import STREAM_ERRORS, open_bytes
from summarizer.ingest.tables import looks_like_table
from summarizer.ingest.warc import is_warc

HEAD_BYTES = 4096  # enough to see a PDF, a DOCX's first part name, or a WARC header


def head_of(file: Path) -> bytes:
    """The first bytes of a file (decompressed when gzip): enough to tell what it is; empty when unreadable."""
    try:
        with open_bytes(file) as stream:
            return bytes(stream.read(HEAD_BYTES))
    except STREAM_ERRORS:
        return b""


def binary_kind(head: bytes) -> str:
    """pdf, docx or warc when the first bytes say so (whatever the file's name), else ''."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in head:
        return "docx"
    return "warc" if is_warc(head) else ""


def text_kind(text: str, named: str) -> str:
    """The reader for decoded text: a feed, a table or JSON is read as what it is even under a ``.txt`` or
    ``.xml`` name, or from stdin; an XML file that is not a feed is refused by the feed reader with what it holds."""
    if is_feed(text):
        return "feed"
    if named == "text":
        sniffed = sniff_kind(text)
        if sniffed in ("json", "jsonl") and parses_as_json(text, sniffed):
            return sniffed
        if looks_like_table(text):
            return "csv"
    return named  # a .xml, .rss or .atom that is not a feed stays "feed": the feed reader says why


def parses_as_json(text: str, kind: str) -> bool:
    """True when the text (or, for JSONL, its first line) is JSON: a text article may start with '[' or '{'."""
    first = text.strip() if kind == "json" else text.strip().split("\n", 1)[0]
    try:
        load_json(first, "")
    except BadInput:
        return False
    return True


def sniff_kind(raw: str) -> str:
    """The format of text whose name says nothing (stdin): json, jsonl, html or text."""
    head = raw.lstrip("\ufeff \t\r\n")[:1]
    if head == "[":
        return "json"
    if head == "{":
        return "jsonl" if len(raw.strip().splitlines()) > 1 and not is_single_json(raw) else "json"
    if head == "<":
        return "html"
    return "text"


def is_single_json(raw: str) -> bool:
    """True when the whole text is one JSON value."""
    try:
        load_json(raw, "")
    except BadInput:
        return False
    return True
