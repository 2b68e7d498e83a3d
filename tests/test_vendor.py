"""Vendored third-party code stays as its source shipped it, sits below everything else, and replaces its package."""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
from pathlib import Path

from summarizer.topics.noun_phrases import tag

VENDOR = Path(__file__).resolve().parents[1] / "summarizer" / "vendor"
PATTERN = {  # SHA-256 of TextBlob 0.20.1's textblob/_text.py and textblob/en/*.txt
    "text.py": "d198f26dffcf573d49a7ff680a7bcf712fb15f8f195d1472b50aed6cbe2a6fb2",
    "en/en-context.txt": "d78dc6807bdaacc8e69e3a3635ce2cee548a243eacce8aacbf1fe65093980131",
    "en/en-entities.txt": "568873e0ab9a807ad69640e5f0504e733983c424a3665425e07c24c8fa5bb51e",
    "en/en-lexicon.txt": "9545c71faf16e4461d0bff1d9948fe92b2cf94766af118a6c69c37b43363d5d2",
    "en/en-morphology.txt": "4032100aab324739d0f26fd32d13e2e0f58018066e9b76a0e4cd065bbfc0b248",
}


def test_pattern_files_are_textblob_s_unchanged() -> None:
    found = {path.relative_to(VENDOR / "pattern").as_posix() for path in (VENDOR / "pattern").rglob("*") if path.is_file()}
    assert {name for name in found if not name.startswith(("LICENSE", "__"))} == set(PATTERN)
    for name, digest in PATTERN.items():
        assert hashlib.sha256((VENDOR / "pattern" / name).read_bytes()).hexdigest() == digest, name
    assert PATTERN["text.py"] in (VENDOR / "pattern" / "__init__.py").read_text(encoding="utf-8")


def test_every_vendored_folder_carries_its_licence() -> None:
    for folder in (path for path in VENDOR.iterdir() if path.is_dir() and path.name != "__pycache__"):
        assert list(folder.glob("LICENSE*")), folder


def test_vendored_code_imports_only_the_standard_library() -> None:
    tree = ast.parse((VENDOR / "pattern" / "text.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported and {name.split(".")[0] for name in imported} <= set(sys.stdlib_module_names)


def test_tagging_runs_on_the_vendored_copy_with_textblob_and_nltk_blocked() -> None:
    probe = (
        "import sys; sys.modules.update(textblob=None, nltk=None);"  # an import of either now fails
        " from summarizer.topics.noun_phrases import tag; print(tag('The talks ended.')[1].tag, 'summarizer.vendor.pattern.text' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split() == ["NNS", "True"]


def test_the_brill_tagger_reads_its_lexicon_and_chunks() -> None:
    tags = {t.text: (t.tag, t.chunk) for t in tag("Sanctions on Russian oil were lifted by the European Union on Monday.")}
    assert [tags[word][0] for word in ("Sanctions", "on", "oil", "the", "Monday", ".")] == ["NNS", "IN", "NN", "DT", "NNP", "."]
    assert [tags[word][1] for word in ("the", "European", "Union")] == ["B-NP", "I-NP", "I-NP"]
    assert tags["were"][1] == "B-VP" and tags["lifted"][1] == "I-VP"
