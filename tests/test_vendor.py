"""Vendored third-party code stays as its source shipped it, sits below everything else, and replaces its package."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from summarizer.topics.noun_phrases import tag

VENDOR = Path(__file__).resolve().parents[1] / "summarizer" / "vendor"
PATTERN_TEXT_SHA256 = "d198f26dffcf573d49a7ff680a7bcf712fb15f8f195d1472b50aed6cbe2a6fb2"  # textblob 0.20.1's _text.py


def test_pattern_text_is_textblob_s_file_unchanged() -> None:
    digest = hashlib.sha256((VENDOR / "pattern" / "text.py").read_bytes()).hexdigest()
    assert digest == PATTERN_TEXT_SHA256
    assert PATTERN_TEXT_SHA256 in (VENDOR / "pattern" / "__init__.py").read_text(encoding="utf-8")


def test_every_vendored_folder_carries_its_licence() -> None:
    for folder in (path for path in VENDOR.iterdir() if path.is_dir() and path.name != "__pycache__"):
        assert list(folder.glob("LICENSE*")), folder


def test_vendored_code_imports_only_the_standard_library() -> None:
    source = (VENDOR / "pattern" / "text.py").read_text(encoding="utf-8")
    imported = {line.split()[1].split(".")[0] for line in source.splitlines() if line.startswith(("import ", "from "))}
    assert imported and imported <= set(sys.stdlib_module_names)


def test_tagging_loads_neither_textblob_nor_nltk() -> None:
    probe = (
        "from summarizer.topics.noun_phrases import tag; import sys; tag('The talks ended.');"
        " print(sorted(m for m in sys.modules if m.split('.')[0] in ('textblob', 'nltk')))"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_the_brill_tagger_reads_its_lexicon_and_chunks() -> None:
    tags = {t.text: (t.tag, t.chunk) for t in tag("Sanctions on Russian oil were lifted by the European Union on Monday.")}
    assert [tags[word][0] for word in ("Sanctions", "on", "oil", "the", "Monday", ".")] == ["NNS", "IN", "NN", "DT", "NNP", "."]
    assert [tags[word][1] for word in ("the", "European", "Union")] == ["B-NP", "I-NP", "I-NP"]
    assert tags["were"][1] == "B-VP" and tags["lifted"][1] == "I-VP"
