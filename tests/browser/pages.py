"""What the browser tests do on a page: open it watched, read its briefing, click its citations, judge its safety."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.browser.hostile import FLAG

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page

DESKTOP = {"width": 1000, "height": 800}
PHONE = {"width": 375, "height": 740}
ANCHOR = re.compile(r"q-(\d+)-(\d+)-(\d+)")
TIMEOUT_MS = 10_000

# Runs before anything on every page (Playwright injects it outside the page's CSP): records CSP violations,
# so markup that got into a page is caught even when the policy then blocks it.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""

READ_BULLETS = """() => [...document.querySelectorAll('li.bullet')].map(li => ({
  id: li.id,
  sentence: li.querySelector('q.sentence') ? li.querySelector('q.sentence').textContent : null,
  sentences: li.querySelectorAll('q.sentence').length,
  cites: [...li.querySelectorAll(':scope > a.cite')].map(a => ({href: a.getAttribute('href'), text: a.textContent})),
  supports: [...li.querySelectorAll('details.supporting a.support')].map(a => a.getAttribute('href')),
}))"""

READ_MARKS = """() => [...document.querySelectorAll('#articles mark')].map(m => ({
  id: m.id, cls: m.className, text: m.textContent,
  article: m.closest('details.article') ? m.closest('details.article').id : null,
}))"""

READ_ARTICLES = """() => [...document.querySelectorAll('#articles details.article')].map(d => ({
  id: d.id, open: d.open,
  summary: d.querySelector('summary') ? d.querySelector('summary').textContent : null,
  text: d.querySelector('div.text') ? d.querySelector('div.text').textContent : null,
}))"""

CLOSE_ALL = "() => { document.querySelectorAll('details').forEach(d => { d.open = false; }); window.scrollTo(0, 0); }"

READ_TARGET = """() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const r = t.getBoundingClientRect();
  const article = t.closest('details.article');
  const closed = [];
  for (let d = t.parentElement && t.parentElement.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
    if (!d.open) closed.push(d.id || d.className);
  }
  return {
    id: t.id, tag: t.tagName.toLowerCase(), cls: t.className, text: t.textContent,
    article: article ? article.id : null, closedAncestors: closed,
    top: r.top, bottom: r.bottom, width: r.width, height: r.height, innerHeight: window.innerHeight,
    visible: t.checkVisibility(), background: getComputedStyle(t).backgroundColor,
  };
}"""

# Everything a page could hold that runs code, loads something, or navigates somewhere unsafe.
READ_DANGER = """() => {
  const found = [];
  const risky = "script, iframe, frame, object, embed, img, image, base, form, input, button, foreignObject, use, link, meta[http-equiv='refresh' i]";
  for (const el of document.querySelectorAll(risky)) {
    found.push('element <' + el.tagName.toLowerCase() + '>');
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push('handler ' + attr.name + ' on <' + el.tagName.toLowerCase() + '>');
      if (/^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attr.name)) {
        const raw = attr.value;
        if (attr.name.toLowerCase() === 'srcdoc') { found.push('srcdoc on <' + el.tagName.toLowerCase() + '>'); continue; }
        let protocol;
        try { protocol = new URL(raw, document.baseURI).protocol; } catch (e) { protocol = 'unparsable:'; }
        const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw.replace(/[\\t\\n\\r]/g, '').trim());
        if (!['http:', 'https:', 'mailto:', 'file:'].includes(protocol) || (protocol === 'file:' && absolute)) {
          found.push(attr.name + '=' + JSON.stringify(raw) + ' (' + protocol + ') on <' + el.tagName.toLowerCase() + '>');
        }
      }
    }
  }
  return found;
}"""

READ_CSP = """() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map(m => ({
  content: m.getAttribute('content'), inHead: m.parentElement === document.head,
  beforeTitle: !document.querySelector('title') || !!(m.compareDocumentPosition(document.querySelector('title')) & Node.DOCUMENT_POSITION_FOLLOWING),
}))"""


@dataclass
class Tab:
    """One page in its own browser context, watched for dialogs (an ``alert`` from an injected script)."""

    page: Page
    context: BrowserContext
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path, fragment: str = "") -> None:
        """Load a local file (and optionally jump to ``#fragment``)."""
        self.page.goto(path.resolve().as_uri() + fragment)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def script_problems(self) -> list[str]:
        """Signs that something from an article ran or got in: the attack flag, dialogs, CSP violations, live markup, bad URLs."""
        problems = []
        flag = self.evaluate(f"() => window.{FLAG} === undefined ? null : String(window.{FLAG})")
        if flag is not None:
            problems.append(f"a script ran: window.{FLAG} = {flag!r}")
        problems += [f"dialog: {message}" for message in self.dialogs]
        problems += [f"CSP violation: {violation}" for violation in self.evaluate("() => window.__violations || ['the watch script did not run']")]
        problems += self.evaluate(READ_DANGER)
        return problems

    def csp_problems(self) -> list[str]:
        """The page's Content-Security-Policy meta must exist, come first, and forbid every script."""
        metas = self.evaluate(READ_CSP)
        if len(metas) != 1:
            return [f"{len(metas)} CSP meta elements"]
        meta = metas[0]
        directives = {part.split()[0]: part.split()[1:] for part in meta["content"].split(";") if part.strip()}
        problems = []
        if not meta["inHead"] or not meta["beforeTitle"]:
            problems.append("the CSP meta is not in <head> before <title>")
        if directives.get("default-src") != ["'none'"]:
            problems.append(f"default-src is {directives.get('default-src')}")
        if any(name.startswith("script-src") and value != ["'none'"] for name, value in directives.items()):
            problems.append(f"a script-src allows scripts: {meta['content']}")
        return problems


def new_tab(browser: Browser, viewport: dict[str, int]) -> Tab:
    """A fresh context and page at ``viewport``, with the violation watch installed and dialogs recorded (and dismissed)."""
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(WATCH)
    tab = Tab(page=context.new_page(), context=context)

    def on_dialog(dialog: Dialog) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.page.on("dialog", on_dialog)
    return tab


def anchor(article_id: int, start: int, end: int) -> str:
    """The fragment a citation of ``article_id`` (0-based) from ``start`` to ``end`` links to."""
    return f"#q-{article_id + 1}-{start}-{end}"


def click_and_read_target(tab: Tab, selector: str, index: int, href: str, before: str | None = None) -> dict[str, Any]:
    """Close every ``<details>`` and scroll to the top, run ``before``, click the ``index``-th match of ``selector`` (whose href is ``href``),
    wait for the fragment navigation, and describe the element it targets."""
    tab.evaluate(CLOSE_ALL)
    if before is not None:
        tab.evaluate(before)
    tab.page.locator(selector).nth(index).click()
    tab.page.wait_for_function("hash => location.hash === hash", arg=href)
    target: dict[str, Any] = tab.evaluate(READ_TARGET)
    assert target is not None, f"after clicking {href} nothing is :target"
    return target


def assert_shown(target: dict[str, Any], href: str) -> None:
    """The target is open (no closed ``<details>`` around it), laid out, highlighted and on screen."""
    assert target["closedAncestors"] == [], f"{href}: inside closed {target['closedAncestors']}"
    assert target["visible"] and target["width"] > 0 and target["height"] > 0, f"{href}: not visible: {target}"
    assert 0 <= target["top"] < target["innerHeight"], f"{href}: scrolled out of view: {target}"


def words(text: str) -> str:
    """Text with its whitespace runs read as one space: the page shows a quoted span on one line, and an
    article's line breaks as the browser lays them out."""
    return " ".join(text.split())


def check_briefing(tab: Tab, html: Path, data: dict[str, Any]) -> int:
    """The page shows ``data`` (its JSON) as the HTML contract says, and every citation link lands on its quote.

    Returns the number of citation links clicked.
    """
    tab.open(html)
    texts = {article["id"] + 1: article["text"] for article in data["articles"]}

    articles = tab.evaluate(READ_ARTICLES)
    assert [a["id"] for a in articles] == [f"article-{n}" for n in texts], "one details.article per article, in order"
    for shown, number in zip(articles, texts, strict=True):
        assert shown["text"] is not None and words(shown["text"]) == words(texts[number]), f"article-{number}: the page's text differs from the JSON's"

    marks = tab.evaluate(READ_MARKS)
    assert marks, "no marked quote in the articles"
    for mark in marks:
        match = ANCHOR.fullmatch(mark["id"])
        assert match, f"a mark's id is {mark['id']!r}"
        number, start, end = map(int, match.groups())
        assert mark["article"] == f"article-{number}", f"{mark['id']} sits in {mark['article']}"
        assert words(mark["text"]) == words(texts[number][start:end]), f"{mark['id']}: {mark['text']!r} != {texts[number][start:end]!r}"
    mark_ids = {mark["id"] for mark in marks}

    bullets = tab.evaluate(READ_BULLETS)
    assert [b["id"] for b in bullets] == [f"bullet-{k}" for k in range(1, len(data["bullets"]) + 1)]
    clicked = 0
    for k, (shown, bullet) in enumerate(zip(bullets, data["bullets"], strict=True), start=1):
        assert shown["sentences"] == 1 and shown["sentence"] == bullet["text"], f"bullet-{k}: {shown['sentence']!r} != {bullet['text']!r}"
        first: dict[int, dict[str, Any]] = {}
        for c in bullet["citations"]:
            first.setdefault(c["article_id"], c)  # one link per cited article: to its first citation there
        expected = {anchor(c["article_id"], c["start"], c["end"]): c for c in first.values()}
        links = [(cite["href"], cite["text"]) for cite in shown["cites"]]
        wanted = [(anchor(c["article_id"], c["start"], c["end"]), f"[{c['article_id'] + 1}]") for _, c in sorted(first.items())]
        assert links == wanted, f"bullet-{k}: one citation link per cited article, in source order: {links} != {wanted}"
        exact = 0
        for index, cite in enumerate(shown["cites"]):
            href, citation = cite["href"], expected[cite["href"]]
            target = click_and_read_target(tab, f"#bullet-{k} > a.cite", index, href)
            number = citation["article_id"] + 1
            assert target["id"] == href[1:] and target["tag"] == "mark" and "quote" in target["cls"].split(), f"{href}: {target}"
            assert target["article"] == f"article-{number}"
            assert_shown(target, href)
            assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{href}: not highlighted"
            assert words(target["text"]) == words(texts[number][citation["start"] : citation["end"]])
            if citation["similarity"] == 1.0:
                assert target["text"] == shown["sentence"], f"{href}: the highlighted text is not the bullet's sentence"
                exact += 1
            clicked += 1
        assert exact >= 1, f"bullet-{k}: no citation quotes its sentence exactly"
        for index, href in enumerate(shown["supports"]):
            assert href[1:] in mark_ids or re.fullmatch(r"#article-\d+", href), f"bullet-{k}: support link {href} has no target"
            open_supporting = f"() => document.querySelector('#bullet-{k} details.supporting').open = true"
            target = click_and_read_target(tab, f"#bullet-{k} details.supporting a.support", index, href, before=open_supporting)
            assert target["id"] == href[1:], f"{href}: {target}"
            assert_shown(target, href)
            clicked += 1

    sources = tab.evaluate("() => [...document.querySelectorAll('li[id^=\"source-\"]')].map(li => li.id)")
    assert sources == [f"source-{n}" for n in texts]
    links = tab.evaluate("() => [...document.querySelectorAll('a.source')].map(a => a.getAttribute('href'))")
    assert all(re.match(r"https?://", href) for href in links), links
    left_out = tab.evaluate("() => [...document.querySelectorAll('p.left-out')].map(p => p.textContent)")
    count = len(data["left_out"])
    if count:
        assert len(left_out) == 1 and re.search(rf"\b{count}\b", left_out[0]), f"p.left-out should count {count}: {left_out}"
    else:
        assert all(re.search(r"\b(0|no|none)\b", text, re.IGNORECASE) for text in left_out), f"nothing was left out: {left_out}"
    return clicked


def page_width(tab: Tab) -> tuple[int, int]:
    """The page's scroll width and the window's width."""
    width, inner = tab.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    return int(width), int(inner)


OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def fits(phone: Tab, page: Path) -> None:
    """The page at phone width, and again with every <details> open, is no wider than the window."""
    phone.open(page)
    width, inner = page_width(phone)
    assert inner == PHONE["width"]
    assert width <= inner, f"{page.name} is {width}px wide at {inner}px"
    phone.evaluate(OPEN_ALL)
    width, inner = page_width(phone)
    assert width <= inner, f"{page.name} with every <details> open is {width}px wide at {inner}px"
