"""The ``summarizer`` command: a Typer app; each command lives in its own module."""

from __future__ import annotations

import sys

import typer

from summarizer.cli.batch import batch
from summarizer.cli.bench import bench
from summarizer.cli.brief import brief
from summarizer.errors import SummarizerError

app = typer.Typer(
    name="summarizer",
    help="Multi-document news briefings: one verbatim, cited bullet per topic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich for it costs more than the rest of --help
)
app.command(help="Print a briefing of the articles in PATH... (folders, files, or - for stdin).")(brief)
app.command(help="Brief a news dump: one briefing per story per day (or week), on this machine or a Ray cluster.")(batch)
app.command(help="Score systems against human reference summaries (ROUGE), side by side with classic baselines.")(bench)


@app.callback()
def root() -> None:
    """Multi-document news briefings: one verbatim, cited bullet per topic."""


def main() -> None:
    """Console entry point: user errors become one line on stderr and a non-zero exit."""
    try:
        app(standalone_mode=False)
        leave_quickly()
    except SummarizerError as error:
        print(f"summarizer: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        sys.exit(130)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, EOFError):
        print("summarizer: aborted", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:  # the reader of our output went away (| head): nothing more to say
        sys.stderr.close()
        sys.exit(141)
    except OSError as error:  # unwritable folder, full disk...: the system's own words, one line
        where = f"{error.filename}: " if error.filename else ""
        print(f"summarizer: error: {where}{error.strerror or error}", file=sys.stderr)
        sys.exit(74)
    except typer.TyperException as error:  # usage errors (Typer's own click): one line, no traceback
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        print(f"summarizer: error: {' '.join(message.split())} (see --help)", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", 2))
    except Exception as error:  # anything unforeseen: one line, no traceback
        print(f"summarizer: internal error: {error.__class__.__name__}: {error} (please report it)", file=sys.stderr)
        sys.exit(70)


def leave_quickly() -> None:
    """After a command succeeded: flush the output and end the process without the interpreter's teardown.

    Tearing torch down takes about half a second, a sixth of a briefing's wall
    time. Every file is already written and closed (atomically) by now; the
    cache commits each write. Skipped when Ray is loaded, whose exit handler
    stops the local cluster it started.
    """
    if "torch" not in sys.modules or "ray" in sys.modules:
        return
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
