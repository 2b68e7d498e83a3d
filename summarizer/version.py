"""The package's version, read from its installed metadata: ``pyproject.toml`` is the one place it is written."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    """The installed version of summarizer (``0+unknown`` when run from a checkout that was never installed)."""
    try:
        return version("summarizer")
    except PackageNotFoundError:
        return "0+unknown"


VERSION = package_version()
