"""Real-browser tests: headless Chromium (Debian's ``chromium``) driven by Playwright for Python."""
