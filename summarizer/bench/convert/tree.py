"""A plain folder tree: CLUSTER/docs/*.txt and CLUSTER/refs/*.txt, UTF-8, one file a document or a reference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.bench.convert.common import Warn, hidden, natural
from summarizer.errors import InputError
from summarizer.ingest.folders import shown


def is_tree_cluster(folder: Path) -> bool:
    """True for a folder with both docs/ and refs/ in it."""
    return (folder / "docs").is_dir() and (folder / "refs").is_dir()


def tree_records(root: Path, warn: Warn) -> Iterator[dict[str, Any]]:
    """ROOT/CLUSTER/docs/*.txt with ROOT/CLUSTER/refs/*.txt (or ROOT/docs with ROOT/refs: one cluster)."""
    if not root.is_dir():
        raise InputError(f"{shown(root)}: the tree layout is a folder")
    if (root / "docs").is_dir():
        clusters = [root]
    else:
        folders = (child for child in root.iterdir() if child.is_dir() and not hidden(child) and (child / "docs").is_dir())
        clusters = sorted(folders, key=lambda folder: natural(folder.name))
    if not clusters:
        raise InputError(f"{shown(root)}: holds no CLUSTER/docs/ folder")
    return tree_clusters(clusters, warn)


def txt_files(folder: Path) -> list[Path]:
    """The .txt files of a folder, in natural order (none when the folder is missing)."""
    if not folder.is_dir():
        return []
    return sorted((file for file in folder.iterdir() if file.is_file() and not hidden(file) and file.suffix.lower() == ".txt"), key=lambda f: natural(f.name))


def read_utf8(file: Path) -> str:
    """A file's text as UTF-8 (a BOM dropped, CRLF to LF, stripped); anything else is a one-line InputError."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read it ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{shown(file)}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def tree_clusters(clusters: list[Path], warn: Warn) -> Iterator[dict[str, Any]]:
    """One record per cluster folder; one with no document text or no reference is skipped."""
    skipped = 0
    for folder in clusters:
        documents = [{"id": file.stem, "title": "", "text": text} for file in txt_files(folder / "docs") if (text := read_utf8(file))]
        references = [text for file in txt_files(folder / "refs") if (text := read_utf8(file))]
        if not documents or not references:
            skipped += 1
            warn(f"{shown(folder)}: {'no reference in refs/' if documents else 'no document in docs/'}; cluster {folder.name} skipped")
            continue
        yield {"id": folder.name, "documents": documents, "references": references}
    if skipped:
        warn(f"skipped {skipped} of {len(clusters)} clusters")
    if skipped == len(clusters):
        raise InputError(f"{shown(clusters[0].parent if len(clusters) > 1 else clusters[0])}: no cluster has both documents and references")
