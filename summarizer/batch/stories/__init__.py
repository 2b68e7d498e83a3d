"""Cutting a period into stories: near-copies, the evidence, the fitted same-story model, the graph, and big stories."""
