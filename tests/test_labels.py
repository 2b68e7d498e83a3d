"""Labels name their bullet's topic as an editor would; titles name a story's actors and event (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.topics.labels import label_violations
from summarizer.topics.noun_phrases import noun_phrases, tokens_of
from summarizer.topics.titles import story_title
from summarizer.types import Article

MINERALS = "Reports say the United States wants greater control over Ukraine’s mineral and energy resources under a minerals deal."
WILLING = "Starmer said the UK and France would lead a “coalition of the willing” to back Ukraine."
TALKS = "The talks took place just days after the summit was cut short."


def test_possessives_split_with_their_offsets() -> None:
    tokens = tokens_of("Ukraine’s resources")
    assert [t for t, _, _ in tokens] == ["Ukraine", "’s", "resources"]
    assert [(s, e) for _, s, e in tokens] == [(0, 7), (7, 9), (10, 19)]


def test_noun_phrases_are_verbatim_and_never_possessive() -> None:
    found = [p.surface for p in noun_phrases(MINERALS, frozenset({"the", "a"}))]
    assert "minerals deal" in found and "energy resources" in found and "United States" in found
    assert all(surface in MINERALS for surface in found)
    assert not any(surface.endswith(("’s", "'s", "’")) for surface in found)


def test_of_phrases_are_candidates() -> None:
    assert "coalition of the willing" in [p.surface for p in noun_phrases(WILLING, frozenset({"the"}))]


@pytest.mark.parametrize(
    ("label", "text", "broken"),
    [
        ("Ukraine’s", MINERALS, "a possessive"),
        ("Took place just", TALKS, "verb form"),
        ("Cut short", TALKS, "verb form"),
        ("The talks", TALKS, "starts with the function word"),
        ("Sanctions", MINERALS, "not in its bullet"),
        ("United States wants greater control", MINERALS, "not 1-4"),
    ],
)
def test_bad_labels_are_caught(label: str, text: str, broken: str) -> None:
    problems = label_violations([label], [text])
    assert any(broken in problem for problem in problems), problems


def test_good_labels_pass_and_repeats_do_not() -> None:
    good = ["Minerals deal", "Coalition of the willing", "Energy resources"]
    assert label_violations(good, [MINERALS, WILLING, MINERALS]) == []
    assert any("repeated" in p for p in label_violations(["minerals deal", "Minerals deal"], [MINERALS, MINERALS]))


def test_title_names_actors_and_event_without_headlines() -> None:
    articles = [
        Article(id=0, text="Police arrested Augusto Pinochet in London. Spain wants Pinochet tried."),
        Article(id=1, text="Chile protested after Pinochet was held in London on a Spanish warrant."),
        Article(id=2, text="Former dictator Augusto Pinochet will fight extradition, his lawyers in London said."),
    ]
    title = story_title(articles, ["Pinochet", "extradition warrant", "London clinic"])
    assert title.startswith("Pinochet") and title.endswith(": extradition warrant"), title
    assert "," not in title and not title.startswith("Briefing")
    assert story_title([], []) == "Briefing"


@pytest.fixture(scope="module")
def seeds_briefing(seeds: Path, embedder):
    from summarizer import summarize

    return summarize(sorted(seeds.iterdir()), embedder=embedder)


def test_seed_labels_keep_the_rules(seeds_briefing) -> None:
    labels = [b.label for b in seeds_briefing.bullets]
    assert label_violations(labels, [b.text for b in seeds_briefing.bullets]) == [], labels
    lowered = {label.lower() for label in labels}
    for topic in ("coalition of the willing", "minerals deal", "sanctions", "defence spending"):
        assert topic in lowered, labels
    assert len(lowered) == len(labels)


def test_seed_title_is_a_headline(seeds_briefing) -> None:
    assert seeds_briefing.title in {a.title for a in seeds_briefing.articles if a.title}
