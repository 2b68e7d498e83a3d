"""Walk a folder for articles: every file that is not read is named with why, and symlink loops end.

Hidden files and folders (names starting with '.') are skipped without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from summarizer.types import Skipped

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
CSV_SUFFIXES = (".csv",)
TSV_SUFFIXES = (".tsv", ".tab")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
WARC_SUFFIXES = (".warc", ".arc")
KINDS = (
    ("text", TEXT_SUFFIXES),
    ("html", HTML_SUFFIXES),
    ("json", JSON_SUFFIXES),
    ("jsonl", JSONL_SUFFIXES),
    ("feed", FEED_SUFFIXES),
    ("csv", CSV_SUFFIXES),
    ("tsv", TSV_SUFFIXES),
    ("pdf", PDF_SUFFIXES),
    ("docx", DOCX_SUFFIXES),
    ("warc", WARC_SUFFIXES),
)
SUPPORTED = tuple(suffix for _, suffixes in KINDS for suffix in suffixes)
SAVE_AS_TEXT = "save it as .txt, .html or .docx first"
HINTS = {
    ".doc": f".doc: {SAVE_AS_TEXT}",
    ".odt": f".odt: {SAVE_AS_TEXT}",
    ".rtf": f".rtf: {SAVE_AS_TEXT}",
    ".pages": f".pages: {SAVE_AS_TEXT}",
    ".epub": f".epub: {SAVE_AS_TEXT}",
    ".mht": f".mht: {SAVE_AS_TEXT}",
    ".zip": "an archive: unpack it first",
    ".tar": "an archive: unpack it first",
    ".tgz": "an archive: unpack it first",
    ".7z": "an archive: unpack it first",
    ".bz2": "bzip2-compressed: decompress it first (bunzip2)",
    ".xz": "xz-compressed: decompress it first (unxz)",
    ".zst": "zstd-compressed: decompress it first (unzstd)",
}
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff")


def shown(path: str | Path) -> str:
    """A path as it can be printed on one line: undecodable bytes and unprintable characters (C0, C1, bidi overrides) escaped."""
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def kind_of(file: Path) -> str:
    """The reader for a file, by suffix (a trailing .gz is looked through), or ''."""
    name = file.name.lower().removesuffix(".gz")
    for kind, suffixes in KINDS:
        if name.endswith(suffixes):
            return kind
    return ""


def unsupported(file: Path) -> str:
    """Why a file found in a folder is not read, with what to do about it."""
    suffix = Path(file.name.lower().removesuffix(".gz")).suffix
    if suffix in HINTS:
        return HINTS[suffix]
    if suffix in IMAGES:
        return f"{suffix}: an image, not text"
    if not suffix:
        return "unknown kind (no suffix): rename it .txt if it is text"
    return f"unknown kind ({suffix}): rename it .txt if it is text"


def special_kind(mode: int) -> str:
    """What a non-regular file is: a FIFO, a socket, a device."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def missing_reason(path: Path) -> str:
    """Why a path that cannot be stat'ed is not read: a broken symlink, a loop, or a system error."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symlink loop"
        if path.is_symlink():
            return "a broken symlink (its target does not exist)"
        if error.errno == errno.ENOENT:
            return "no such file or folder"
        return f"cannot read it ({error.strerror or error})"
    return ""


def walk(folder: Path) -> list[tuple[Path, str]]:
    """(path, reason) for every non-hidden entry below ``folder``, sorted by path; reason '' means read it.

    Symlinks are followed; a folder reached twice (a symlink loop, or two links
    to one folder) is named once and not read again.
    """
    found: list[tuple[Path, str]] = []
    seen = {identity(folder)}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                names = sorted(entry.name for entry in listing)  # name order, whatever order the system lists them in
        except OSError as error:
            found.append((current, f"cannot read the folder ({error.strerror or error})"))
            continue
        subfolders = []
        for name in names:
            if name.startswith("."):
                continue
            path = current / name
            reason, is_folder = entry_reason(path, seen)
            if is_folder:
                subfolders.append(path)
            else:
                found.append((path, reason))
        pending.extend(reversed(subfolders))  # the first by name is walked first
    return sorted(found, key=lambda item: item[0].relative_to(folder).parts)


def entry_reason(path: Path, seen: set[tuple[int, int]]) -> tuple[str, bool]:
    """(why not to read ``path``, or '', and whether it is a folder to walk into)."""
    try:
        info = path.stat()
    except OSError:
        return missing_reason(path) or "cannot read it", False
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return "a folder already read (a symlink loop, or a second link to it): skipped", False
        seen.add(key)
        return "", True
    if not stat.S_ISREG(info.st_mode):
        return f"{special_kind(info.st_mode)}, not a file of articles", False
    return ("" if kind_of(path) else unsupported(path)), False


def identity(path: Path) -> tuple[int, int]:
    """(device, inode) of what ``path`` leads to, to recognise one file or folder reached twice."""
    info = path.stat()
    return info.st_dev, info.st_ino


def as_skipped(path: Path, reason: str) -> Skipped:
    """A Skipped entry with a printable path."""
    return Skipped(shown(path), reason)
