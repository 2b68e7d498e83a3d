"""NIST's DUC/TAC layout: cluster folders of SGML newswire, and a folder of model summaries matched by id stem."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.bench.convert.common import Warn, hidden, natural
from summarizer.bench.convert.sgml import parse_sgml, read_nist_text, sgml_documents
from summarizer.errors import InputError
from summarizer.ingest.decoding import bom_of, codec_for
from summarizer.ingest.folders import shown

REFERENCE_FOLDERS = ("models", "model", "summaries", "summary", "references", "reference", "refs")
MODEL_NAME = re.compile(r"(?P<stem>[A-Za-z]+\d+[A-Za-z]?(?:-[A-Za-z])?)\.[A-Za-z]\.\d+\.[A-Za-z0-9]+\.(?P<who>[A-Za-z0-9]+)")
CLUSTER_STEM = re.compile(r"([a-z]+\d+)[a-z]?(-[a-z])?")
SGML_START = re.compile(r"\s*<DOC[\s>]", re.IGNORECASE)
SNIFF = 4096


def sgml_files(root: Path, skip: tuple[Path, ...]) -> Iterator[Path]:
    """Files under ``root`` (outside ``skip``) that start like an SGML newswire document, in natural order."""
    for folder, names, files in os.walk(root):
        here = Path(folder)
        names[:] = sorted((name for name in names if not hidden(here / name) and (here / name).resolve() not in skip), key=natural)
        for name in sorted(files, key=natural):
            file = here / name
            if not hidden(file) and is_sgml(file):
                yield file


def is_sgml(file: Path) -> bool:
    """True when the file starts (after a byte-order mark and white space) with a <DOC> tag."""
    try:
        with open(file, "rb") as stream:
            head = stream.read(SNIFF)
    except OSError:
        return False
    encoding, _ = bom_of(head)
    text = head.decode(codec_for(encoding, True), errors="ignore") if encoding else head.decode("latin-1")
    return SGML_START.match(text) is not None


def cluster_key(name: str) -> str:
    """The id stem that model summaries use: d30001t -> d30001, D0901A-A -> d0901-a (else the name, lower-cased)."""
    lowered = name.lower()
    match = CLUSTER_STEM.fullmatch(lowered)
    return match.group(1) + (match.group(2) or "") if match else lowered


def reference_folder(path: Path, given: Path | None) -> Path:
    """The model-summary folder: ``given``, else one named models/summaries/references inside ``path`` or beside it."""
    if given is not None:
        if not given.is_dir():
            raise InputError(f"{shown(given)}: no such folder of model summaries")
        return given
    for place in (path, path.parent):
        try:
            folders = {child.name.lower(): child for child in place.iterdir() if child.is_dir()}
        except OSError:
            continue
        for name in REFERENCE_FOLDERS:
            if name in folders and folders[name].resolve() != path.resolve():
                return folders[name]
    raise InputError(
        f"{shown(path)}: no model-summary folder found (looked for {', '.join(REFERENCE_FOLDERS[:3])}... inside it and beside it); give it with --references"
    )


def model_summaries(folder: Path, warn: Warn) -> dict[str, list[tuple[str, str]]]:
    """Human summaries under ``folder`` by cluster stem: [(assessor, text)], sorted by file name."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    systems = unnamed = 0
    legacy: Counter[str] = Counter()  # summaries read in a legacy code page, by its name
    for here, names, files in os.walk(folder):
        names[:] = sorted((name for name in names if not name.startswith(".")), key=natural)
        for name in sorted(files, key=natural):
            file = Path(here) / name
            match = MODEL_NAME.fullmatch(name)
            if hidden(file):
                continue
            if match is None:
                unnamed += 1
                continue
            if match.group("who").isdigit():
                systems += 1
                continue
            try:
                text, encoding = read_nist_text(file)
            except InputError as error:
                warn(f"{error}; left out")
                continue
            if not encoding.startswith("utf"):
                legacy[encoding] += 1
            summary = summary_text(text)
            key = cluster_key(match.group("stem"))
            if summary and summary not in (known for _, known in found[key]):
                found[key].append((match.group("who"), summary))
    if systems:
        warn(f"{shown(folder)}: left out {systems} system summaries (peer ids that are numbers)")
    if unnamed:
        warn(f"{shown(folder)}: ignored {unnamed} files not named like model summaries (D30001.M.100.T.A, D0901-A.M.100.A.A)")
    if legacy:
        counts = ", ".join(f"{count} as {name}" for name, count in sorted(legacy.items()))
        warn(f"{shown(folder)}: {sum(legacy.values())} summaries are not UTF-8; read {counts}")
    return found


def summary_text(text: str) -> str:
    """A model summary's text: its lines, stripped (markup, when there is any, read as SGML)."""
    if text.lstrip().startswith("<"):
        root = parse_sgml(text)
        text = "".join(root.itertext()) if root is not None else ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def duc_records(path: Path, references: Path | None, warn: Warn) -> Iterator[dict[str, Any]]:
    """DUC/TAC clusters: the folders holding SGML documents, each with the model summaries of its stem."""
    if not path.is_dir():
        raise InputError(f"{shown(path)}: the DUC/TAC layout is a folder of document folders")
    models_folder = reference_folder(path, references)
    folders: dict[Path, list[Path]] = defaultdict(list)
    for file in sgml_files(path, skip=(models_folder.resolve(),)):
        folders[file.parent].append(file)
    if not folders:
        raise InputError(f"{shown(path)}: holds no SGML <DOC> files")
    by_name: dict[str, Path] = {}
    for folder in folders:
        if folder.name in by_name:
            raise InputError(f"{shown(folder)}: same cluster name as {shown(by_name[folder.name])}; convert them separately")
        by_name[folder.name] = folder
    summaries = model_summaries(models_folder, warn)
    keys = {cluster_key(name) for name in by_name}
    if not keys & summaries.keys():
        raise InputError(
            f"{shown(models_folder)}: no model summary matches a document folder of {shown(path)} "
            "(d30001t takes D30001.M.100.T.A; D0901A-A takes D0901-A.M.100.A.A)"
        )
    unmatched = sorted(summaries.keys() - keys, key=natural)
    if unmatched:
        warn(f"{shown(models_folder)}: model summaries for {len(unmatched)} clusters with no document folder ({', '.join(unmatched[:5])}...)")
    return duc_clusters(by_name, summaries, warn)


def duc_clusters(by_name: dict[str, Path], summaries: dict[str, list[tuple[str, str]]], warn: Warn) -> Iterator[dict[str, Any]]:
    """The records, one folder at a time, in natural order of the folder names."""
    skipped = 0
    for name in sorted(by_name, key=natural):
        folder = by_name[name]
        models = summaries.get(cluster_key(name), [])
        files = sorted((file for file in folder.iterdir() if is_sgml(file)), key=lambda file: natural(file.name))
        documents = [document for file in files for document in sgml_documents(file, warn)]
        if not models or not documents:
            skipped += 1
            warn(f"{shown(folder)}: {'no model summary' if documents else 'no document with text'}; cluster {name} skipped")
            continue
        yield {
            "id": name,
            "documents": documents,
            "references": [text for _, text in models],
            "meta": {"convention": "duc", "assessors": [who for who, _ in models]},
        }
    if skipped:
        warn(f"skipped {skipped} of {len(by_name)} clusters")
    if skipped == len(by_name):
        raise InputError(f"{shown(next(iter(by_name.values())).parent)}: no cluster has both documents and model summaries")
