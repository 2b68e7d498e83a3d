"""Crawling a batch site in the browser: every page reached from OUT/index.html, and every link on each."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from tests.browser.pages import Tab

READ_LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => ({raw: a.getAttribute('href'), url: a.href, cls: a.className}))"
READ_IDS = "() => [...document.querySelectorAll('[id]')].map(e => e.id)"
UNSAFE_SCHEMES = ("javascript:", "file:", "data:", "vbscript:")


@dataclass
class Crawl:
    """What a crawl found: the pages loaded (with their ids), the links followed, and every dead or unsafe link."""

    root: Path
    ids: dict[Path, set[str]] = field(default_factory=dict)
    links: int = 0
    problems: list[str] = field(default_factory=list)


def local_target(url: str) -> tuple[Path, str]:
    """The file and fragment a resolved ``file:`` URL points at."""
    parts = urlsplit(url)
    return Path(url2pathname(unquote(parts.path))), unquote(parts.fragment)


def crawl(tab: Tab, start: Path) -> Crawl:
    """Load ``start`` and every HTML page reachable from it by relative links; check each link's file and fragment."""
    found = Crawl(root=start.parent.resolve())
    pending: list[tuple[str, str, Path, str]] = []  # (page, raw href, target file, fragment): fragments are checked once all pages are loaded
    queue = [start.resolve()]
    while queue:
        page = queue.pop(0)
        if page in found.ids:
            continue
        tab.open(page)
        found.ids[page] = set(tab.evaluate(READ_IDS))
        name = str(page.relative_to(found.root))
        for link in tab.evaluate(READ_LINKS):
            found.links += 1
            raw, cls = link["raw"], link["cls"].split()
            squeezed = "".join(raw.split()).lower()
            if squeezed.startswith(UNSAFE_SCHEMES):
                found.problems.append(f"{name}: unsafe link {raw!r}")
                continue
            if squeezed.startswith(("http://", "https://", "mailto:")):
                if "source" not in cls:
                    found.problems.append(f"{name}: absolute link {raw!r} that is not a source's")
                continue
            if not link["url"].startswith("file:"):
                found.problems.append(f"{name}: link {raw!r} resolves to {link['url']!r}")
                continue
            target, fragment = local_target(link["url"])
            target = target.resolve()
            if not target.is_relative_to(found.root):
                found.problems.append(f"{name}: link {raw!r} leaves the site")
            elif not target.is_file():
                found.problems.append(f"{name}: dead link {raw!r} (no file {target.relative_to(found.root)})")
            else:
                if target.suffix == ".html":
                    queue.append(target)
                if fragment:
                    pending.append((name, raw, target, fragment))
    for name, raw, target, fragment in pending:
        if target not in found.ids:
            found.problems.append(f"{name}: link {raw!r} has a fragment into a file that is not a page")
        elif fragment not in found.ids[target]:
            found.problems.append(f"{name}: dead fragment {raw!r} (no id {fragment!r} in {target.relative_to(found.root)})")
    return found
