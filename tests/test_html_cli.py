"""The real CLI on a folder holding a hostile article: HTML by flag and by suffix, and Markdown, stay inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.helpers.pages import html_problems, markdown_problems, page_texts

HOSTILE_TITLE = "<img src=x onerror=alert(1)> Bridge [reopens](http://evil.example)\n# Injected"
HOSTILE_TEXT = (
    "The Harbour Bridge reopened to traffic on Monday morning after three weeks of repairs ](http://evil.example) to its main span. "
    "Engineers replaced 40 corroded steel cables ![x](http://tracker.example/pixel.gif) and resurfaced both carriageways, the city council said. "
    "Commuters had faced detours of up to an hour <script>alert(1)</script> while the bridge was closed. "
    "The council said the repairs cost 12 million pounds, less than the 15 million first estimated. "
    "Cyclists will get a separate lane from next month, according to the transport department."
)
PLAIN = {
    "a.txt": (
        "Harbour Bridge reopens after repairs\n\n"
        "The Harbour Bridge reopened to traffic on Monday after three weeks of repairs to its main span. "
        "Engineers replaced 40 corroded steel cables and resurfaced both carriageways, according to the city council. "
        "The repairs cost 12 million pounds, the council said, below the 15 million pounds first estimated. "
        "Drivers had faced long detours while the bridge was shut.\n"
    ),
    "b.txt": (
        "Bridge back open as council counts the cost\n\n"
        "Traffic flowed across the Harbour Bridge again on Monday after a three-week closure for repairs. "
        "The city council said engineers had replaced 40 corroded steel cables and resurfaced the carriageways. "
        "A separate cycle lane will open on the bridge next month, the transport department said. "
        "The repair bill came to 12 million pounds, less than first feared.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three articles about one event (the JSON one with a hostile title, URL and text), and a PDF with a hostile name."""
    root = tmp_path_factory.mktemp("hostile")
    for name, text in PLAIN.items():
        (root / name).write_text(text, encoding="utf-8")
    record = {"title": HOSTILE_TITLE, "url": " JaVaScRiPt:alert(document.cookie)", "source": "[Wire](http://evil.example)", "text": HOSTILE_TEXT}
    (root / "c.json").write_text(json.dumps(record), encoding="utf-8")
    (root / "[x](http:evil.example) *d*.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00")
    return root


def check_page(page: str) -> None:
    """The page holds no injected tag, attribute or link, and keeps its protections."""
    assert page.startswith("<!doctype html>")
    assert html_problems(page, live_links=0) == [], page
    texts = "".join(text for parts in page_texts(page).values() for text in parts)
    assert "<img src=x onerror=alert(1)> Bridge [reopens](http://evil.example) # Injected" in texts
    assert "JaVaScRiPt:alert(document.cookie)" in texts  # shown, not linked
    assert "skipped 1 file: " in texts and "[x](http:evil.example) *d*.pdf (not a readable PDF" in texts


def test_html_by_flag(folder: Path) -> None:
    done = run_cli("brief", str(folder), "--format", "html")
    assert done.returncode == 0, done.stderr
    check_page(done.stdout)


def test_html_by_the_output_suffix(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    done = run_cli("brief", str(folder), "-o", str(target))
    assert done.returncode == 0 and done.stdout == "", done.stderr
    check_page(target.read_text(encoding="utf-8"))


def test_markdown_of_the_same_folder_is_inert(folder: Path) -> None:
    done = run_cli("brief", str(folder), "--format", "md")
    assert done.returncode == 0, done.stderr
    assert markdown_problems(done.stdout, live_links=0) == [], done.stdout
    assert "\\<img src=x onerror=alert(1)\\> Bridge \\[reopens\\](http://evil.example) \\# Injected" in done.stdout
    assert "- **" in done.stdout and "## Sources" in done.stdout
    assert "\\[x\\](http:evil.example) \\*d\\*.pdf (not a readable PDF" in done.stdout
