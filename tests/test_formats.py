"""The files a newsroom has: feeds, tables, front matter, crawler JSON, PDF, DOCX and WARC, each read as articles."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.readers import read_inputs
from summarizer.types import Article
from tests.conftest import run_cli

FIRST = "About 6,500 dockworkers walked off the job at Port Velmara on Tuesday, the union said."
SECOND = "The port authority put the number of strikers at around 4,000 and diverted ships to Port Sallen."
THIRD = "The transport ministry estimated the cost of the stoppage at 30 million euros a day."
STORIES = [("Dockers strike at Velmara", FIRST), ("Port counts fewer strikers", SECOND), ("Strike costs 30m a day", THIRD)]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Herald</title>
<item><title>Dockers strike at Velmara</title><link>https://example.org/strike</link><guid>h-1</guid>
<pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate><description>A short teaser.</description>
<content:encoded><![CDATA[<p>About 6,500 dockworkers walked off the job at Port Velmara on Tuesday, the union said.</p>
<p>Cranes stood <b>idle</b> along the quay.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Port counts fewer strikers</title><link>https://example.org/count</link>
<pubDate>Tue, 10 Jun 2025 09:30:00 GMT</pubDate>
<description>The port authority put the number of strikers at around 4,000 and diverted ships to Port Sallen.</description></item>
<item><title>Strike costs 30m a day</title><link>javascript:alert(1)</link><pubDate>Wed, 11 Jun 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The transport ministry estimated the cost of the stoppage at 30 million euros a day.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Wire</title><id>urn:wire</id><updated>2025-06-11T00:00:00Z</updated>
<entry><title>Dockers strike at Velmara</title><id>urn:1</id><link href="https://example.org/a"/><updated>2025-06-10T08:00:00Z</updated>
<content type="html">&lt;p&gt;About 6,500 dockworkers walked off the job at Port Velmara on Tuesday, the union said.&lt;/p&gt;</content></entry>
<entry><title>Port counts fewer strikers</title><id>urn:2</id><updated>2025-06-10T09:00:00Z</updated>
<summary>The port authority put the number of strikers at around 4,000 and diverted ships to Port Sallen.</summary></entry>
</feed>"""


def read(path: Path, **options: object) -> list[Article]:
    reading = read_inputs([str(path)], **options)  # type: ignore[arg-type]
    return list(reading.articles)


def csv_text(delimiter: str = ",") -> str:
    rows = [delimiter.join(["Headline", "Published", "Body", "Outlet"])]
    rows += [delimiter.join([title, f"2025-06-1{n}", f'"{text}"' if delimiter == "," else text, "Wire"]) for n, (title, text) in enumerate(STORIES)]
    return "\n".join(rows) + "\n"


def assert_strike(articles: list[Article], count: int = 3) -> None:
    assert [a.title for a in articles] == [title for title, _ in STORIES][:count]
    assert [a.text.splitlines()[0] for a in articles] == [text for _, text in STORIES][:count]
    assert all("<" not in a.text and "CDATA" not in a.text for a in articles)


def test_an_rss_feed_is_one_article_per_item_with_its_full_content(tmp_path: Path) -> None:
    (tmp_path / "herald.rss").write_text(RSS, encoding="utf-8")
    articles = read(tmp_path / "herald.rss")
    assert_strike(articles)
    assert articles[0].text == FIRST + "\nCranes stood idle along the quay."  # content:encoded, not the teaser; no script
    assert [a.published for a in articles] == ["2025-06-10T08:00:00Z", "2025-06-10T09:30:00Z", "2025-06-11T10:00:00Z"]
    assert articles[0].source == "Harbour Herald" and articles[0].url == "https://example.org/strike" and articles[0].ref == "h-1"


def test_an_atom_feed_and_a_feed_named_xml_or_txt(tmp_path: Path) -> None:
    for name in ("wire.atom", "wire.xml", "wire.txt"):
        (tmp_path / name).write_text(ATOM, encoding="utf-8")
        articles = read(tmp_path / name)
        assert_strike(articles, 2)
        assert articles[0].published == "2025-06-10T08:00:00Z" and articles[0].source == "Coastal Wire"


def test_xml_that_is_not_a_feed_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "page.xml").write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    with pytest.raises(InputError, match="XML, but not an RSS or Atom feed"):
        read(tmp_path / "page.xml")


@pytest.mark.parametrize(("name", "delimiter"), [("export.csv", ","), ("export.tsv", "\t"), ("export.txt", ","), ("semicolons.csv", ";")])
def test_a_table_is_one_article_per_row_its_columns_found_by_name(tmp_path: Path, name: str, delimiter: str) -> None:
    (tmp_path / name).write_text(csv_text(delimiter), encoding="utf-8")
    articles = read(tmp_path / name)
    assert_strike(articles)
    assert [a.published for a in articles] == ["2025-06-10", "2025-06-11", "2025-06-12"] and {a.source for a in articles} == {"Wire"}


def test_columns_can_be_named_and_a_table_without_text_says_how(tmp_path: Path) -> None:
    (tmp_path / "odd.csv").write_text("hed,story_body\n" + "\n".join(f'{t},"{x}"' for t, x in STORIES), encoding="utf-8")
    with pytest.raises(InputError, match=r"no text column.*--columns text=NAME"):
        read(tmp_path / "odd.csv")
    assert_strike(read(tmp_path / "odd.csv", columns={"text": "story_body", "title": "hed"}))
    with pytest.raises(InputError, match="--columns names text=missing"):
        read(tmp_path / "odd.csv", columns={"text": "missing"})


def test_front_matter_gives_title_date_and_source(tmp_path: Path) -> None:
    page = f"---\ntitle: Dockers strike at Velmara\ndate: 2025-06-10\nsource: Harbour Herald\nurl: https://example.org/a\n---\n{FIRST}\n"
    (tmp_path / "strike.md").write_text(page, encoding="utf-8")
    (article,) = read(tmp_path / "strike.md")
    assert (article.title, article.published, article.source, article.url) == (
        "Dockers strike at Velmara",
        "2025-06-10",
        "Harbour Herald",
        "https://example.org/a",
    )
    assert article.text.strip() == FIRST and "---" not in article.text


def test_news_please_and_newspaper_json(tmp_path: Path) -> None:
    news_please = {
        "title": "Dockers strike at Velmara",
        "maintext": FIRST,
        "date_publish": "2025-06-10 08:00:00",
        "source_domain": "herald.example",
        "url": "https://herald.example/a",
    }
    newspaper = {"title": "Port counts fewer strikers", "text": SECOND, "publish_date": "2025-06-10"}
    (tmp_path / "np.json").write_text(json.dumps([news_please, newspaper]))
    (tmp_path / "crawl.txt").write_text(json.dumps(news_please) + "\n" + json.dumps(newspaper) + "\n")  # JSONL under a .txt name
    for name in ("np.json", "crawl.txt"):
        articles = read(tmp_path / name)
        assert_strike(articles, 2)
        assert (articles[0].published, articles[0].source) == ("2025-06-10 08:00:00", "herald.example") and articles[1].published == "2025-06-10"


def pdf_bytes(lines: list[str], title: str = "") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title) if title else None
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_pdf_press_release_and_a_scanned_one(tmp_path: Path) -> None:
    (tmp_path / "release.pdf").write_bytes(pdf_bytes([FIRST, SECOND], title="Dockers strike at Velmara"))
    (article,) = read(tmp_path / "release.pdf")
    assert article.title == "Dockers strike at Velmara" and "6,500 dockworkers" in article.text and "4,000" in article.text
    from pypdf import PdfWriter

    blank = PdfWriter()
    blank.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    blank.write(buffer)
    (tmp_path / "scan.pdf").write_bytes(buffer.getvalue())
    reading = read_inputs([str(tmp_path)])
    assert [s.reason for s in reading.skipped] == ["a PDF with no text layer (a scan?): run OCR first (ocrmypdf), or pass its text"]


def test_a_docx_press_release(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("Dockers strike at Velmara", level=0)
    document.add_paragraph(FIRST)
    document.add_paragraph(SECOND)
    document.save(str(tmp_path / "release.docx"))
    (article,) = read(tmp_path / "release.docx")
    assert article.title == "Dockers strike at Velmara" and article.text == FIRST + "\n" + SECOND


def warc_bytes(gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for number, (title, text) in enumerate(STORIES):
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        uri = f"https://example.org/{number}"
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page.encode()), http_headers=headers))
        writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/gone", "response", payload=io.BytesIO(b"<html></html>"), http_headers=missing))
    return buffer.getvalue()


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_gives_its_html_pages_and_counts_the_rest(tmp_path: Path, gzipped: bool) -> None:
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    (tmp_path / name).write_bytes(warc_bytes(gzipped))
    reading = read_inputs([str(tmp_path / name)])
    assert [a.title for a in reading.articles] == [title for title, _ in STORIES]
    assert [a.url for a in reading.articles] == [f"https://example.org/{n}" for n in range(3)]
    assert all(a.published for a in reading.articles) and all("<" not in a.text for a in reading.articles)
    assert [s.reason for s in reading.skipped] == ["4 records passed over (3 not a response, 1 status 404)"]


def test_brief_reads_a_feed_end_to_end_and_escapes_its_links(tmp_path: Path) -> None:
    (tmp_path / "herald.rss").write_text(RSS, encoding="utf-8")
    done = run_cli("brief", str(tmp_path / "herald.rss"), "--format", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert [a["title"] for a in record["articles"]] == [title for title, _ in STORIES]
    markdown = run_cli("brief", str(tmp_path / "herald.rss"), "--format", "html").stdout
    assert 'href="javascript' not in markdown


def test_gzipped_feed_and_table(tmp_path: Path) -> None:
    (tmp_path / "herald.rss.gz").write_bytes(gzip.compress(RSS.encode()))
    (tmp_path / "export.csv.gz").write_bytes(gzip.compress(csv_text().encode()))
    assert len(read(tmp_path / "herald.rss.gz")) == 3 and len(read(tmp_path / "export.csv.gz")) == 3


def test_brief_columns_option_and_output_names_that_do_not_match_the_format(tmp_path: Path) -> None:
    (tmp_path / "odd.csv").write_text("hed,story_body\n" + "\n".join(f'{t},"{x}"' for t, x in STORIES), encoding="utf-8")
    done = run_cli("brief", str(tmp_path / "odd.csv"), "--columns", "text=story_body,title=hed", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == [title for title, _ in STORIES]
    bad = run_cli("brief", str(tmp_path / "odd.csv"), "--columns", "body")
    assert bad.returncode != 0 and "--columns body: give FIELD=COLUMN pairs" in bad.stderr and "Traceback" not in bad.stderr
    pdf = run_cli("brief", str(tmp_path / "odd.csv"), "-o", str(tmp_path / "brief.pdf"))
    assert pdf.returncode != 0 and "not .pdf" in pdf.stderr and not (tmp_path / "brief.pdf").exists()
    clash = run_cli("brief", str(tmp_path / "odd.csv"), "-f", "json", "-o", str(tmp_path / "brief.html"))
    assert clash.returncode != 0 and "make them agree" in clash.stderr


def test_input_that_is_only_page_furniture_is_an_error_not_an_empty_briefing(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_text("Share on Facebook\nShare on Twitter\nSign up for our newsletter\nAll rights reserved.\n")
    done = run_cli("brief", str(tmp_path / "junk.txt"))
    assert done.returncode == 2 and done.stdout == ""
    assert "no sentence found in the input, only page furniture" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_batch_reads_daily_folders_of_pages_feeds_and_archives(tmp_path: Path) -> None:
    from summarizer.batch.dump import read_dumps

    news = tmp_path / "news"
    for day, (title, text) in zip(("2025-06-10", "2025-06-11", "20250612"), STORIES, strict=True):
        (news / day).mkdir(parents=True)
        (news / day / "story.txt").write_text(f"{title}\n{text}\n", encoding="utf-8")
    (news / "2025-06-11" / "page.html").write_text(f"<html><body><article><h1>Ships queue</h1><p>{SECOND}</p><p>{THIRD}</p></article></body></html>")
    (news / "herald.rss").write_text(RSS, encoding="utf-8")
    (news / "crawl.warc.gz").write_bytes(warc_bytes(True))
    read = read_dumps([str(news)])
    dated = {a.ref.removeprefix(str(news) + "/"): a.published for a in read.articles if a.ref.endswith("story.txt")}
    assert dated == {"2025-06-10/story.txt": "2025-06-10", "2025-06-11/story.txt": "2025-06-11", "20250612/story.txt": "2025-06-12"}
    assert len(read.articles) == 3 + 1 + 3 + 3 and not read.problems
    assert len({a.ref for a in read.articles}) == len(read.articles)
    out = tmp_path / "out"
    done = run_cli("batch", str(news), "-o", str(out), "-q", "-w", "1")
    assert done.returncode == 0, done.stderr
    assert any(out.rglob("*.json"))


def test_a_dateline_dates_an_article_before_its_folder_does(tmp_path: Path) -> None:
    from summarizer.batch.dump import read_dumps

    (tmp_path / "2025-06-12").mkdir()
    (tmp_path / "2025-06-12" / "wire.txt").write_text(f"Dockers strike\nVELMARA, 10 June 2025 — {FIRST}\n", encoding="utf-8")
    (article,) = read_dumps([str(tmp_path)]).articles
    assert article.published == ""  # the dateline (10 June) decides, not the folder (12 June)
    from summarizer.dates import with_dates

    assert with_dates([article])[0].date == "2025-06-10"


def test_stdin_is_read_by_what_it_holds(tmp_path: Path) -> None:
    from summarizer.ingest.readers import read_inputs as read_from

    for content in (RSS, csv_text()):
        articles = read_from(["-"], stdin=io.StringIO(content)).articles
        assert [a.title for a in articles] == [title for title, _ in STORIES]
