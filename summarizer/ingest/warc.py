"""Web archives (WARC and ARC, gzipped or not): every HTML page the crawler got (status 200) as an article.

Records are streamed with warcio (the Webrecorder project's reader, which
handles both formats and per-record gzip), so memory holds one page at a
time; each page's main text comes from trafilatura, as for a saved page.
Requests, metadata, redirects, errors and non-HTML responses are counted,
not named one by one: a CC-NEWS file holds thousands of them. The date is the
page's own when it gives one, else the WARC record's.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from summarizer.errors import InputError
from summarizer.ingest.decoding import decode_bytes
from summarizer.ingest.html import extract_html
from summarizer.ingest.records import BadInput, record_to_article
from summarizer.types import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_PAGE = 8 * 1024 * 1024  # a page's bytes past this are not a news article


@dataclass
class WarcTally:
    """What a WARC held besides the pages read: a count per reason."""

    passed: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """``1,204 records passed over (812 not a response, 391 not HTML, 1 status 404)``, '' when none."""
        if not self.passed:
            return ""
        parts = ", ".join(f"{count:,} {reason}" for reason, count in sorted(self.passed.items(), key=lambda item: (-item[1], item[0])))
        return f"{sum(self.passed.values()):,} records passed over ({parts})"


def is_warc(head: bytes) -> bool:
    """True when (decompressed) bytes open like a WARC or ARC file."""
    return head.startswith((b"WARC/", b"filedesc://"))


def page_of(record: object, tally: WarcTally) -> bytes | None:
    """The HTML body of a 200 response record, or None (the reason counted)."""
    rec_type = getattr(record, "rec_type", "")
    if rec_type not in ("response", "response/http"):
        tally.passed["not a response"] += 1
        return None
    http = getattr(record, "http_headers", None)
    if http is None or http.get_statuscode() != "200":
        tally.passed[f"status {http.get_statuscode() if http is not None else 'unknown'}"] += 1
        return None
    kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        tally.passed["not HTML"] += 1
        return None
    body = record.content_stream().read(MAX_PAGE + 1)  # type: ignore[attr-defined]
    if len(body) > MAX_PAGE:
        tally.passed["larger than 8 MiB"] += 1
        return None
    return bytes(body)


def read_warc(stream: IO[bytes], where: str, path: str, tally: WarcTally) -> Iterator[Article | BadInput]:
    """Every readable HTML page of a WARC stream as an Article (its URL as ``ref``); a page with no text is counted."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            body = page_of(record, tally)
            if body is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10]
            try:
                html, _ = decode_bytes(body)
                page = extract_html(html, f"{where}: {url}")
            except (InputError, ValueError):
                tally.passed["no article text"] += 1
                continue
            page["url"] = page["url"] or url
            page["published"] = page["published"] or crawled
            yield record_to_article(page | {"id": url}, f"{where}: {url}", path)
    except ArchiveLoadFailed as error:
        raise BadInput(where, f"not a readable WARC ({error})") from None


def warc_articles(file: Path, where: str, tally: WarcTally) -> Iterator[Article | BadInput]:
    """The pages of a WARC file, streamed (warcio looks through gzip itself), with a progress bar of the compressed
    bytes read on a terminal (a CC-NEWS file takes minutes)."""
    import sys

    from tqdm import tqdm

    with (
        open(file, "rb") as raw,
        tqdm(total=file.stat().st_size, unit="B", unit_scale=True, desc=file.name, file=sys.stderr, disable=not sys.stderr.isatty(), leave=False) as bar,
    ):
        yield from read_warc(io.BufferedReader(ProgressReader(raw, bar.update)), where, str(file), tally)


class ProgressReader(io.RawIOBase):
    """A binary stream that reports how many bytes each read took from the one it wraps."""

    def __init__(self, raw: IO[bytes], report: Callable[[int], object]) -> None:
        self.raw, self.report = raw, report

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the wrapped stream and report the count."""
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.report(len(data))
        return len(data)
