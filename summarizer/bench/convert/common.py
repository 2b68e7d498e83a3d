"""What every layout of the converter shares: warnings, hidden files, natural order."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DIGITS = re.compile(r"(\d+)")

Warn = Callable[[str], None]


def natural(name: str) -> tuple[Any, ...]:
    """A sort key that puts ``c2`` before ``c10``."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in DIGITS.split(name))


def default_warn(message: str) -> None:
    """Warnings go through Python's ``warnings`` unless the caller passes its own ``warn``."""
    import warnings

    warnings.warn(message, UserWarning, stacklevel=3)


def hidden(path: Path) -> bool:
    """Dot-files and editor leftovers, never data."""
    return path.name.startswith(".") or path.name.endswith("~")
