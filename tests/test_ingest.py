"""Readers: folders, text, JSON, JSONL, HTML, stdin; and the errors bad input gets."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.boilerplate import boilerplate_reason
from summarizer.ingest.plain import split_title
from summarizer.ingest.readers import read_inputs

BODY = "The minister said the plan would go ahead. Critics called it rushed and costly."


def test_folder_reads_supported_files_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second headline here\n" + BODY)
    (tmp_path / "a.md").write_text("# First headline\n\n" + BODY)
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden.txt").write_text(BODY)
    reading = read_inputs([str(tmp_path)])
    assert [a.title for a in reading.articles] == ["First headline", "Second headline here"]
    assert [a.id for a in reading.articles] == [0, 1]
    assert [(Path(s.path).name, s.reason) for s in reading.skipped] == [("notes.bin", "unknown kind (.bin): rename it .txt if it is text")]


def test_txt_first_line_is_title_only_when_it_looks_like_one() -> None:
    title, body, _ = split_title("Zelensky thanks Starmer after Paris talks\n" + BODY)
    assert title == "Zelensky thanks Starmer after Paris talks"
    assert body == BODY
    title, body, _ = split_title(BODY + "\n" + BODY)
    assert title == ""
    assert body == BODY + "\n" + BODY


def test_leading_share_counter_is_skipped_and_its_date_kept() -> None:
    title, body, published = split_title(" date 2025-03-03 0 SHARES Share Tweet\n\nHeadline of the day\n" + BODY)
    assert (title, published) == ("Headline of the day", "2025-03-03")
    assert body.strip() == BODY


@pytest.mark.parametrize(
    "line, reason",
    [
        ("0 SHARES Share Tweet", "share counter"),
        ("date 2025-03-03 0 SHARES Share Tweet", "share counter"),
        ("42", "stray number"),
        ("[BBC]", "source tag"),
        ("By Jane Smith and John Doe, BBC News", "byline"),
        ("Advertisement", "page furniture"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", [BODY, "By the end of the week, leaders had agreed on a plan to send troops.", "Sanctions stay."])
def test_news_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_json_and_jsonl_accept_common_field_names(tmp_path: Path) -> None:
    records = [
        {"id": "x1", "title": "One", "body": BODY, "url": "https://example.org/1", "source": "Wire", "date": "2025-03-02"},
        {"id": "x2", "headline": "Two", "content": BODY, "published": "2025-03-03"},
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "title": "Three"}))
    articles = read_inputs([str(tmp_path / "dump.jsonl"), str(tmp_path / "one.json")]).articles
    assert [a.title for a in articles] == ["One", "Two", "Three"]
    assert articles[0].url == "https://example.org/1" and articles[0].source == "Wire"
    assert [a.published for a in articles] == ["2025-03-02", "2025-03-03", ""]
    assert [a.ref for a in articles] == ["x1", "x2", ""]


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": BODY}).encode()))
    assert read_inputs([str(tmp_path / "dump.jsonl.gz")]).articles[0].text == BODY


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds detail about the talks in Paris.</p>" for i in range(6))
    page = (
        "<html><head><title>Talks in Paris</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>Talks in Paris</h1>{paragraphs}</article><footer>Cookie policy</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    article = read_inputs([str(tmp_path / "page.html")]).articles[0]
    assert "Paragraph 5 adds detail" in article.text
    assert "Cookie policy" not in article.text and "Home | World" not in article.text
    assert article.title == "Talks in Paris"


@pytest.mark.parametrize(
    "raw, title",
    [(json.dumps({"text": BODY, "title": "J"}), "J"), (json.dumps({"text": BODY, "title": "L"}) + "\n" + json.dumps({"text": BODY}), "L")],
)
def test_stdin_format_is_detected(raw: str, title: str) -> None:
    assert read_inputs(["-"], stdin=io.BytesIO(raw.encode())).articles[0].title == title


def test_stdin_plain_text() -> None:
    assert read_inputs(["-"], stdin=io.StringIO(BODY)).articles[0].text == BODY
    article = read_inputs(["-"], stdin=io.BytesIO(("Café crème\n" + BODY + " Très déjà.").encode("cp1252"))).articles[0]
    assert (article.title, article.encoding) == ("Café crème", "cp1252")


def expect_error(paths: list[str], fragment: str, strict: bool = False) -> None:
    with pytest.raises(InputError) as caught:
        read_inputs(paths, strict=strict)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    expect_error([str(tmp_path / "nope")], "no such file or folder")


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    expect_error([str(tmp_path)], "holds no articles")


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    expect_error([str(tmp_path / "x.txt")], "not a text file")


def test_empty_article_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("  \n\n")
    expect_error([str(tmp_path / "x.txt")], "empty")


def test_malformed_jsonl_line_is_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": BODY}) + "\n{not json\n")
    reading = read_inputs([str(tmp_path / "d.jsonl")])
    assert len(reading.articles) == 1
    assert [(s.path, s.reason.split(" (")[0]) for s in reading.skipped] == [(f"{tmp_path / 'd.jsonl'}:2", "malformed JSON line")]
    expect_error([str(tmp_path / "d.jsonl")], "d.jsonl:2: malformed JSON line", strict=True)


def test_record_without_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"title": "no text"}) + "\n")
    expect_error([str(tmp_path / "d.jsonl")], "d.jsonl:2: the article has no text", strict=True)
    (tmp_path / "d.jsonl").write_text(json.dumps({"title": "no text"}) + "\n")
    expect_error([str(tmp_path / "d.jsonl")], "d.jsonl:1: the article has no text")
