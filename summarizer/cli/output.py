"""Write command output: stdout, or a file written atomically that never clobbers without --force."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from summarizer.errors import InputError


def file_identity(path: Path) -> tuple[int, int] | None:
    """The (device, inode) of the file ``path`` leads to (symlinks followed), or None where there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def input_identities(inputs: Sequence[str]) -> set[tuple[int, int]]:
    """The (device, inode) of every file the inputs name or hold, however reached: folders, symlinks, ``..``, hard links."""
    found: set[tuple[int, int]] = set()
    for given in inputs:
        if given == "-":
            continue
        path = Path(given)
        if path.is_dir():
            from summarizer.ingest.folders import walk  # the reader's own walk: hidden files skipped, symlink loops stopped

            found.update(identity for entry, _ in walk(path) if (identity := file_identity(entry)))
        elif identity := file_identity(path):
            found.add(identity)
    return found


def check_target(target: Path, inputs: Sequence[str], force: bool) -> None:
    """Refuse to write over an input (even with ``force``), a folder, or an existing file unless ``force``."""
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    identity = file_identity(target)
    if identity is None:
        return
    if identity in input_identities(inputs):
        raise InputError(f"{target}: is one of the inputs (or inside an input folder); choose another output file")
    if not force:
        raise InputError(f"{target}: already exists; use --force to overwrite it")


def new_file_mode(target: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else what the umask allows (as open() does)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to a temporary file beside ``target``, then rename it into place.

    The file gets the permissions a plain write would give it (mkstemp's
    are 0600 whatever the umask).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        os.fchmod(handle, new_file_mode(target))
        with os.fdopen(handle, "wb") as stream:
            stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def emit(text: str, target: Path | None) -> None:
    """Print ``text``, or write it to ``target``."""
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(target, text)
