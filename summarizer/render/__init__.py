"""Renderers: Markdown (default), JSON (versioned schema) and HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from summarizer.render.html import render_html
from summarizer.render.json_render import render_json
from summarizer.render.markdown import render_markdown
from summarizer.types import Briefing

Format = Literal["md", "json", "html"]  # the command line offers exactly these
FORMATS: tuple[str, ...] = get_args(Format)
RENDERERS: dict[str, Callable[[Briefing], str]] = {"md": render_markdown, "json": render_json, "html": render_html}


def render(briefing: Briefing, fmt: str = "md") -> str:
    """The briefing as the CLI prints it: ``md`` (Markdown), ``json`` or ``html``."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(RENDERERS)}")
    return RENDERERS[fmt](briefing)
