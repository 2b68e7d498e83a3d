"""Errors the user can act on: the CLI prints them as one line and exits non-zero."""

from typing import Any


class SummarizerError(Exception):
    """Base class for errors shown to the user as a single line."""

    exit_code = 1


class InputError(SummarizerError):
    """The input cannot be read: missing path, empty folder, malformed record..."""

    exit_code = 2


class ModelError(SummarizerError):
    """A model (the embedding model, or the story model) cannot be found or loaded."""

    exit_code = 3


class CacheWarning(RuntimeWarning):
    """The on-disk embedding cache cannot be used: the run goes on without it (the CLI prints one line)."""


class UsageError(SummarizerError):
    """An option has a value the command does not know (an unknown --device, --precision...)."""

    exit_code = 2


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the command stops, says what it finished, and exits 128 + the signal number.

    A BaseException, like KeyboardInterrupt, so no ``except Exception`` swallows
    it; unlike KeyboardInterrupt, click does not turn it into a silent abort.
    """

    def __init__(self, signal_number: int, detail: str = "stopped before it finished; any file it was writing is left as it was") -> None:
        super().__init__(signal_number, detail)
        self.signal_number = signal_number
        self.detail = detail

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as shells report a process ended by that signal (130, 143)."""
        return 128 + self.signal_number

    @property
    def signal_name(self) -> str:
        """SIGINT, SIGTERM..."""
        import signal

        try:
            return signal.Signals(self.signal_number).name
        except ValueError:
            return f"signal {self.signal_number}"


def show_own_warnings() -> None:
    """Print the tool's own warnings (a cache that cannot be used) as one ``summarizer: warning:`` line on stderr, and
    every other warning as Python does: for the command line and the batch workers it starts."""
    import sys
    import warnings

    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: str | None = None) -> None:
        if issubclass(category, CacheWarning):
            print(f"summarizer: warning: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show
