"""Read files as bounded streams: gzip looked through by its magic bytes, sizes capped, lines split as they come.

Nothing here holds more than one capped file (whole-file readers) or one
capped line (line readers) in memory, whatever the input: a gzip bomb or an
endless device stops at the limit.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from summarizer.ingest.decoding import NOT_TEXT, SAMPLE, binary_kind, bom_of, detect, spelled
from summarizer.ingest.limits import Limits

CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
STREAM_ERRORS = (OSError, EOFError, zlib.error)


class Readable(Protocol):
    """Anything with ``read(size) -> bytes``: files, gzip streams, stdin's buffer."""

    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(ValueError):
    """The input passed a size limit; the message names the limit and the option that raises it."""


@dataclass(frozen=True)
class Line:
    """One line of a file: its number and text, or the reason it could not be read (``text`` None)."""

    number: int
    text: str | None
    problem: str = ""
    encoding: str = ""


def stream_error(error: BaseException) -> str:
    """A reading or decompression error in words."""
    if isinstance(error, EOFError):
        return "the compressed file breaks off (truncated)"
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return f"the compressed data is corrupt ({error})"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read it ({error.strerror})"
    return f"cannot read it ({error.__class__.__name__}: {error})"


@contextmanager
def open_bytes(file: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, decompressed when it starts like gzip (whatever its name)."""
    with open(file, "rb") as raw:
        if raw.peek(2)[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked  # type: ignore[misc]
        else:
            yield raw


def read_capped(stream: Readable, cap: int, message: str) -> bytes:
    """At most ``cap`` bytes of ``stream``; raise TooLarge(message) when there are more."""
    data = bytearray()
    read = getattr(stream, "read1", stream.read)  # read1: a gzip stream that breaks off keeps what came before
    while len(data) <= cap:
        chunk = read(min(CHUNK, cap + 1 - len(data)))
        if not chunk:
            return data  # type: ignore[return-value]  # a bytearray: bytes-like, without a second copy
        data += chunk
    raise TooLarge(message)


def unpack_bytes(data: bytes, cap: int, message: str) -> bytes:
    """``data`` decompressed (at most ``cap`` bytes) when it is gzip, else unchanged."""
    if not data.startswith(GZIP_MAGIC):
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as unpacked:
        return read_capped(unpacked, cap, message)


def split_lines(chunks: Iterator[bytes], cap: int) -> Iterator[bytes | None]:
    """The lines of a byte stream (ended by \\n, \\r\\n or \\r, without the ending); None for a line longer than ``cap``."""
    pending: list[bytes] = []
    size = 0
    dropping = False
    after_cr = False
    for chunk in chunks:
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        after_cr = False
        if not chunk:
            continue
        after_cr = chunk.endswith(b"\r")
        parts = chunk.splitlines()
        ended = chunk.endswith((b"\n", b"\r"))
        tail = b"" if ended else parts.pop()
        for index, part in enumerate(parts):
            if index == 0 and dropping:
                dropping = False
                continue
            if index == 0 and pending:
                part = b"".join([*pending, part])
                pending, size = [], 0
            yield None if len(part) > cap else part
        if tail and not dropping:
            pending.append(tail)
            size += len(tail)
            if size > cap:
                yield None
                pending, size, dropping = [], 0, True
    if pending and not dropping:
        yield b"".join(pending)


def utf8_chunks(stream: Readable, encoding: str, cap: int, message: str) -> Iterator[bytes]:
    """The stream's chunks, re-encoded as UTF-8 when ``encoding`` is not ASCII-compatible (UTF-16/32).

    Raise TooLarge(message) once more than ``cap`` bytes were read.
    """
    decoder = codecs.getincrementaldecoder(encoding)() if not ascii_compatible(encoding) else None
    total = 0
    read = getattr(stream, "read1", stream.read)
    while True:
        chunk = read(min(CHUNK, cap + 1 - total))
        total += len(chunk)
        if total > cap:
            within = chunk[:-1]  # the lines that end before the limit are still read
            yield within if decoder is None else decoder.decode(within).encode("utf-8", "surrogatepass")
            raise TooLarge(message)
        if decoder is None:
            if not chunk:
                return
            yield chunk
            continue
        text = decoder.decode(chunk, final=not chunk)
        if text:
            yield text.encode("utf-8", "surrogatepass")
        if not chunk:
            return


def ascii_compatible(encoding: str) -> bool:
    """True when a newline is the byte 0x0A in ``encoding``, so lines can be split before decoding."""
    return "\n".encode(encoding) == b"\n"


def sample_of(file: Path) -> bytes:
    """The first MiB of the file (decompressed, as far as it goes), to decide its encoding."""
    parts: list[bytes] = []
    size = 0
    with open_bytes(file) as stream:
        read = getattr(stream, "read1", stream.read)
        try:
            while size < SAMPLE:
                part = read(64 * 1024)
                if not part:
                    break
                parts.append(part)
                size += len(part)
        except (EOFError, zlib.error, gzip.BadGzipFile):
            pass  # a broken stream: the lines before the break are still read, then it is reported
    return b"".join(parts)


def file_lines(file: Path, limits: Limits) -> Iterator[Line]:
    """The lines of a text file (plain or gzip) in the encoding its BOM or first MiB shows.

    A line that is not valid in that encoding, or longer than the article
    limit, comes as a problem and reading goes on; a file that cannot be read,
    breaks off, or passes the file limit ends with one problem on the line
    where reading stopped.
    """
    try:
        sample = sample_of(file)
        encoding = detect(sample)
        if not encoding:
            yield Line(0, None, binary_kind(sample[:8]) or f"{NOT_TEXT} (binary data, or no known text encoding fits)")
            return
    except STREAM_ERRORS as error:
        yield Line(0, None, stream_error(error))
        return
    yield from decoded_lines(file, encoding, sample, limits)


def decoded_lines(file: Path, encoding: str, sample: bytes, limits: Limits) -> Iterator[Line]:
    """Lines of ``file`` decoded from ``encoding`` (see :func:`file_lines`); stops at the file limit."""
    _, bom = bom_of(sample[:4])
    compatible = ascii_compatible(encoding)
    line_codec = encoding if compatible else "utf-8"
    number = 0
    with open_bytes(file) as stream:
        if compatible and bom:
            stream.read(bom)  # a UTF-8 BOM; UTF-16/32 decoders read theirs
        lines = split_lines(utf8_chunks(stream, encoding, limits.max_file, f"the file is {limits.file_exceeded()}"), limits.max_article)
        try:
            for number, raw in enumerate(lines, 1):
                if raw is None:
                    yield Line(number, None, limits.article_exceeded("the line"))
                    continue
                try:
                    yield Line(number, raw.decode(line_codec), encoding=encoding)
                except UnicodeDecodeError as error:
                    yield Line(number, None, f"not {spelled(encoding)} (byte {error.start + 1})")
        except TooLarge as error:
            yield Line(number + 1, None, f"{error}; the rest of it was not read")
        except STREAM_ERRORS as error:
            yield Line(number + 1, None, stream_error(error) + (broken_after(number)))
        except UnicodeDecodeError as error:
            yield Line(number + 1, None, f"not valid {spelled(error.encoding)} text here; the rest of the file was not read")


def broken_after(number: int) -> str:
    """What was kept of a file whose reading broke after line ``number``."""
    return "; the lines before it were read" if number else ""
