"""At phone width (375 px) no page scrolls sideways, with its articles closed or open."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import Built
from tests.browser.pages import PHONE, Tab, page_width

OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def fits(phone: Tab, page: Path) -> None:
    phone.open(page)
    width, inner = page_width(phone)
    assert inner == PHONE["width"]
    assert width <= inner, f"{page.name} is {width}px wide at {inner}px"
    phone.evaluate(OPEN_ALL)
    width, inner = page_width(phone)
    assert width <= inner, f"{page.name} with every <details> open is {width}px wide at {inner}px"


def test_the_seeds_page_fits_a_phone(phone: Tab, seeds_page: Built) -> None:
    fits(phone, seeds_page.html)


def test_the_hostile_page_fits_a_phone(phone: Tab, hostile_page: Built) -> None:
    fits(phone, hostile_page.html)  # long unbroken URLs and markup in titles


def test_every_page_of_a_batch_site_fits_a_phone(phone: Tab, batch_site: Path) -> None:
    pages = sorted(batch_site.rglob("*.html"))
    assert any(page.name.startswith("story-") for page in pages)
    for page in pages:
        fits(phone, page)
