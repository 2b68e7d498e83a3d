"""Shared test helpers: seed dumps and output trees, hostile-page checks, made-up stories, a tiny briefing."""
