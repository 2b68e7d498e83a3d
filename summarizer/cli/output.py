"""Write command output: stdout, or a file written atomically that never clobbers without --force."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from summarizer.errors import InputError


def check_target(target: Path, inputs: Sequence[str], force: bool) -> None:
    """Refuse to overwrite an input, or an existing file unless ``force``."""
    resolved = target.resolve()
    for given in inputs:
        if given != "-" and Path(given).resolve() == resolved:
            raise InputError(f"{target}: is one of the inputs; choose another output file")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    if target.exists() and not force:
        raise InputError(f"{target}: already exists; use --force to overwrite it")


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to a temporary file beside ``target``, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
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
