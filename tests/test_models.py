"""Model lookup: the packaged default, a folder by path, a folder in models/, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summarizer.embed import models
from summarizer.embed.models import default_model, resolve_model
from summarizer.errors import ModelError


def test_default_model_comes_from_its_package() -> None:
    spec = resolve_model(None)
    assert spec.name == default_model() == "all-MiniLM-L6-v2"
    assert (spec.path / "model.safetensors").is_file()
    assert spec.dimension == 384


def test_a_folder_given_by_path_is_used(tmp_path: Path) -> None:
    source = resolve_model(None).path
    target = tmp_path / "my-model"
    shutil.copytree(source, target)
    assert resolve_model(str(target)).path == target.resolve()


def test_a_folder_dropped_in_models_dir_is_found_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(Path(models.__file__).resolve().parents[2] / "models" / "manifest.json", tmp_path / "manifest.json")
    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "config.json").write_text("{}")
    monkeypatch.setenv(models.MODELS_ENV, str(tmp_path))
    models.manifest.cache_clear()
    try:
        assert resolve_model("tiny").path == (tmp_path / "tiny").resolve()
    finally:
        models.manifest.cache_clear()


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError) as caught:
        resolve_model("no-such-model")
    assert "unknown model 'no-such-model'" in str(caught.value)
    assert "all-MiniLM-L6-v2" in str(caught.value)
