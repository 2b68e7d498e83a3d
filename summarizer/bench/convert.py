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
import html.entities
import io
import itertools
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from summarizer.errors import InputError, UsageError
from summarizer.ingest.folders import shown

LAYOUTS = ("duc", "multinews", "tree")
REFERENCE_FOLDERS = ("models", "model", "summaries", "summary", "references", "reference", "refs")
SEPARATOR = re.compile(r"story_separator_special_tag|\|\|\|\|\|")
NEWLINE_TOKEN = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
LEADING_DASH = re.compile(r"^[-–—]\s+")
MODEL_NAME = re.compile(r"(?P<stem>[A-Za-z]+\d+[A-Za-z]?(?:-[A-Za-z])?)\.[A-Za-z]\.\d+\.[A-Za-z0-9]+\.(?P<who>[A-Za-z0-9]+)")
CLUSTER_STEM = re.compile(r"([a-z]+\d+)[a-z]?(-[a-z])?")
SGML_START = re.compile(rb"\s*<DOC[\s>]", re.IGNORECASE)
PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
ENTITY = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?")
XML_ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"}
BARE_LESS_THAN = re.compile(r"<(?![A-Za-z/!?])")  # "x < y" in the text: no tag starts like that
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_TAGS = ("headline", "head", "hl", "title")
DATE_TAGS = ("date_time", "datetime", "date", "dd")
DOCNO_DATE = re.compile(r"(?:^|[A-Za-z_])((?:19|20)\d{6})(?:\.|$)")
DIGITS = re.compile(r"(\d+)")
SNIFF = 4096

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


def multinews_part(name: str) -> str:
    """'src' or 'tgt' when a file name is a Multi-News line file (train.src, test.tgt.cleaned, val.txt.src), else ''."""
    parts = name.lower().split(".")[1:]
    return next((part for part in parts if part in ("src", "tgt")), "")


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


# --- DUC / TAC ---------------------------------------------------------------------------------


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
    """True when the file starts (after white space) with a <DOC> tag."""
    try:
        with open(file, "rb") as stream:
            return SGML_START.match(stream.read(SNIFF)) is not None
    except OSError:
        return False


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


def read_legacy_text(file: Path) -> tuple[str, bool]:
    """A NIST file's text: UTF-8, else Windows-1252 (newswire of the 1990s; True when it fell back)."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read it ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), True


def model_summaries(folder: Path, warn: Warn) -> dict[str, list[tuple[str, str]]]:
    """Human summaries under ``folder`` by cluster stem: [(assessor, text)], sorted by file name."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    systems = unnamed = legacy = 0
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
            text, fell_back = read_legacy_text(file)
            legacy += fell_back
            summary = summary_text(text)
            key = cluster_key(match.group("stem"))
            if summary and summary not in (known for _, known in found[key]):
                found[key].append((match.group("who"), summary))
    if systems:
        warn(f"{shown(folder)}: left out {systems} system summaries (peer ids that are numbers)")
    if unnamed:
        warn(f"{shown(folder)}: ignored {unnamed} files not named like model summaries (D30001.M.100.T.A, D0901-A.M.100.A.A)")
    if legacy:
        warn(f"{shown(folder)}: read {legacy} summaries that are not UTF-8 as Windows-1252")
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


def entity(match: re.Match[str]) -> str:
    """An entity reference made safe for an XML parser: HTML names become their characters, stray '&' a literal."""
    body = match.group(1)
    if body is None:
        return "&amp;"
    if body.startswith("#") or body in XML_ENTITIES:
        return match.group(0)
    character = html.entities.html5.get(body) or html.entities.html5.get(body.lower())
    if character is None:
        return "&amp;" + body
    return character.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_sgml(text: str) -> Any:
    """The element tree of SGML-ish newswire (unclosed tags, HTML entities), tags lower-cased, under one <root>."""
    from lxml import etree

    body = BARE_LESS_THAN.sub("&lt;", ENTITY.sub(entity, CONTROL.sub("", PROLOGUE.sub("", text, count=1))))
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    root = etree.fromstring(f"<root>{body}</root>".encode(), parser)
    if root is None:
        return None
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.lower()
    return root


def flat(element: Any) -> str:
    """An element's text with white space collapsed."""
    return " ".join(" ".join(element.itertext()).split())


def sgml_documents(file: Path, warn: Warn) -> list[dict[str, Any]]:
    """The <DOC>s of one file as bench documents: DOCNO as id, headline as title, ISO date when one is given."""
    text, fell_back = read_legacy_text(file)
    if fell_back:
        warn(f"{shown(file)}: not UTF-8; read as Windows-1252")
    root = parse_sgml(text)
    documents = []
    for doc in root.iter("doc") if root is not None else ():
        body = doc_text(doc)
        if not body:
            warn(f"{shown(file)}: a <DOC> with no <TEXT>; left out")
            continue
        number = first_text(doc, ("docno",)) or str(doc.get("id") or "").strip() or file.name
        document = {"id": number, "title": first_text(doc, TITLE_TAGS)}
        date = doc_date(doc, number)
        if date:
            document["date"] = date
        document["text"] = body
        documents.append(document)
    return documents


def first_text(doc: Any, tags: tuple[str, ...]) -> str:
    """The first non-empty text among ``tags``, in the order given."""
    for tag in tags:
        for element in doc.iter(tag):
            value = flat(element)
            if value:
                return value
    return ""


def doc_date(doc: Any, number: str) -> str:
    """YYYY-MM-DD from DATE_TIME/DATETIME/DATE/DD (US month-first, as NIST's newswire), else from an AQUAINT DOCNO."""
    from summarizer.dates import iso_date

    for tag in DATE_TAGS:
        for element in doc.iter(tag):
            value = flat(element)
            for candidate in (value, ",".join(value.split(",")[:2])):
                day = iso_date(candidate, "monthfirst") if candidate else ""
                if day:
                    return day
    match = DOCNO_DATE.search(number)
    return iso_date(match.group(1)) if match else ""


def doc_text(doc: Any) -> str:
    """The <TEXT> of a <DOC>, paragraphs apart by a blank line.

    With <P> elements, they are the paragraphs (unclosed ones too: each start
    and end tag is a break). Without, a blank line or an indented line starts a
    paragraph, as in AP's and APW's wire copy; other lines continue it.
    """
    parts: list[str] = []
    has_paragraphs = False
    for element in doc.iter("text"):
        has_paragraphs = has_paragraphs or any(True for _ in element.iter("p"))
        parts.append("\n\n")
        flatten(element, parts)
    blocks = re.split(r"\n[ \t]*\n", "".join(parts))
    paragraphs: list[str] = []
    for block in blocks:
        current: list[str] = []
        for line in block.split("\n"):
            if not has_paragraphs and line[:1] in (" ", "\t") and current:
                paragraphs.append(" ".join(current))
                current = []
            words = " ".join(line.split())
            if words:
                current.append(words)
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def flatten(element: Any, parts: list[str]) -> None:
    """Append the text under ``element``, with a blank line at every <P> boundary."""
    paragraph = element.tag == "p"
    if paragraph:
        parts.append("\n\n")
    parts.append(element.text or "")
    for child in element:
        flatten(child, parts)
        parts.append(child.tail or "")
    if paragraph:
        parts.append("\n\n")


# --- Multi-News ----------------------------------------------------------------------------------


def multinews_pairs(path: Path, references: Path | None) -> list[tuple[str, Path, Path]]:
    """(prefix, .src, .tgt) for one pair (``path`` is a line file) or every pair in a folder, sorted by prefix."""
    if path.is_file():
        source = path if multinews_part(path.name) == "src" else partner(path, "src")
        target = references or partner(source, "tgt")
        return [(source.name.split(".")[0], source, target)]
    if not path.is_dir():
        raise InputError(f"{shown(path)}: no such file or folder")
    files = sorted((file for file in path.iterdir() if file.is_file() and not hidden(file)), key=lambda file: natural(file.name))
    sources = [file for file in files if multinews_part(file.name) == "src"]
    targets = [file for file in files if multinews_part(file.name) == "tgt"]
    if references is not None:
        raise InputError(f"{shown(references)}: give the .src file (not a folder) with its .tgt as the references")
    if not sources:
        raise InputError(f"{shown(path)}: holds no Multi-News .src file")
    pairs = [(source.name.split(".")[0], source, partner(source, "tgt")) for source in sources]
    orphans = [target for target in targets if target not in {tgt for _, _, tgt in pairs}]
    if orphans:
        raise InputError(f"{shown(orphans[0])}: has no .src partner")
    prefixes = [prefix for prefix, _, _ in pairs]
    if len(set(prefixes)) != len(prefixes):
        raise InputError(f"{shown(path)}: two .src files share the prefix of their ids ({', '.join(prefixes)}); convert them one at a time")
    return pairs


def partner(file: Path, part: str) -> Path:
    """The other file of a Multi-News pair: the same name with src and tgt swapped."""
    other = "tgt" if part == "src" else "src"
    names = file.name.split(".")
    swapped = [(part if piece.lower() == other else piece) for piece in names]
    twin = file.with_name(".".join(swapped))
    if twin == file or not twin.is_file():
        raise InputError(f"{shown(file)}: its partner {shown(twin.name)} is missing")
    return twin


@contextmanager
def line_file(file: Path) -> Iterator[IO[str]]:
    """A line file as text (gzip looked through), lines split at '\\n' only, so src and tgt stay in step."""
    from summarizer.ingest.streams import open_bytes

    try:
        with open_bytes(file) as stream:
            yield io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read it ({error.strerror or error})") from None


def multinews_text(raw: str) -> str:
    """One story or summary: NEWLINE_CHAR back to newlines, runs of spaces collapsed, at most one blank line."""
    lines = (" ".join(line.split()) for line in NEWLINE_TOKEN.sub("\n", raw).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def multinews_records(pairs: list[tuple[str, Path, Path]], warn: Warn) -> Iterator[dict[str, Any]]:
    """Cluster PREFIX-i from line i of each pair; a line with no story or an empty summary is skipped."""
    seen = skipped = 0
    for prefix, source, target in pairs:
        with line_file(source) as sources, line_file(target) as targets:
            for number in itertools.count():
                try:
                    story_line, summary_line = sources.readline(), targets.readline()
                except UnicodeDecodeError as error:
                    raise InputError(f"{shown(source)} / {shown(target)}: line {number + 1}: not UTF-8 ({error.reason})") from None
                if not story_line and not summary_line:
                    break
                if not story_line or not summary_line:
                    longer, shorter = (source, target) if story_line else (target, source)
                    raise InputError(f"{shown(longer)}: has more lines than {shown(shorter)} ({number} there); they must pair line by line")
                seen += 1
                cluster = f"{prefix}-{number}"
                stories = [text for text in (multinews_text(piece) for piece in SEPARATOR.split(story_line)) if text]
                summary = LEADING_DASH.sub("", multinews_text(summary_line))
                if not stories or not summary:
                    skipped += 1
                    problem = f"{shown(target)}:{number + 1}: an empty summary" if stories else f"{shown(source)}:{number + 1}: no story"
                    warn(f"{problem}; cluster {cluster} skipped")
                    continue
                yield {
                    "id": cluster,
                    "documents": [{"id": f"{cluster}.{index}", "title": "", "text": story} for index, story in enumerate(stories, 1)],
                    "references": [summary],
                    "meta": {"convention": "multinews"},
                }
    if skipped:
        warn(f"skipped {skipped} of {seen} clusters")
    if seen == skipped:
        raise InputError(f"{shown(pairs[0][1])}: holds no cluster with both stories and a summary")


# --- plain tree ----------------------------------------------------------------------------------


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
