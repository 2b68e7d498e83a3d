"""Browser fixtures: one headless Chromium for the package, fresh pages per test, and the pages under test built once.

The pages are built by the real CLI in subprocesses: the seeds' briefing, a briefing of
hostile articles, and a batch site (the seeds plus hostile records, over two days).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.chromium import launch, missing_reason
from tests.browser.hostile import hostile_records, write_hostile_folder
from tests.browser.pages import DESKTOP, PHONE, Tab, new_tab
from tests.conftest import SEEDS, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@dataclass(frozen=True)
class Built:
    """A briefing page and the JSON of the same briefing."""

    html: Path
    data: dict[str, Any]


def cli_ok(*args: str) -> None:
    """Run the CLI; a failure shows its stderr."""
    done = run_cli(*args)
    assert done.returncode == 0, f"summarizer {' '.join(args)} failed ({done.returncode}):\n{done.stderr}"


def build_brief(folder: Path, *inputs: str) -> Built:
    """``summarizer brief INPUTS`` as HTML and as JSON, into ``folder``."""
    html, data = folder / "page.html", folder / "page.json"
    cli_ok("brief", *inputs, "--format", "html", "-o", str(html))
    cli_ok("brief", *inputs, "--format", "json", "-o", str(data))  # the embeddings are cached by now (SUMMARIZER_CACHE_DIR): no model load
    return Built(html, json.loads(data.read_text(encoding="utf-8")))


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Headless system Chromium: skipped when missing here, a failure when missing on CI."""
    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run on CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture()
def tab(browser: Browser) -> Iterator[Tab]:
    """A page at desktop width (1000×800)."""
    opened = new_tab(browser, DESKTOP)
    yield opened
    opened.context.close()


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Tab]:
    """A page at phone width (375×740)."""
    opened = new_tab(browser, PHONE)
    yield opened
    opened.context.close()


@pytest.fixture(scope="package")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds' briefing."""
    return build_brief(tmp_path_factory.mktemp("seeds-page"), str(SEEDS))


@pytest.fixture(scope="package")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A briefing of hostile articles (see tests/browser/hostile.py)."""
    root = tmp_path_factory.mktemp("hostile-page")
    return build_brief(root, str(write_hostile_folder(root / "articles")))


@pytest.fixture(scope="package")
def batch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``summarizer batch --period day`` over the seeds (two days) and hostile records: the output folder."""
    from tests.helpers.dumps import seed_records, write_dump

    root = tmp_path_factory.mktemp("batch-site")
    dump = write_dump(root / "dump.jsonl", [*seed_records(), *hostile_records()])
    out = root / "out"
    cli_ok("batch", str(dump), "-o", str(out), "--period", "day", "--workers", "1", "--quiet")
    return out
