"""What every benchmark does with its tables: name the commit, and rewrite its results file keeping the ``## Reading``."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path


def commit() -> str:
    """The short hash of HEAD ('' outside a git checkout)."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()


def write_results(path: Path, text: str) -> None:
    """Replace the generated part of a results file with ``text``, keeping its hand-written ``## Reading``."""
    reading = ""
    if path.is_file() and "## Reading" in path.read_text(encoding="utf-8"):
        reading = "\n## Reading" + path.read_text(encoding="utf-8").split("## Reading", 1)[1]
    path.write_text(text + reading, encoding="utf-8")


def publish(path: Path, heading: str, intro: str, sections: list[tuple[str, list[str]]], write: bool = True) -> str:
    """Assemble a results page (heading, intro line, then each section's title and table rows), print it,
    and write it to ``path`` (keeping its ``## Reading``) unless ``write`` is false."""
    lines = [f"# {heading}", "", intro, ""]
    for title, rows in sections:
        lines += ([f"### {title}", ""] if title else []) + rows + [""]
    text = "\n".join(lines)
    print(text)
    if write:
        write_results(path, text)
    return text


def wants_write(description: str) -> bool:
    """Parse the command line every table script takes (``--no-write``): True unless asked to print only."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    return not parser.parse_args().no_write
