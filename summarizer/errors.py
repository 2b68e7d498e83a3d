"""Errors the user can act on: the CLI prints them as one line and exits non-zero."""


class SummarizerError(Exception):
    """Base class for errors shown to the user as a single line."""

    exit_code = 1


class InputError(SummarizerError):
    """The input cannot be read: missing path, empty folder, malformed record..."""

    exit_code = 2


class ModelError(SummarizerError):
    """The embedding model cannot be found or loaded."""

    exit_code = 3


class CacheError(SummarizerError):
    """The on-disk embedding cache cannot be used."""

    exit_code = 4
