"""SGML newswire documents (<DOC> files) read with lxml's recovering parser: their text, title and date."""

from __future__ import annotations

import html.entities
import re
from pathlib import Path
from typing import Any

from summarizer.bench.convert.common import Warn
from summarizer.errors import InputError
from summarizer.ingest.decoding import decode_known_legacy, spelled
from summarizer.ingest.folders import shown

PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
ENTITY = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?")
XML_ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"}
BARE_LESS_THAN = re.compile(r"<(?![A-Za-z/!?])")  # "x < y" in the text: no tag starts like that
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_TAGS = ("headline", "head", "hl", "title")
DATE_TAGS = ("date_time", "datetime", "date", "dd")
DOCNO_DATE = re.compile(r"(?:^|[A-Za-z_])((?:19|20)\d{6})(?:\.|$)")


def entity(match: re.Match[str]) -> str:
    """An entity reference made safe for an XML parser: HTML names become their characters, stray '&' a literal."""
    body = match.group(1)
    if body is None:
        return "&amp;"
    if body.startswith("#") or body in XML_ENTITIES:
        return match.group(0)
    character = html.entities.html5.get(body) or html.entities.html5.get(body.lower())
    if character is None:
        return "&amp;" + body
    return character.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_sgml(text: str) -> Any:
    """The element tree of SGML-ish newswire (unclosed tags, HTML entities), tags lower-cased, under one <root>."""
    from lxml import etree

    body = BARE_LESS_THAN.sub("&lt;", ENTITY.sub(entity, CONTROL.sub("", PROLOGUE.sub("", text, count=1))))
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    root = etree.fromstring(f"<root>{body}</root>".encode(), parser)
    if root is None:
        return None
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.lower()
    return root


def flat(element: Any) -> str:
    """An element's text with white space collapsed."""
    return " ".join(" ".join(element.itertext()).split())


def sgml_documents(file: Path, warn: Warn) -> list[dict[str, Any]]:
    """The <DOC>s of one file as bench documents: DOCNO as id, headline as title, ISO date when one is given."""
    try:
        text, encoding = read_nist_text(file)
    except InputError as error:
        warn(f"{error}; left out")
        return []
    if not encoding.startswith("utf"):
        warn(f"{shown(file)}: not UTF-8; read as {spelled(encoding)}")
    root = parse_sgml(text)
    documents = []
    for doc in root.iter("doc") if root is not None else ():
        body = doc_text(doc)
        if not body:
            warn(f"{shown(file)}: a <DOC> with no <TEXT>; left out")
            continue
        number = first_text(doc, ("docno",)) or str(doc.get("id") or "").strip() or file.name
        document = {"id": number, "title": first_text(doc, TITLE_TAGS)}
        date = doc_date(doc, number)
        if date:
            document["date"] = date
        document["text"] = body
        documents.append(document)
    return documents


def first_text(doc: Any, tags: tuple[str, ...]) -> str:
    """The first non-empty text among ``tags``, in the order given."""
    for tag in tags:
        for element in doc.iter(tag):
            value = flat(element)
            if value:
                return value
    return ""


def doc_date(doc: Any, number: str) -> str:
    """YYYY-MM-DD from DATE_TIME/DATETIME/DATE/DD (US month-first, as NIST's newswire), else from an AQUAINT DOCNO."""
    from summarizer.dates import iso_date

    for tag in DATE_TAGS:
        for element in doc.iter(tag):
            value = flat(element)
            for candidate in (value, ",".join(value.split(",")[:2])):
                day = iso_date(candidate, "monthfirst") if candidate else ""
                if day:
                    return day
    match = DOCNO_DATE.search(number)
    return iso_date(match.group(1)) if match else ""


def doc_text(doc: Any) -> str:
    """The <TEXT> of a <DOC>, paragraphs apart by a blank line.

    With <P> elements, they are the paragraphs (unclosed ones too: each start
    and end tag is a break). Without, a blank line or an indented line starts a
    paragraph, as in AP's and APW's wire copy; other lines continue it.
    """
    parts: list[str] = []
    has_paragraphs = False
    for element in doc.iter("text"):
        has_paragraphs = has_paragraphs or any(True for _ in element.iter("p"))
        parts.append("\n\n")
        flatten(element, parts)
    blocks = re.split(r"\n[ \t]*\n", "".join(parts))
    paragraphs: list[str] = []
    for block in blocks:
        current: list[str] = []
        for line in block.split("\n"):
            if not has_paragraphs and line[:1] in (" ", "\t") and current:
                paragraphs.append(" ".join(current))
                current = []
            words = " ".join(line.split())
            if words:
                current.append(words)
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def flatten(element: Any, parts: list[str]) -> None:
    """Append the text under ``element``, with a blank line at every <P> boundary."""
    paragraph = element.tag == "p"
    if paragraph:
        parts.append("\n\n")
    parts.append(element.text or "")
    for child in element:
        flatten(child, parts)
        parts.append(child.tail or "")
    if paragraph:
        parts.append("\n\n")


def read_nist_text(file: Path) -> tuple[str, str]:
    """A NIST file's text and its encoding by ``ingest.decoding``'s fixed rule: a BOM's encoding, else UTF-8, else
    Windows-1252 (the newswire of the 1990s), else Latin-1. No detector guesses, so references never change with one."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read it ({error.strerror})") from None
    try:
        return decode_known_legacy(data)
    except ValueError as error:
        raise InputError(f"{shown(file)}: {error}") from None
