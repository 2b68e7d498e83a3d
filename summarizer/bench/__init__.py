"""``summarizer bench``: systems scored against human summaries with ROUGE, side by side."""
