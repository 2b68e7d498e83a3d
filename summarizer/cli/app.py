"""The ``summarizer`` command: a Typer app; each command lives in its own module."""

from __future__ import annotations

import signal
import sys
from typing import Annotated, Any, Optional

import typer

from summarizer.cli.batch import batch
from summarizer.cli.bench import bench
from summarizer.cli.brief import brief
from summarizer.cli.convert import convert
from summarizer.errors import Interrupted, SummarizerError, show_own_warnings

app = typer.Typer(
    name="summarizer",
    help="Multi-document news briefings: one verbatim, cited bullet per topic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich for it costs more than the rest of --help
)
app.command(help="Print a briefing of the articles in PATH... (folders, files, or - for stdin).")(brief)
app.command(
    help="Brief a news dump: one briefing per story per day (or week), on this machine or a Ray cluster. Whether two articles are one "
    "story is decided for the pair alone by a small fitted model (headline and lead words, names, figures, days apart); "
    "SUMMARIZER_STORY_MODEL=FILE.json uses another one."
)(batch)
app.command(help="Score systems against human reference summaries (ROUGE), side by side with classic baselines; 'bench convert' reads datasets.")(bench)
app.command(name="bench-convert", hidden=True)(convert)  # reached as "bench convert" (see command_line)


def command_line(argv: list[str]) -> list[str]:
    """The arguments as Typer reads them: ``bench convert ...`` is the hidden ``bench-convert`` command."""
    if argv[:2] == ["bench", "convert"]:
        return ["bench-convert", *argv[2:]]
    return argv or ["--help"]


def show_version(asked: bool) -> None:
    """Print the version and stop (``--version``)."""
    if asked:
        from summarizer.version import VERSION

        typer.echo(f"summarizer {VERSION}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[Optional[bool], typer.Option("--version", help="Print the version and exit.", callback=show_version, is_eager=True)] = None,
) -> None:
    """Multi-document news briefings: one verbatim, cited bullet per topic."""


def interrupt(signal_number: int, frame: Any) -> None:
    """Signal handler: stop the command with Interrupted, which says what was finished."""
    raise Interrupted(signal_number)


def main() -> None:
    """Console entry point: user errors become one line on stderr and a non-zero exit."""
    show_own_warnings()
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        code = app(args=command_line(sys.argv[1:]), prog_name="summarizer", standalone_mode=False)
        if isinstance(code, int) and code:  # an exit code Typer returned instead of raising
            sys.exit(code)
        leave_quickly()
    except Interrupted as stop:
        print(f"summarizer: interrupted by {stop.signal_name}: {stop.detail}", file=sys.stderr)
        sys.exit(stop.exit_code)
    except SummarizerError as error:
        print(f"summarizer: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print(f"summarizer: interrupted by SIGINT: {Interrupted(signal.SIGINT).detail}", file=sys.stderr)
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
