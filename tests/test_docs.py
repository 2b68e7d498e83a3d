"""The docs stay in step: a short README, every page in the site's navigation, every public field documented."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import summarizer.types as public_types

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_reads_in_five_minutes_and_links_every_docs_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("\n") < 150
    pages = {path.name for path in (ROOT / "docs").glob("*.md")} - {"index.md"}
    assert pages and all(f"](docs/{page})" in readme for page in pages)


def test_every_docs_page_is_in_the_site_navigation() -> None:
    nav = set(re.findall(r"^\s*- [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE))
    assert nav == {path.name for path in (ROOT / "docs").glob("*.md")}


def test_every_field_of_every_public_type_is_documented() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^### |\Z)", api, re.MULTILINE | re.DOTALL))
    kinds = [value for value in vars(public_types).values() if dataclasses.is_dataclass(value) and value.__module__ == public_types.__name__]
    assert len(kinds) >= 10
    for kind in kinds:
        assert kind.__name__ in sections, f"docs/api.md has no section for {kind.__name__}"
        missing = [field.name for field in dataclasses.fields(kind) if f"| `{field.name}` |" not in sections[kind.__name__]]
        assert not missing, f"{kind.__name__}: fields missing from docs/api.md: {missing}"
