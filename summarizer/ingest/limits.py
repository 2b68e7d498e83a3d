"""Size limits on input, so memory stays bounded whatever is fed in, and the sizes users write."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.errors import InputError

KIB = 1024
MIB = 1024**2
GIB = 1024**3
MAX_FILE_SIZE = GIB
MAX_ARTICLE_SIZE = 64 * MIB
FILE_OPTION = "--max-file-size"
ARTICLE_OPTION = "--max-article-size"
UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": KIB, "m": 1000**2, "mb": 1000**2, "mib": MIB, "g": 1000**3, "gb": 1000**3, "gib": GIB}
UNITS |= {"t": 1000**4, "tb": 1000**4, "tib": 1024**4}
SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """Bytes one file may hold once decompressed, and bytes one line or article may hold."""

    max_file: int = MAX_FILE_SIZE
    max_article: int = MAX_ARTICLE_SIZE

    def file_exceeded(self) -> str:
        """The message for a file past its limit."""
        return f"larger than the {FILE_OPTION} limit ({size_text(self.max_file)}); raise it with {FILE_OPTION}"

    def article_exceeded(self, what: str = "the article") -> str:
        """The message for an article (or line) past its limit."""
        return f"{what} is larger than the {ARTICLE_OPTION} limit ({size_text(self.max_article)}); raise it with {ARTICLE_OPTION}"


def parse_size(text: str, option: str = "size") -> int:
    """Bytes from '67108864', '64MiB', '2GiB', '500MB' or '1.5G' (k/M/G/T are powers of 1000, KiB/MiB/GiB of 1024)."""
    match = SIZE.match(str(text))
    unit = match.group(2).lower() if match else ""
    if not match or unit not in UNITS:
        raise InputError(f"{option}: {text!r} is not a size (give bytes, or a number with a unit such as 64MiB, 2GiB, 500MB)")
    value = int(float(match.group(1)) * UNITS[unit])
    if value < 1:
        raise InputError(f"{option}: {text!r} is too small (at least 1 byte)")
    return value


def size_text(size: int) -> str:
    """A size as people write it: 1 GiB, 64 MiB, 1500 bytes."""
    for unit, scale in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    for unit, scale in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
