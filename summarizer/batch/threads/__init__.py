"""Threads: each period's stories linked to those of earlier periods, and the files that follow them."""
