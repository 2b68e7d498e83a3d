"""Hostile and unusual input: encodings, bad files among good ones, wrong field types, broken gzip, size limits, odd folders.

Nothing here may end in a traceback or an "internal error": a bad input is a
named warning (and listed in ``skipped``) among good ones, a one-line error alone.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.batch.dump import read_dumps
from summarizer.bench.data import load_clusters
from summarizer.errors import InputError
from summarizer.ingest.decoding import decode_bytes
from summarizer.ingest.limits import Limits, parse_size
from summarizer.ingest.readers import read_inputs, read_path
from tests.conftest import ROOT, SEEDS, run_cli

BODY = "The minister said the plan would go ahead. Critics called it rushed and costly."
TITLE = "Café owners protest in Zürich"
MIB = 1024**2


def good(folder: Path) -> Path:
    """A readable article next to the hostile one."""
    path = folder / "good.txt"
    path.write_text(f"Good headline\n{BODY}\n", encoding="utf-8")
    return path


def gzipped(text: str) -> bytes:
    return gzip.compress(text.encode())


def bad_crc(record: object = None) -> bytes:
    data = bytearray(gzipped(json.dumps(record or {"text": BODY}) + "\n"))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    return bytes(data)


def bad_deflate() -> bytes:
    data = bytearray(gzipped(json.dumps({"text": BODY}) * 20))
    data[10:16] = b"\xff" * 6  # the start of the deflate stream
    return bytes(data)


def deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


# name, bytes, what the skip reason says
HOSTILE_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "the file is empty"),
    ("spaces.txt", b"  \n\t\r\n  ", "only whitespace"),
    ("bom.txt", b"\xef\xbb\xbf", "the file is empty"),
    ("bom16.txt", b"\xff\xfe", "the file is empty"),
    ("nul.txt", b"some text\x00\x01\x02 and more \x00" * 4, "not a text file"),
    ("fake.txt", b"%PDF-1.7 binary", "not a readable PDF"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    ("bad16.txt", b"\xff\xfeA\x00\x00\xdc", "not valid UTF-16"),
    ("deep.json", deep_json(), "nested too deeply"),
    ("string.json", b'"just a string"', "got a string"),
    ("number.json", b"42", "got a number"),
    ("null.json", b"null", "got null"),
    ("articles5.json", b'{"articles": 5}', "'articles' is a number, not a list"),
    ("emptylist.json", b"[]", "holds no articles"),
    ("broken.json", b'{"text": "unterminated', "not valid JSON"),
    ("bigint.json", b"9" * 5000, "not valid JSON"),
    ("nothing.jsonl", b"\n\n  \n", "holds no articles"),
    ("cut.jsonl.gz", gzipped(json.dumps({"text": BODY}) + "\n")[:25], "breaks off"),
    ("deflate.jsonl.gz", bad_deflate(), "corrupt"),
    ("cut.txt.gz", gzipped(BODY * 50)[:30], "breaks off"),
    ("crc.txt.gz", bytes(bytearray(gzipped(BODY))[:-8] + b"\0\0\0\0" + gzipped(BODY)[-4:]), "CRC check failed"),
]


@pytest.mark.parametrize(("name", "data", "reason"), HOSTILE_FILES, ids=[case[0] for case in HOSTILE_FILES])
def test_a_hostile_file_among_good_ones_is_skipped_and_named(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    good(tmp_path)
    bad = tmp_path / name
    bad.write_bytes(data)
    reading = read_inputs([str(tmp_path)])
    assert [a.title for a in reading.articles] == ["Good headline"]
    assert len(reading.skipped) == 1
    skipped = reading.skipped[0]
    assert skipped.path.startswith(str(bad)) and reason in skipped.reason and "\n" not in skipped.reason
    with pytest.raises(InputError) as alone:
        read_inputs([str(bad)])
    assert str(bad) in str(alone.value) and reason in str(alone.value) and "\n" not in str(alone.value)
    with pytest.raises(InputError, match="^" + str(bad)):
        read_inputs([str(tmp_path)], strict=True)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_json_and_jsonl_are_read_in_legacy_and_bom_encodings(tmp_path: Path, encoding: str) -> None:
    text = f"{TITLE}\n{BODY} Les “prix” à 5 € sont déjà trop élevés, sagt die Straße."
    body = text.split("\n", 1)[1]
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""  # with its BOM, as Windows tools write it
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    (tmp_path / "b.json").write_bytes(bom + json.dumps({"title": TITLE, "text": body}, ensure_ascii=False).encode(encoding))
    lines = "\r\n".join(json.dumps({"id": n, "title": TITLE, "text": body}, ensure_ascii=False) for n in range(2))
    (tmp_path / "c.jsonl").write_bytes(bom + lines.encode(encoding))
    reading = read_inputs([str(tmp_path)])
    assert not reading.skipped
    assert [a.title for a in reading.articles] == [TITLE] * 4
    assert all(a.text.strip() == body for a in reading.articles)
    expected = {"utf-8-sig": "utf-8", "utf-16-be": "utf-16"}.get(encoding, encoding)
    assert {a.encoding for a in reading.articles} == {expected}
    dump = read_dumps([str(tmp_path / "c.jsonl")])
    assert [a.encoding for a in dump.articles] == [expected] * 2 and dump.articles[0].title == TITLE and not dump.problems


def test_latin1_text_is_read_as_cp1252_and_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(f"{TITLE}\n{BODY} Très bien, déjà vu.".encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes(f"Wide headline\n{BODY}".encode("utf-16-le"))
    articles = read_inputs([str(tmp_path)]).articles
    assert [(a.title, a.encoding) for a in articles] == [(TITLE, "cp1252"), ("Wide headline", "utf-16-le")]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Prices rose \x96 sharply on Monday.\n", "Prices rose \u2013 sharply on Monday.\n"),
        (b"Pinochet arrested in London; Chile protests\x85\n", "Pinochet arrested in London; Chile protests\u2026\n"),
        (b"He said \x93yes\x94 and left.", "He said \u201cyes\u201d and left."),
    ],
)
def test_a_short_text_with_windows_punctuation_is_cp1252(data: bytes, text: str) -> None:
    assert decode_bytes(data) == (text, "cp1252")  # a detector alone named cp1125 and cp775 for these


def test_stdin_is_read_as_bytes_in_any_encoding_and_through_gzip() -> None:
    raw = json.dumps({"title": TITLE, "text": BODY}, ensure_ascii=False)
    assert read_inputs(["-"], stdin=io.BytesIO(raw.encode("utf-16"))).articles[0].encoding == "utf-16"
    assert read_inputs(["-"], stdin=io.BytesIO(gzip.compress(raw.encode()))).articles[0].title == TITLE
    with pytest.raises(InputError, match="<stdin>: the file is empty"):
        read_inputs(["-"], stdin=io.BytesIO(b""))
    with pytest.raises(InputError, match="--max-file-size"):
        read_inputs(["-"], stdin=io.BytesIO(b"x" * 5000), limits=Limits(max_file=1000))


WRONG_TYPES = [
    ({"text": 5}, "field 'text' is a number, not a string"),
    ({"text": ["a", "b"]}, "field 'text' is a list"),
    ({"text": {"p": BODY}}, "field 'text' is an object"),
    ({"text": True}, "field 'text' is a boolean"),
    ({"body": 3.5}, "field 'body' is a number"),
    ({"text": BODY, "title": ["x"]}, "field 'title' is a list"),
    ({"text": BODY, "url": 7}, "field 'url' is a number"),
    ({"text": BODY, "source": {"name": "Wire"}}, "field 'source' is an object"),
    ({"text": BODY, "date": ["2025-03-02"]}, "field 'date' is a list, not a string or a number"),
    ({"text": BODY, "published": False}, "field 'published' is a boolean"),
    ({"text": BODY, "id": 1.5}, "field 'id' is a number, not a string or an integer"),
    ({"text": BODY, "id": True}, "field 'id' is a boolean"),
    ({"text": BODY, "id": [1]}, "field 'id' is a list"),
]


@pytest.mark.parametrize(("record", "reason"), WRONG_TYPES, ids=[r for _, r in WRONG_TYPES])
def test_a_field_of_the_wrong_type_is_named_with_its_line(tmp_path: Path, record: dict[str, object], reason: str) -> None:
    fine = {"id": "ok", "text": BODY, "date": 1740902400, "title": "Fine"}
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps(fine) + "\n" + json.dumps(record) + "\n")
    reading = read_inputs([str(dump)])
    assert [a.ref for a in reading.articles] == ["ok"] and reading.articles[0].published == "1740902400"
    assert [s.path for s in reading.skipped] == [f"{dump}:2"] and reading.skipped[0].reason.startswith(reason)
    read = read_dumps([str(dump)])
    assert len(read.articles) == 1 and [p.line for p in read.problems] == [2] and read.problems[0].reason.startswith(reason)
    with pytest.raises(InputError, match=f"d.jsonl:2: {reason}"):
        read_dumps([str(dump)], strict=True)
    listed = tmp_path / "l.json"
    listed.write_text(json.dumps([fine, record]))
    assert [(s.path, s.reason[: len(reason)]) for s in read_inputs([str(listed)]).skipped] == [(f"{listed}: record 2", reason)]
    alone = tmp_path / "one.json"
    alone.write_text(json.dumps(record))
    with pytest.raises(InputError, match=f"one.json: {reason}"):
        read_inputs([str(alone)])


def test_integer_ids_and_epoch_dates_are_kept_as_text(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": 12, "text": BODY, "published": 1740902400.5}) + "\n")
    article = read_inputs([str(tmp_path / "d.jsonl")]).articles[0]
    assert (article.ref, article.published) == ("12", "1740902400.5")


def test_folder_names_every_file_it_does_not_read_with_a_hint(tmp_path: Path) -> None:
    good(tmp_path)
    for name in ("report.pdf", "letter.docx", "README", "photo.jpg", "data.csv", "old.doc", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(BODY)
    reasons = {Path(s.path).name: s.reason for s in read_inputs([str(tmp_path)]).skipped}
    assert reasons == {
        "report.pdf": "not a readable PDF (PdfStreamError)",
        "letter.docx": "not a readable DOCX (BadZipFile)",
        "README": "unknown kind (no suffix): rename it .txt if it is text",
        "photo.jpg": ".jpg: an image, not text",
        "data.csv": "no text column in the header (x); name one text, body, content, maintext, article, story, article_text, or pass --columns text=NAME",
        "old.doc": ".doc: save it as .txt, .html or .docx first",
    }
    readme = tmp_path / "README"
    readme.write_text(f"Readme headline\n{BODY}")
    assert read_inputs([str(readme)]).articles[0].title == "Readme headline"  # a file named directly is read as text


def test_symlink_loops_broken_links_fifos_and_repeats(tmp_path: Path) -> None:
    article = good(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "z-alias.txt").symlink_to(article)
    os.mkfifo(tmp_path / "pipe.txt")
    reading = read_inputs([str(tmp_path), str(article), str(tmp_path / "z-alias.txt")])
    assert [a.title for a in reading.articles] == ["Good headline"]
    reasons = {s.path.removeprefix(str(tmp_path) + "/"): s.reason for s in reading.skipped}
    assert "a folder already read" in reasons.pop("sub/up")
    assert reasons.pop("self.txt") == "a symlink loop"
    assert reasons.pop("dangling.txt").startswith("a broken symlink")
    assert reasons.pop("pipe.txt").startswith("a FIFO")
    assert reasons.pop("good.txt") == "named twice; read once"
    assert reasons.pop("z-alias.txt") == f"the same file as {article}; read once"  # found in the folder, then named
    assert not reasons


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    good(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY)
    locked.chmod(0)
    try:
        reading = read_inputs([str(tmp_path)])
    finally:
        locked.chmod(0o644)
    assert [s.path for s in reading.skipped] == [str(locked)] and "Permission denied" in reading.skipped[0].reason


def test_urls_missing_paths_and_nothing_left(tmp_path: Path) -> None:
    article = good(tmp_path)
    reading = read_inputs([str(article), "https://example.org/news/1", "www.example.org", str(tmp_path / "nope.txt")])
    assert [s.reason for s in reading.skipped] == ["URLs are not fetched; save the page and pass the file"] * 2 + ["no such file or folder"]
    with pytest.raises(InputError, match=r"^http://example\.org: URLs are not fetched; save the page and pass the file$"):
        read_inputs(["http://example.org"])
    with pytest.raises(InputError) as caught:
        read_inputs([str(tmp_path / "a.pdf"), str(tmp_path / "b.txt")])
    assert str(caught.value).startswith("no articles found in") and "2 inputs skipped" in str(caught.value)
    with pytest.raises(InputError, match="the folder holds no articles"):
        read_inputs([str(tmp_path / "empty")]) if (tmp_path / "empty").mkdir() is None else None


def test_line_endings_of_every_kind(tmp_path: Path) -> None:
    (tmp_path / "cr.txt").write_bytes(f"CR headline\r{BODY}\r\r{BODY}".encode())
    (tmp_path / "mixed.txt").write_bytes(f"Mixed headline\r\n{BODY}\n\r{BODY}\r".encode())
    records = [json.dumps({"id": str(n), "text": BODY}) for n in range(3)]
    (tmp_path / "cr.jsonl").write_bytes(("\r".join(records) + "\r").encode())
    reading = read_inputs([str(tmp_path)])
    assert not reading.skipped
    titles = [a.title for a in reading.articles]
    assert titles == ["", "", "", "CR headline", "Mixed headline"]
    assert all("\r" not in a.text for a in reading.articles)
    assert [a.ref for a in read_dumps([str(tmp_path / "cr.jsonl")]).articles] == ["0", "1", "2"]


def test_limits_refuse_long_lines_and_large_files_naming_the_option(tmp_path: Path) -> None:
    limits = Limits(max_file=64 * 1024, max_article=4096)
    long_line = json.dumps({"text": "word " * 2000})
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + long_line + "\n" + json.dumps({"text": BODY + " again"}) + "\n")
    reading = read_inputs([str(tmp_path / "d.jsonl")], limits=limits)
    assert len(reading.articles) == 2
    assert reading.skipped[0].path.endswith("d.jsonl:2") and "--max-article-size limit (4 KiB)" in reading.skipped[0].reason
    (tmp_path / "big.txt").write_text("Big\n" + "word " * 2000)
    (tmp_path / "big.json").write_text(json.dumps([{"text": "word " * 2000}, {"text": BODY}]))
    reasons = {Path(s.path).name: s.reason for s in read_inputs([str(tmp_path)], limits=limits).skipped}
    assert "--max-article-size" in reasons["big.txt"] and "--max-article-size" in reasons["big.json: record 1"]
    many = tmp_path / "many.jsonl.gz"
    many.write_bytes(gzip.compress((json.dumps({"text": BODY}) + "\n").encode() * 5000))
    read = read_dumps([str(many)], max_file_size=64 * 1024, max_article_size=4096)
    assert 0 < len(read.articles) < 5000 and len(read.problems) == 1
    assert "--max-file-size limit (64 KiB)" in read.problems[0].reason and "the rest of it was not read" in read.problems[0].reason


def test_batch_names_files_it_does_not_read_and_counts_broken_ones(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": BODY}) + "\n")
    (tmp_path / "crc.jsonl.gz").write_bytes(bad_crc())
    (tmp_path / "deflate.jsonl.gz").write_bytes(bad_deflate())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "story.txt").write_text(BODY)
    (tmp_path / "legacy.jsonl").write_bytes(json.dumps({"id": "l", "text": BODY + " Très déjà."}, ensure_ascii=False).encode("cp1252"))
    read = read_dumps([str(tmp_path), str(tmp_path / "a.jsonl")])
    problems = {(Path(p.file).name, p.line): p.reason for p in read.problems}
    assert "CRC check failed" in problems[("crc.jsonl.gz", 2)] and "corrupt" in problems[("deflate.jsonl.gz", 1)]
    assert problems[("notes.pdf", 0)].startswith("not a readable PDF") and ("story.txt", 0) not in problems  # a page is read too
    assert str(next(p for p in read.problems if p.line == 0)).count(":") >= 1 and ":0:" not in str(read.problems[-1])
    encodings = {a.ref.removeprefix(str(tmp_path) + "/"): a.encoding for a in read.articles}
    assert encodings == {"a": "utf-8", "crc.jsonl.gz:1": "utf-8", "l": "cp1252", "story.txt": "utf-8"}
    assert [d.reason for d in read.duplicates] == [f"the same file as {tmp_path / 'a.jsonl'} (read once)"]


def write_cluster(path: Path, record: object, encoding: str = "utf-8") -> Path:
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode(encoding)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


CLUSTER = {"id": "c1", "documents": [{"title": "T", "text": BODY + " Très déjà."}], "references": ["The plan goes ahead."]}
BAD_CLUSTERS: list[tuple[Callable[[Path], Path], str]] = [
    (lambda tmp: write_cluster(tmp / "legacy.jsonl", CLUSTER, "cp1252"), "legacy.jsonl: not UTF-8 (it looks like"),
    (lambda tmp: write_cluster(tmp / "types.jsonl", {**CLUSTER, "documents": [{"text": 5}]}), "types.jsonl:1: document 1: field 'text' is a number"),
    (lambda tmp: write_cluster(tmp / "id.jsonl", {**CLUSTER, "id": [1]}), "id.jsonl:1: field 'id' is a list"),
    (lambda tmp: write_cluster(tmp / "refs.jsonl", {**CLUSTER, "references": "one"}), "refs.jsonl:1: a cluster needs a non-empty 'references' list"),
    (lambda tmp: write_cluster(tmp / "bare.jsonl", [CLUSTER]), "bare.jsonl:1: a cluster is a JSON object, not a list"),
    (lambda tmp: (tmp / "cut.jsonl.gz").write_bytes(gzipped(json.dumps(CLUSTER) * 3)[:40]) and tmp / "cut.jsonl.gz", "cut.jsonl.gz:1: the compressed file"),
    (lambda tmp: (tmp / "crc.jsonl.gz").write_bytes(bad_crc(CLUSTER)) and tmp / "crc.jsonl.gz", "crc.jsonl.gz:2: the compressed data is corrupt"),
    (lambda tmp: (tmp / "deep.jsonl").write_bytes(deep_json()) and tmp / "deep.jsonl", "deep.jsonl:1: malformed JSON line (nested too deeply)"),
]


@pytest.mark.parametrize(("make", "message"), BAD_CLUSTERS, ids=[m.split(":")[0] for _, m in BAD_CLUSTERS])
def test_a_bad_bench_dataset_is_one_line_naming_file_and_line(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        load_clusters(path)
    assert str(caught.value).startswith(str(tmp_path / message.split(":")[0])) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bench_reads_gzip_and_utf16_datasets(tmp_path: Path) -> None:
    assert load_clusters(write_cluster(tmp_path / "d.jsonl.gz", CLUSTER))[0].documents[0].title == "T"
    assert load_clusters(write_cluster(tmp_path / "w.jsonl", CLUSTER, "utf-16"))[0].id == "c1"
    with pytest.raises(InputError, match="--max-article-size"):
        load_clusters(write_cluster(tmp_path / "d.jsonl", CLUSTER), limits=Limits(max_article=50))


def test_read_path_reads_one_file_or_folder_strictly(tmp_path: Path) -> None:
    assert [a.title for a in read_path(good(tmp_path))] == ["Good headline"]
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"x\.pdf: not a readable PDF"):
        read_path(tmp_path)


SIZES = [("123", 123), ("64MiB", 64 * MIB), ("2GiB", 2 * 1024**3), ("500MB", 500_000_000), ("1.5k", 1500), (" 4 kib ", 4096)]


@pytest.mark.parametrize(("text", "size"), SIZES)
def test_sizes_are_parsed(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MiB", "12XB", "-5", "0", "1e9"])
def test_bad_sizes_name_the_option(text: str) -> None:
    with pytest.raises(InputError, match="--max-file-size"):
        parse_size(text, "--max-file-size")


# the real CLI ----------------------------------------------------------------------------------


def test_brief_warns_about_bad_inputs_lists_them_and_still_briefs(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "z.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "z-empty.txt").write_text("")
    (tmp_path / "z-records.jsonl").write_text(json.dumps({"text": 5}) + "\n")
    stdin = (sorted(SEEDS.glob("*.txt"))[3].read_text(encoding="utf-8")).encode("utf-16")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.cli.app", "brief", str(tmp_path), "-", "https://example.org/a", "-f", "json"],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=600,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    warnings = [line for line in stderr.splitlines() if line.startswith("summarizer: warning:")]
    assert len(warnings) == 4 and "Traceback" not in stderr
    assert f"summarizer: warning: {tmp_path / 'z-records.jsonl'}:1: field 'text' is a number, not a string" in warnings
    briefing = json.loads(done.stdout)
    assert len(briefing["articles"]) == 4 and briefing["bullets"]
    assert [Path(s["path"]).name for s in briefing["skipped"]] == ["z-empty.txt", "z-records.jsonl:1", "z.pdf", "a"]


def test_brief_with_nothing_usable_or_strict_is_one_line_exit_2(tmp_path: Path) -> None:
    good(tmp_path)
    (tmp_path / "bad.json").write_text('{"articles": 5}')
    strict = run_cli("brief", str(tmp_path), "--strict")
    assert strict.returncode == 2 and strict.stderr == f"summarizer: error: {tmp_path / 'bad.json'}: 'articles' is a number, not a list of records\n"
    nothing = run_cli("brief", str(tmp_path / "bad.json"), "https://example.org/x", "--max-file-size", "2GiB")
    assert nothing.returncode == 2 and len(nothing.stderr.splitlines()) == 1
    assert "no articles found" in nothing.stderr and "bad.json" in nothing.stderr and "URLs are not fetched" in nothing.stderr
    size = run_cli("brief", str(tmp_path), "--max-article-size", "lots")
    assert size.returncode == 2 and "--max-article-size: 'lots' is not a size" in size.stderr


def peak_rss_mib(args: list[str]) -> tuple[int, str, float]:
    """Run the CLI in a fresh grandchild and return (exit code, stderr, its peak RSS in MiB), measured by a clean parent."""
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
        "print(done.stderr, end='')\n"
    )
    command = [sys.executable, "-c", probe, sys.executable, "-m", "summarizer.cli.app", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    first, _, stderr = done.stdout.partition("\n")
    code, peak = first.split()
    return int(code), stderr, float(peak)


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_a_gzip_bomb_stops_at_the_limit_with_bounded_memory(tmp_path: Path, name: str) -> None:
    bomb = tmp_path / name
    with gzip.open(bomb, "wb", compresslevel=1) as stream:
        for _ in range(200):
            stream.write(b"a" * MIB)  # 200 MiB of one line of text, about 200 KiB on disk
    assert bomb.stat().st_size < 2 * MIB
    code, stderr, peak = peak_rss_mib(["brief", str(bomb), "--max-file-size", "16MiB", "--no-cache"])
    assert code == 2 and stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert "--max-file-size limit (16 MiB)" in stderr
    assert peak < 150, f"peak RSS {peak:.0f} MiB"
    code, stderr, peak = peak_rss_mib(["bench", str(bomb), "--max-article-size", "8MiB"])
    assert code == 2 and "--max-article-size limit (8 MiB)" in stderr and peak < 150, (stderr, peak)


def test_zlib_level_corruption_never_is_an_internal_error(tmp_path: Path) -> None:
    raw = zlib.compress(b"x" * 1000)
    (tmp_path / "fake.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + raw[2:20])
    done = run_cli("bench", str(tmp_path / "fake.txt.gz"))
    assert done.returncode == 2 and "internal error" not in done.stderr and "fake.txt.gz" in done.stderr


# found in review ---------------------------------------------------------------------------------


def test_line_splitting_does_not_depend_on_how_the_stream_is_chunked() -> None:
    import random
    import re as regex

    from summarizer.ingest.streams import split_lines

    pick = random.Random(3)
    for _ in range(3000):
        data = bytes(pick.choice(b"ab\r\n") for _ in range(pick.randint(0, 14)))
        cuts = sorted(pick.sample(range(len(data) + 1), k=min(len(data) + 1, pick.randint(0, 5))))
        chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        expected = regex.split(rb"\r\n|\r|\n", data)
        if expected and expected[-1] == b"":
            expected.pop()
        assert list(split_lines(iter(chunks), 1000)) == expected, (data, chunks)


def test_a_windows_1252_dump_with_dashes_between_spaces_is_read(tmp_path: Path) -> None:
    from summarizer.batch.dump import read_dumps

    dump = tmp_path / "legacy.jsonl"
    lines = [
        '{"id": "a", "text": "Prices rose \u2013 sharply \u2013 after the \u201csurprise\u201d vote on Tuesday."}',
        '{"id": "b", "text": "Markets fell \u2026 again."}',
    ]
    dump.write_bytes("\n".join(lines).encode("cp1252") + b"\n")
    read = read_dumps([str(dump)])
    assert not read.problems and [a.encoding for a in read.articles] == ["cp1252", "cp1252"]
    assert "\u2013 sharply" in read.articles[0].text and "\u201csurprise\u201d" in read.articles[0].text


def test_folder_walk_order_does_not_depend_on_the_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from summarizer.ingest import folders

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("An article about the harbour strike and the talks.\n")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "c.txt").write_text("Another article about the harbour strike.\n")
    first = folders.walk(tmp_path)
    real_scandir = os.scandir

    class Reversed:
        def __init__(self, path: object) -> None:
            self.entries = list(real_scandir(path))[::-1]

        def __enter__(self) -> list[os.DirEntry[str]]:
            return self.entries

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(folders.os, "scandir", Reversed)
    assert folders.walk(tmp_path) == first
    assert [p.relative_to(tmp_path).as_posix() for p, reason in first if not reason] == ["a/x.txt", "c.txt"]


def test_printed_paths_carry_no_terminal_controls() -> None:
    from summarizer.ingest.folders import shown

    for hostile in ("a\x9b31mb.txt", "evil\u202etxt.exe", "line\nbreak.txt", "bell\x07.txt"):
        printed = shown(hostile)
        assert printed.isprintable() and "\\" in printed, printed


def test_force_check_survives_symlink_loops(tmp_path: Path) -> None:
    from summarizer.cli.output import input_identities

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("An article.\n")
    (folder / "l1").symlink_to(folder)
    (folder / "l2").symlink_to(folder)
    assert (folder / "x.txt").stat().st_ino in {inode for _, inode in input_identities([str(folder)])}
