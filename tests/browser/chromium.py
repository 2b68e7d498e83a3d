"""Finding and launching the system Chromium, for the browser tests and the README screenshot alike.

Playwright drives the browser the machine already has (Debian's ``chromium``) through
``executable_path``; ``playwright install`` (which downloads a browser build) is never needed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

ENV_VAR = "SUMMARIZER_CHROMIUM"
NAMES = ("chromium", "chromium-browser")
INSTALL_HINT = f"install Debian's chromium (apt-get install chromium, as .ci/run does) or set {ENV_VAR} to a Chromium binary"


def chromium_path() -> str | None:
    """The Chromium to drive: ``$SUMMARIZER_CHROMIUM`` when set (even if wrong, so a typo is not silently replaced), else the first on PATH."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return chosen
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: pip install -e '.[dev]'"
    path = chromium_path()
    if path is None:
        return f"no Chromium on PATH: {INSTALL_HINT}"
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        return f"{ENV_VAR}={path} is not an executable file"
    return None


def launch_args() -> list[str]:
    """Chromium's flags: no sandbox as root (Chromium refuses to start otherwise), and /tmp rather than a small /dev/shm."""
    args = ["--disable-dev-shm-usage"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium from the system, started through Playwright."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(f"no Chromium: {INSTALL_HINT}")
    return playwright.chromium.launch(executable_path=path, args=launch_args(), headless=True)
