"""bench convert: DUC/TAC SGML folders, Multi-News line files and plain trees into the bench's JSONL, on fixtures built here."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.bench.convert import convert, detect_layout, write_jsonl
from summarizer.bench.data import load_clusters
from summarizer.errors import InputError, UsageError

APW = b"""<DOC>
<DOCNO> APW20250316.0240 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/16/1998 08:04:00 </DATE_TIME>
<BODY>
<HEADLINE> Storm &amp; flood hit Honduras </HEADLINE>
<TEXT>
   TEGUCIGALPA, Honduras (AP) _ Hurricane Mitch struck AT&T's
offices on Friday, officials said.
   Rescuers reached the caf&eacute; by noon.
</TEXT>
</BODY>
<TRAILER> AP-NY-10-16-98 0804EDT </TRAILER>
</DOC>
"""

NYT = b"""<DOC>
<DOCNO> NYT20250316.0096 </DOCNO>
<DATE_TIME> 10/16/1998 21:30:00 </DATE_TIME>
<BODY>
<HEADLINE>
Mitch gains
strength
</HEADLINE>
<TEXT>
<P>
   The storm gained
strength overnight.
</P>
<P>
   Forecasters &lt;warned&gt;
   of floods.
</P>
</TEXT>
</BODY>
</DOC>
"""

XIE_UNCLOSED = b"""<DOC>
<DOCNO> XIE20250317.0001 </DOCNO>
<TEXT>
<P> First paragraph.
<P> Second
paragraph.
</TEXT>
</DOC>
"""

XIE_LATIN1 = b"""<DOC>
<DOCNO>XIE20250317.0002</DOCNO>
<HEADLINE>Caf\xe9 reopens</HEADLINE>
<TEXT>
Plain text with no indentation
wrapped onto a second line.

A blank line starts another.
</TEXT>
</DOC>
"""

AP = b"""<DOC>
<DOCNO> AP880217-0175 </DOCNO>
<FILEID>AP-NR-02-17-88 2344EST</FILEID>
<HEAD>Farm Aid Concert Set</HEAD>
<BYLINE>By JOHN DOE</BYLINE>
<TEXT>
   Farmers will get aid, organisers said Wednesday.
</TEXT>
</DOC>
"""

GIGAWORD = b"""<DOC id="AFP_ENG_20250119.0019" type="story" >
<HEADLINE>
Kashmir talks resume
</HEADLINE>
<DATELINE>
NEW DELHI, Jan 19
</DATELINE>
<TEXT>
<P>
India and Pakistan resumed talks.
</P>
</TEXT>
</DOC>
"""

APW_RECORD = {
    "id": "APW20250316.0240",
    "title": "Storm & flood hit Honduras",
    "date": "1998-10-16",
    "text": "TEGUCIGALPA, Honduras (AP) _ Hurricane Mitch struck AT&T's offices on Friday, officials said.\n\nRescuers reached the café by noon.",
}
NYT_RECORD = {
    "id": "NYT20250316.0096",
    "title": "Mitch gains strength",
    "date": "1998-10-16",
    "text": "The storm gained strength overnight.\n\nForecasters <warned> of floods.",
}


def write(path: Path, content: bytes | str) -> Path:
    """Write a fixture file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def collected(records: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every record, through a JSON round trip (what the file will hold)."""
    return [json.loads(json.dumps(record, ensure_ascii=False)) for record in records]


def roundtrip(records: Iterator[dict[str, Any]], out: Path) -> list[Any]:
    """Write the records, then read them back with the bench's own reader."""
    count = write_jsonl(records, out)
    clusters = load_clusters(out)
    assert len(clusters) == count
    return clusters


@pytest.fixture
def duc(tmp_path: Path) -> Path:
    """DUC 2004's layout: docs/<cluster>/<DOCNO> and models/D<stem>.M.100.T.<assessor>, with the usual untidiness."""
    root = tmp_path / "duc2004"
    write(root / "docs" / "d30001t" / "NYT20250316.0096", NYT)
    write(root / "docs" / "d30001t" / "APW20250316.0240", APW)
    write(root / "docs" / "d30002t" / "XIE20250317.0001", XIE_UNCLOSED)
    write(root / "docs" / "d30002t" / "XIE20250317.0002", XIE_LATIN1)
    write(root / "docs" / "d30003t" / "AP880217-0175", AP)
    write(root / "docs" / "d30004t" / "APW20250320.0001", APW.replace(b"APW20250316.0240", b"APW20250320.0001"))
    write(root / "models" / "D30001.M.100.T.B", "Mitch struck Central America.\n")
    write(root / "models" / "D30001.M.100.T.A", "Hurricane Mitch hit Honduras.\r\n  Rescuers   arrived.\r\n")
    write(root / "models" / "D30001.M.100.T.12", "A system's summary, not a reference.\n")
    write(root / "models" / "D30002.M.100.T.C", "Xinhua reported.\n")
    write(root / "models" / "D30003.M.100.T.D", "Farm aid.\n")
    write(root / "models" / "D30099.M.100.T.A", "A summary of no cluster here.\n")
    write(root / "models" / "README.txt", "notes\n")
    return root


def test_duc_layout_is_detected_and_converted_exactly(duc: Path) -> None:
    warnings: list[str] = []
    assert detect_layout(duc) == "duc"
    records = collected(convert(duc, warn=warnings.append))
    assert [record["id"] for record in records] == ["d30001t", "d30002t", "d30003t"]
    assert records[0] == {
        "id": "d30001t",
        "documents": [APW_RECORD, NYT_RECORD],
        "references": ["Hurricane Mitch hit Honduras.\nRescuers arrived.", "Mitch struck Central America."],
        "meta": {"convention": "duc", "assessors": ["A", "B"]},
    }
    assert records[1] == {
        "id": "d30002t",
        "documents": [
            {"id": "XIE20250317.0001", "title": "", "date": "2025-03-17", "text": "First paragraph.\n\nSecond paragraph."},
            {
                "id": "XIE20250317.0002",
                "title": "Café reopens",
                "date": "2025-03-17",
                "text": "Plain text with no indentation wrapped onto a second line.\n\nA blank line starts another.",
            },
        ],
        "references": ["Xinhua reported."],
        "meta": {"convention": "duc", "assessors": ["C"]},
    }
    assert records[2]["documents"] == [{"id": "AP880217-0175", "title": "Farm Aid Concert Set", "text": "Farmers will get aid, organisers said Wednesday."}]
    joined = "\n".join(warnings)
    assert "left out 1 system summaries" in joined
    assert "ignored 1 files not named like model summaries" in joined
    assert "XIE20250317.0002: not UTF-8; read as cp1252" in joined
    assert "d30099" in joined
    assert "d30004t: no model summary; cluster d30004t skipped" in joined
    assert warnings[-1] == "skipped 1 of 4 clusters"


def test_duc_output_reads_through_the_bench_reader(duc: Path, tmp_path: Path) -> None:
    clusters = roundtrip(convert(duc, warn=lambda _: None), tmp_path / "duc.jsonl")
    assert [cluster.id for cluster in clusters] == ["d30001t", "d30002t", "d30003t"]
    assert clusters[0].documents[0].title == "Storm & flood hit Honduras"
    assert clusters[0].documents[1].published == "1998-10-16"
    assert clusters[0].references[1] == "Mitch struck Central America."
    assert "café" in (tmp_path / "duc.jsonl").read_text(encoding="utf-8")  # ensure_ascii=False


def test_tac_nested_folders_and_a_separate_model_folder(tmp_path: Path) -> None:
    docs = tmp_path / "UpdateSumm09_test_docs_files"
    write(docs / "D0901A" / "D0901A-A" / "AFP_ENG_20250119.0019", GIGAWORD)
    write(docs / "D0901A" / "D0901A-B" / "AFP_ENG_20250120.0001", GIGAWORD.replace(b"20250119.0019", b"20250120.0001"))
    models = tmp_path / "eval" / "ROUGE" / "models"
    write(models / "D0901-A.M.100.A.E", "Talks resumed.\n")
    write(models / "D0901-A.M.100.A.F", "India and Pakistan met.\n")
    write(models / "D0901-B.M.100.A.E", "Talks went on.\n")
    records = collected(convert(docs, references=models, warn=lambda _: None))
    assert [record["id"] for record in records] == ["D0901A-A", "D0901A-B"]
    assert records[0] == {
        "id": "D0901A-A",
        "documents": [{"id": "AFP_ENG_20250119.0019", "title": "Kashmir talks resume", "date": "2025-01-19", "text": "India and Pakistan resumed talks."}],
        "references": ["Talks resumed.", "India and Pakistan met."],
        "meta": {"convention": "duc", "assessors": ["E", "F"]},
    }
    assert records[1]["references"] == ["Talks went on."]


def test_duc_model_folder_is_found_beside_the_documents(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "d061j" / "APW20250316.0240", APW)
    write(tmp_path / "summaries" / "D061.M.250.J.A", "A summary.\n")
    records = collected(convert(tmp_path / "docs", warn=lambda _: None))
    assert [(record["id"], record["references"]) for record in records] == [("d061j", ["A summary."])]


def test_trec_variants_of_duc_2001_and_2002(tmp_path: Path) -> None:
    """LA Times' <P> inside DATE and HEADLINE, upper-case and unknown entities, a bare '<', WSJ's <HL>/<DD>, two <DOC>s in one file."""
    write(
        tmp_path / "docs" / "d061j" / "LA021788-0001",
        b"<DOC>\n<DOCNO> LA021788-0001 </DOCNO>\n<DATE><P>February 17, 1988, Wednesday, Home Edition</P></DATE>\n"
        b"<HEADLINE><P>STORM HITS &AMP; RUNS</P><P>Second line</P></HEADLINE>\n"
        b"<TEXT><P>Para one &mdash; with an &unknown; entity and x < y.</P><P>Para two.</P></TEXT>\n</DOC>\n",
    )
    write(
        tmp_path / "docs" / "d061j" / "WSJ870205-0001",
        b"<DOC>\n<DOCNO> WSJ870205-0001 </DOCNO>\n<HL> Big Deal Done </HL>\n<DD> 02/05/87 </DD>\n<TEXT>\n   A bank\x0c deal.\n</TEXT>\n</DOC>\n"
        b"<DOC>\n<DOCNO> WSJ870205-0002 </DOCNO>\n<TEXT>Two docs in one file.</TEXT>\n</DOC>\n",
    )
    write(tmp_path / "models" / "D061.M.100.J.A", "A summary.\n")
    [record] = collected(convert(tmp_path, warn=lambda _: None))
    assert record["documents"] == [
        {
            "id": "LA021788-0001",
            "title": "STORM HITS & RUNS Second line",
            "date": "1988-02-17",
            "text": "Para one \u2014 with an &unknown; entity and x < y.\n\nPara two.",
        },
        {"id": "WSJ870205-0001", "title": "Big Deal Done", "date": "1987-02-05", "text": "A bank deal."},
        {"id": "WSJ870205-0002", "title": "", "text": "Two docs in one file."},
    ]


def test_nist_files_are_decoded_by_a_fixed_rule(tmp_path: Path) -> None:
    """BOMs and UTF-16 are read; legacy bytes are cp1252 however short (never a detector's guess), else Latin-1;
    a stray NUL does not drop a file; a summary that is not text is left out with a warning."""
    docs, models = tmp_path / "docs" / "d061j", tmp_path / "models"
    cafe = APW.decode("ascii").replace("officials said", "officials said in a caf\u00e9")
    write(docs / "APW20250316.0240", b"\xef\xbb\xbf" + cafe.encode("utf-8"))
    write(docs / "APW20250316.0241", b"\xff\xfe" + cafe.replace("0240", "0241").encode("utf-16-le"))
    write(docs / "NYT20250316.0096", NYT.replace(b"strength overnight", b"strength \x96 overnight\x00"))
    write(models / "D061.M.100.J.A", b"Prices rose \x96 sharply.\n")
    write(models / "D061.M.100.J.B", b"It cost \xa3300 million; Chile protests\x85\n")
    write(models / "D061.M.100.J.C", b"Caf\x81 \x8d.\n")  # bytes cp1252 leaves undefined: Latin-1
    write(models / "D061.M.100.J.D", b"%PDF-1.4 a scanned summary")
    warnings: list[str] = []
    [record] = collected(convert(tmp_path, warn=warnings.append))
    assert [d["id"] for d in record["documents"]] == ["APW20250316.0240", "APW20250316.0241", "NYT20250316.0096"]
    assert all("officials said in a café" in d["text"] for d in record["documents"][:2])
    assert "strength \u2013 overnight" in record["documents"][2]["text"]
    assert record["references"] == ["Prices rose \u2013 sharply.", "It cost £300 million; Chile protests\u2026", "Caf\x81 \x8d."]
    assert f"{docs / 'NYT20250316.0096'}: not UTF-8; read as cp1252" in warnings
    assert not any("APW" in w for w in warnings)  # a BOM says what it is: nothing to warn of
    assert f"{models / 'D061.M.100.J.D'}: not a text file (PDF): convert it to text first (pdftotext); left out" in warnings
    assert f"{models}: 3 summaries are not UTF-8; read 2 as cp1252, 1 as latin-1" in warnings


def test_duc_errors_name_the_path(tmp_path: Path) -> None:
    write(tmp_path / "set" / "d30001t" / "APW20250316.0240", APW)
    with pytest.raises(InputError, match=r"set: no model-summary folder found .* --references"):
        convert(tmp_path / "set")
    write(tmp_path / "other" / "D40001.M.100.T.A", "Elsewhere.\n")
    with pytest.raises(InputError, match=r"other: no model summary matches a document folder"):
        convert(tmp_path / "set", references=tmp_path / "other")
    with pytest.raises(InputError, match=r"missing: no such folder of model summaries"):
        convert(tmp_path / "set", references=tmp_path / "missing")


@pytest.fixture
def multinews(tmp_path: Path) -> Path:
    """A Multi-News split: documents split by story_separator_special_tag, NEWLINE_CHAR for newlines, summaries after '– '."""
    root = tmp_path / "multi-news"
    write(
        root / "test.src.cleaned",
        "Story one ,  line one . NEWLINE_CHAR NEWLINE_CHAR Story one , paragraph two . story_separator_special_tag "
        "Story two text . NEWLINE_CHAR Continued . story_separator_special_tag \n"
        " story_separator_special_tag \n"
        "Only story , with a\u2028line separator and a\rcarriage return inside . |||||\n",
    )
    write(root / "test.tgt.cleaned", "– Two stories were written .\n– A summary of nothing .\n- Third summary .\n")
    return root


MULTINEWS_FIRST = {
    "id": "test-0",
    "documents": [
        {"id": "test-0.1", "title": "", "text": "Story one , line one .\n\nStory one , paragraph two ."},
        {"id": "test-0.2", "title": "", "text": "Story two text .\nContinued ."},
    ],
    "references": ["Two stories were written ."],
    "meta": {"convention": "multinews"},
}


def test_multinews_pair_is_detected_and_converted_exactly(multinews: Path, tmp_path: Path) -> None:
    warnings: list[str] = []
    assert detect_layout(multinews) == "multinews"
    assert detect_layout(multinews / "test.src.cleaned") == "multinews"
    records = collected(convert(multinews, warn=warnings.append))
    assert records == [
        MULTINEWS_FIRST,
        {
            "id": "test-2",  # line numbers stay the ids: test-1 had no story
            # a stray CR or U+2028 is white space, not a line end that would put .src and .tgt out of step
            "documents": [{"id": "test-2.1", "title": "", "text": "Only story , with a line separator and a carriage return inside ."}],
            "references": ["Third summary ."],
            "meta": {"convention": "multinews"},
        },
    ]
    assert warnings == [f"{multinews / 'test.src.cleaned'}:2: no story; cluster test-1 skipped", "skipped 1 of 3 clusters"]
    assert [cluster.id for cluster in roundtrip(convert(multinews, warn=lambda _: None), tmp_path / "mn.jsonl")] == ["test-0", "test-2"]


def test_multinews_one_file_of_a_folder_of_splits(multinews: Path) -> None:
    write(multinews / "train.src", "A train story .\n")
    write(multinews / "train.tgt", "– A train summary .\n")
    everything = collected(convert(multinews, warn=lambda _: None))
    assert [record["id"] for record in everything] == ["test-0", "test-2", "train-0"]
    only_train = collected(convert(multinews / "train.tgt", warn=lambda _: None))  # either file of the pair names it
    assert [record["references"] for record in only_train] == [["A train summary ."]]


def test_multinews_errors(tmp_path: Path) -> None:
    write(tmp_path / "a" / "val.src", "One .\nTwo .\n")
    write(tmp_path / "a" / "val.tgt", "– One .\n")
    with pytest.raises(InputError, match=r"val\.src: has more lines than .*val\.tgt \(1 there\)"):
        list(convert(tmp_path / "a"))
    write(tmp_path / "b" / "val.src", "One .\n")
    with pytest.raises(InputError, match=r"val\.src: its partner val\.tgt is missing"):
        convert(tmp_path / "b")
    write(tmp_path / "c" / "val.tgt", "– One .\n")
    with pytest.raises(InputError, match=r"c: holds no Multi-News \.src file"):
        convert(tmp_path / "c")
    write(tmp_path / "d" / "val.src", b"caf\xe9 .\n")
    write(tmp_path / "d" / "val.tgt", "– Caf\u00e9 .\n")
    with pytest.raises(InputError, match=r"val\.src / .*val\.tgt: line 1: not UTF-8"):
        list(convert(tmp_path / "d"))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """ROOT/CLUSTER/docs/*.txt with ROOT/CLUSTER/refs/*.txt; c3 has no references."""
    root = tmp_path / "tree"
    write(root / "c10" / "docs" / "b.txt", "Second document.\n")
    write(root / "c10" / "docs" / "a.txt", "\ufeffFirst line.\r\n\r\nSecond paragraph.\r\n")
    write(root / "c10" / "docs" / "notes.md", "not a document")
    write(root / "c10" / "refs" / "r1.txt", "The reference.\n")
    write(root / "c2" / "docs" / "x.txt", "Ünïcode text.\n")
    write(root / "c2" / "refs" / "2.txt", "Second reference.\n")
    write(root / "c2" / "refs" / "10.txt", "Tenth reference.\n")
    write(root / "c3" / "docs" / "y.txt", "Lonely.\n")
    return root


def test_tree_is_detected_and_converted_exactly(tree: Path, tmp_path: Path) -> None:
    warnings: list[str] = []
    assert detect_layout(tree) == "tree"
    records = collected(convert(tree, warn=warnings.append))
    assert records == [
        {"id": "c2", "documents": [{"id": "x", "title": "", "text": "Ünïcode text."}], "references": ["Second reference.", "Tenth reference."]},
        {
            "id": "c10",
            "documents": [{"id": "a", "title": "", "text": "First line.\n\nSecond paragraph."}, {"id": "b", "title": "", "text": "Second document."}],
            "references": ["The reference."],
        },
    ]
    assert warnings == [f"{tree / 'c3'}: no reference in refs/; cluster c3 skipped", "skipped 1 of 3 clusters"]
    clusters = roundtrip(convert(tree, warn=lambda _: None), tmp_path / "tree.jsonl.gz")
    assert [cluster.id for cluster in clusters] == ["c2", "c10"]
    assert gzip.decompress((tmp_path / "tree.jsonl.gz").read_bytes()).decode("utf-8").count("\n") == 2


def test_tree_single_cluster_and_undecodable_file(tmp_path: Path) -> None:
    write(tmp_path / "one" / "docs" / "d.txt", "Text.")
    write(tmp_path / "one" / "refs" / "r.txt", "Ref.")
    assert [record["id"] for record in convert(tmp_path / "one")] == ["one"]
    write(tmp_path / "one" / "docs" / "bad.txt", b"caf\xe9")
    with pytest.raises(InputError, match=r"bad\.txt: not UTF-8 \(byte 0xe9 at offset 3\); save it as UTF-8$"):
        list(convert(tmp_path / "one"))


def test_tree_with_no_usable_cluster_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "t" / "c1" / "docs" / "d.txt", "Text.")
    write(tmp_path / "t" / "c1" / "refs" / "empty.txt", "  \n")
    with pytest.raises(InputError, match=r"c1: no cluster has both documents and references"):
        list(convert(tmp_path / "t", warn=lambda _: None))


def test_layout_errors_name_the_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: is empty"):
        detect_layout(tmp_path / "empty")
    write(tmp_path / "misc" / "notes.txt", "hello")
    write(tmp_path / "misc" / "sub" / "data.csv", "a,b")
    with pytest.raises(InputError, match=r"misc: matches no dataset layout"):
        convert(tmp_path / "misc")
    with pytest.raises(InputError, match=r"nowhere: no such file or folder"):
        convert(tmp_path / "nowhere")
    with pytest.raises(InputError, match=r"notes\.txt: not a dataset folder, nor a Multi-News"):
        detect_layout(tmp_path / "misc" / "notes.txt")
    with pytest.raises(UsageError, match=r"unknown layout 'xml'"):
        convert(tmp_path / "misc", layout="xml")
    with pytest.raises(InputError, match=r"matches no dataset layout"):
        convert(tmp_path / "misc", layout=None)


def test_forced_layout_and_misplaced_references(tree: Path) -> None:
    with pytest.raises(InputError, match=r"holds no SGML <DOC> files"):
        convert(tree, layout="duc", references=tree)
    with pytest.raises(InputError, match=r"a separate reference folder is for the DUC/TAC layout"):
        convert(tree, references=tree / "c2" / "refs")


def test_write_jsonl_leaves_the_old_file_when_conversion_fails(tmp_path: Path) -> None:
    out = write(tmp_path / "out.jsonl", "old\n")

    def failing() -> Iterator[dict[str, Any]]:
        yield {"id": "1", "documents": [{"text": "x"}], "references": ["y"]}
        raise InputError("broken")

    with pytest.raises(InputError, match="broken"):
        write_jsonl(failing(), out)
    assert out.read_text() == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.jsonl"]
    assert write_jsonl(iter([{"id": "é", "documents": [], "references": []}]), out) == 1
    assert out.read_text(encoding="utf-8") == '{"id": "é", "documents": [], "references": []}\n'


def test_bench_convert_on_the_command_line_then_bench_reads_it(duc: Path, tmp_path: Path) -> None:
    from tests.conftest import run_cli

    out = tmp_path / "duc.jsonl"
    done = run_cli("bench", "convert", str(duc), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("convert: ") and str(out) in done.stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["meta"]["convention"] == "duc" for r in records)
    again = run_cli("bench", "convert", str(duc), "-o", str(out))
    assert again.returncode != 0 and "--force" in again.stderr and again.stderr.count("\n") == 1
    scored = run_cli("bench", str(out), "--systems", "lead", "-q")
    assert scored.returncode == 0, scored.stderr
    assert "duc conventions, as the dataset names" in scored.stdout
    missing = run_cli("bench", "convert", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.jsonl"))
    assert missing.returncode != 0 and "no such file" in missing.stderr and missing.stderr.count("\n") == 1
