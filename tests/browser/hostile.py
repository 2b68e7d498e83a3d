"""Hostile articles for the browser tests: every field an article controls carries markup that would run a script.

Each payload, if a browser ever ran it, sets ``window.__pwned`` and opens an ``alert``
dialog; the tests watch for both (and for any Content-Security-Policy violation, which
would mean markup got into the page even if the policy then stopped it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLAG = "__pwned"


def run(tag: str) -> str:
    """JavaScript that marks the page as attacked."""
    return f"window.{FLAG}='{tag}';alert('{tag}')"


SCRIPT = f"<script>{run('script')}</script>"
IMG = f'<img src=x onerror="{run("img")}">'
SVG = f"<svg onload={run('svg')}>"
CLOSE_TITLE = f"</title><script>{run('title')}</script>"
BREAK_ATTR = f'"><script>{run("attr")}</script>'
BREAK_SINGLE = f"'><img src=x onerror={run('single')}>"
LINK = f'<a href="javascript:{run("link")}">read more</a>'
IFRAME = f'<iframe srcdoc="<script>{run("iframe")}</script>"></iframe>'
META = '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
BASE = '<base href="javascript:alert(1)//">'
PAYLOADS = (SCRIPT, IMG, SVG, CLOSE_TITLE, BREAK_ATTR, BREAK_SINGLE, LINK, IFRAME, META, BASE)

HOSTILE_TITLE = f"Harbour Bridge reopens {CLOSE_TITLE}{IMG} \"quoted\" 'single'"
HOSTILE_URLS = (
    f"javascript:{run('url')}",
    f" JaVaScRiPt:{run('url-case')}",
    f"java\tscript:{run('url-tab')}",
    f"data:text/html,<script>{run('url-data')}</script>",
    f'https://news.example/bridge"onmouseover="{run("url-attr")}',
)
# Sentences about one event, so the brief cites them; each carries payloads inside the quoted span.
HOSTILE_SENTENCES = (
    f"The Harbour Bridge reopened to traffic on Monday {SCRIPT} after three weeks of repairs to its main span.",
    f"Engineers replaced 40 corroded steel cables {IMG} and resurfaced both carriageways, the city council said.",
    f"The council said the repairs cost 12 million pounds {BREAK_ATTR}, less than the 15 million pounds first estimated.",
    f"Commuters had faced detours of up to an hour {LINK} while the bridge was closed {BREAK_SINGLE}.",
    f"A separate cycle lane {SVG}{IFRAME} will open on the bridge next month, the transport department said {META}{BASE}.",
)
HOSTILE_TEXT = " ".join(HOSTILE_SENTENCES)

PLAIN = {
    "plain-a.txt": (
        "Harbour Bridge open again after repairs\n\n"
        "The Harbour Bridge reopened to traffic on Monday after three weeks of repairs to its main span. "
        "Engineers replaced 40 corroded steel cables and resurfaced both carriageways, the city council said. "
        "The repairs cost 12 million pounds, the council said, below the 15 million pounds first estimated. "
        "Commuters had faced long detours while the bridge was closed.\n"
    ),
    "plain-b.txt": (
        "Bridge traffic flows again as the council counts the cost\n\n"
        "Traffic crossed the Harbour Bridge again on Monday after a three-week closure for repairs to its main span. "
        "The city council said engineers had replaced 40 corroded steel cables and resurfaced both carriageways. "
        "A separate cycle lane will open on the bridge next month, the transport department said. "
        "The repair bill came to 12 million pounds, less than the 15 million pounds first feared.\n"
    ),
}


def hostile_records(date: str = "2025-03-02") -> list[dict[str, Any]]:
    """Dump records whose title, URL, source and text are all hostile: the whole hostile text first, then one
    sentence each, one record per hostile URL (distinct texts, so none is dropped as a repeat)."""
    texts = (HOSTILE_TEXT, *HOSTILE_SENTENCES)
    return [
        {
            "id": f"hostile-{number}",
            "title": HOSTILE_TITLE,
            "url": url,
            "source": f"{SVG}Wire {BREAK_ATTR}",
            "published": date,
            "text": text if number == 0 else f"Report {number}: {text}",
        }
        for number, (url, text) in enumerate(zip(HOSTILE_URLS, texts, strict=False))
    ]


HOSTILE_HTML = f"""<!doctype html>
<html><head><title>Bridge {CLOSE_TITLE.replace("<", "&lt;")}</title>
<script>{run("raw-script")}</script></head>
<body onload="{run("raw-onload")}"><article><h1>Bridge cycle lane</h1>
<p>{" ".join(HOSTILE_SENTENCES[4:]).replace("&", "&amp;").replace("<", "&lt;")}</p>
<p>The transport department said the cycle lane {SCRIPT.replace("<", "&lt;")} would be two metres wide and separated from traffic.</p>
</article></body></html>
"""


def write_hostile_folder(root: Path) -> Path:
    """A folder for ``summarizer brief``: two plain articles, a hostile JSON article, hostile JSONL records and a hostile HTML page."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in PLAIN.items():
        (root / name).write_text(text, encoding="utf-8")
    first, *others = hostile_records()
    (root / "hostile.json").write_text(json.dumps(first), encoding="utf-8")
    (root / "hostile.jsonl").write_text("".join(json.dumps(record) + "\n" for record in others), encoding="utf-8")
    (root / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    return root
