"""The README's screenshot: the seeds' briefing page, built by the CLI and shot by the browser tests' own Chromium.

python -m tests.browser.screenshot docs/briefing.png [--width 1000] [--height 900] [--full-page] [--cite]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.chromium import launch, missing_reason

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def build_page(folder: Path) -> Path:
    """The seeds' briefing as HTML, by the real CLI."""
    page = folder / "briefing.html"
    subprocess.run([sys.executable, "-m", "summarizer", "brief", str(SEEDS), "--format", "html", "-o", str(page)], check=True, cwd=ROOT)
    return page


def shoot(page: Path, output: Path, width: int, height: int, full_page: bool, cite: bool) -> None:
    """Open ``page`` at ``width``×``height`` and save a PNG (with ``cite``, after clicking the first citation)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            tab = browser.new_page(viewport={"width": width, "height": height})
            tab.goto(page.resolve().as_uri())
            if cite:
                link = tab.locator("li.bullet > a.cite").first
                href = link.get_attribute("href")
                link.click()
                tab.wait_for_function("hash => location.hash === hash", arg=href)
            output.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(output), full_page=full_page)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="PNG file to write, e.g. docs/briefing.png")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--cite", action="store_true", help="click the first citation first, to show a highlighted quote")
    args = parser.parse_args(argv)
    reason = missing_reason()
    if reason is not None:
        print(f"screenshot: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="summarizer-screenshot-") as folder:
        shoot(build_page(Path(folder)), args.output, args.width, args.height, args.full_page, args.cite)
    print(f"screenshot: wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
