"""Datasets as researchers have them, turned into the bench's JSONL (one cluster a line).

Three layouts:

``duc``
    NIST's DUC/TAC distribution: a folder per cluster of SGML newswire files
    (``docs/d30001t/APW20250316.0240``; TAC's ``D0901A/D0901A-A/...`` too), and a
    folder of model (human) summaries named ``D30001.M.100.T.A`` (DUC 2003-2007)
    or ``D0901-A.M.100.A.A`` (TAC), matched to the cluster folders by id stem,
    case-insensitively (``d30001t`` <-> ``D30001``, ``D0901A-A`` <-> ``D0901-A``).
    Summaries whose last name part is a number are system (peer) outputs and
    are left out. Records carry ``meta.convention = "duc"``.
``multinews``
    Multi-News' line files: line i of ``PREFIX.src`` (also ``PREFIX.src.cleaned``,
    ``PREFIX.txt.src``) holds the documents of cluster ``PREFIX-i``, split by
    ``story_separator_special_tag`` (``|||||`` in the raw release), with
    ``NEWLINE_CHAR`` for newlines; line i of the ``.tgt`` partner is its summary.
    Records carry ``meta.convention = "multinews"``.
``tree``
    A plain folder tree: ``ROOT/CLUSTER/docs/*.txt`` and ``ROOT/CLUSTER/refs/*.txt``
    (or ``ROOT/docs`` + ``ROOT/refs`` for a single cluster), UTF-8; each file is
    one document or one reference, whole. No convention is implied.

Every problem that stops the conversion is a one-line InputError naming the
path; clusters that cannot be used (no documents, no reference) are skipped
with a warning, and counted.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, get_args

from summarizer.bench.convert.common import Warn, default_warn, hidden, natural
from summarizer.bench.convert.duc import duc_records, sgml_files
from summarizer.bench.convert.multinews import multinews_pairs, multinews_part, multinews_records
from summarizer.bench.convert.tree import is_tree_cluster, tree_records
from summarizer.errors import InputError, UsageError
from summarizer.ingest.folders import shown

Layout = Literal["duc", "multinews", "tree"]  # the command line offers exactly these
LAYOUTS: tuple[str, ...] = get_args(Layout)


def detect_layout(path: Path) -> str:
    """Which layout ``path`` is in: 'duc', 'multinews' or 'tree'; an InputError when it is none of them."""
    if path.is_file():
        if multinews_part(path.name):
            return "multinews"
        raise InputError(f"{shown(path)}: not a dataset folder, nor a Multi-News .src/.tgt file")
    if not path.is_dir():
        raise InputError(f"{shown(path)}: no such file or folder")
    try:
        children = sorted((child for child in path.iterdir() if not hidden(child)), key=lambda child: natural(child.name))
    except OSError as error:
        raise InputError(f"{shown(path)}: cannot read the folder ({error.strerror})") from None
    if not children:
        raise InputError(f"{shown(path)}: is empty")
    if any(child.is_file() and multinews_part(child.name) for child in children):
        return "multinews"
    if is_tree_cluster(path) or any(is_tree_cluster(child) for child in children if child.is_dir()):
        return "tree"
    if any(True for _ in sgml_files(path, skip=())):
        return "duc"
    raise InputError(
        f"{shown(path)}: matches no dataset layout (DUC/TAC folders of SGML <DOC> files, Multi-News .src/.tgt files, "
        "or CLUSTER/docs/*.txt with CLUSTER/refs/*.txt)"
    )


def convert(path: Path, layout: str | None = None, references: Path | None = None, warn: Warn | None = None) -> Iterator[dict[str, Any]]:
    """The clusters under ``path`` as bench records, sorted by cluster id (Multi-News: by split, then line).

    ``layout`` is detected when None. ``references`` is the DUC/TAC model-summary
    folder (found as a ``models``/``summaries``/``references`` folder inside
    ``path`` or beside it when None), or the Multi-News ``.tgt`` file when
    ``path`` is the ``.src`` file. The layout is checked and the files are
    found now (errors before any output); the records are read as iterated.
    ``warn`` gets one line per skipped cluster or ignored file.
    """
    warn = warn or default_warn
    if layout is not None and layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    if not path.exists():
        raise InputError(f"{shown(path)}: no such file or folder")
    chosen = layout or detect_layout(path)
    if chosen == "duc":
        return duc_records(path, references, warn)
    if chosen == "multinews":
        return multinews_records(multinews_pairs(path, references), warn)
    if references is not None:
        raise InputError(f"{shown(references)}: a separate reference folder is for the DUC/TAC layout; a tree keeps them in CLUSTER/refs/")
    return tree_records(path, warn)


def write_jsonl(records: Iterable[dict[str, Any]], out: Path) -> int:
    """Write ``records`` as UTF-8 JSON lines to ``out`` (gzip when it ends in .gz); the number written.

    The file appears whole or not at all: lines go to a temporary beside it,
    renamed into place once every record is written, so an error part-way
    leaves any earlier file as it was.
    """
    if out.is_dir():
        raise InputError(f"{shown(out)}: is a folder; give a file name")
    from summarizer.files import atomic_file

    count = 0
    with atomic_file(out) as raw:
        stream: IO[bytes] | gzip.GzipFile = raw
        if out.name.lower().endswith(".gz"):
            stream = gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0)
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
        if stream is not raw:
            stream.close()
    return count
