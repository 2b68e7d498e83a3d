"""Write command output: stdout, or a file written atomically that never clobbers without --force."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.errors import InputError
from summarizer.files import writable_folder, write_atomic


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


def input_folder_holding(target: Path, inputs: Sequence[str]) -> str:
    """The input folder that ``target`` would be written into (symlinks and ``..`` resolved), or ''."""
    place = target.resolve()
    for given in inputs:
        if given != "-" and Path(given).is_dir() and Path(given).resolve() in place.parents:
            return given
    return ""


def check_target(target: Path, inputs: Sequence[str], force: bool) -> None:
    """Refuse to write over an input (even with ``force``), a folder, or an existing file unless ``force``."""
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    if reason := writable_folder(target):
        raise InputError(f"{target}: {reason}; write it elsewhere")
    if folder := input_folder_holding(target, inputs):
        raise InputError(f"{target}: is inside the input folder {folder}, where it would be read as an article next time; write it elsewhere")
    identity = file_identity(target)
    if identity is None:
        return
    if not target.is_file():
        raise InputError(f"{target}: is not a regular file (a device, a pipe...); leave out -o to write to stdout")
    if identity in input_identities(inputs):
        raise InputError(f"{target}: is one of the inputs (or inside an input folder); choose another output file")
    if not force:
        raise InputError(f"{target}: already exists; use --force to overwrite it")


def emit(text: str, target: Path | None) -> None:
    """Print ``text``, or write it to ``target``."""
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(target, text)
