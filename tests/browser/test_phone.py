"""At phone width (375 px) no page scrolls sideways, with its articles closed or open."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import Built
from tests.browser.pages import Tab, fits


def test_the_seeds_page_fits_a_phone(phone: Tab, seeds_page: Built) -> None:
    fits(phone, seeds_page.html)


def test_the_hostile_page_fits_a_phone(phone: Tab, hostile_page: Built) -> None:
    fits(phone, hostile_page.html)  # long unbroken URLs and markup in titles


def test_every_page_of_a_batch_site_fits_a_phone(phone: Tab, batch_site: Path) -> None:
    pages = sorted(batch_site.rglob("*.html"))
    assert any(page.name.startswith("story-") for page in pages)
    for page in pages:
        fits(phone, page)
