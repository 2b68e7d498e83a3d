"""Write files atomically: a temporary beside the target, synced, then renamed into place.

A reader (or a run killed at any moment, SIGKILL included) sees the old file
or the new one, never a part of it. Temporaries are named ``.NAME.tmp-*`` so a
later run can find and remove what a killed one left behind.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

TEMPORARY_MARK = ".tmp-"
WRITE_PAUSE_VARIABLE = "SUMMARIZER_TEST_WRITE_PAUSE"  # tests only: seconds to pause halfway through each file written


def new_file_mode(target: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else what the umask allows (as open() does)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """A binary stream to ``.NAME.tmp-*`` beside ``target``: synced and renamed into place when the block ends,
    removed if it raises or is interrupted. The file gets the permissions a plain write would give it
    (mkstemp's are 0600 whatever the umask)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}{TEMPORARY_MARK}", dir=target.parent)
    except OSError as error:
        raise named(error, target) from None
    try:
        os.fchmod(handle, new_file_mode(target))
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise named(error, target) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def named(error: OSError, target: Path) -> OSError:
    """The same system error, naming the file the user asked for rather than its temporary (``.NAME.tmp-*``)."""
    return type(error)(error.errno, error.strerror or str(error), str(target))


def writable_folder(target: Path) -> str:
    """Why ``target`` cannot be written in its folder ('' when it can): checked before any work is done. The nearest
    existing folder must be writable (a read-only mount refuses even root)."""
    folder = target.parent if str(target.parent) else Path(".")
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    return "" if os.access(folder, os.W_OK | os.X_OK) else f"cannot write in {folder} (read-only, or no permission)"


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``target`` through ``atomic_file``."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_file(target) as stream:
        pause = float(os.environ.get(WRITE_PAUSE_VARIABLE) or 0)
        if pause:  # fault injection for the kill tests: half the file on disk, then a pause
            stream.write(data[: len(data) // 2])
            stream.flush()
            time.sleep(pause)
            data = data[len(data) // 2 :]
        stream.write(data)
