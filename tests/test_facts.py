"""Figures in sentences, where sources differ on them, and citations that must carry the claim."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import numpy as np
import pytest

from summarizer.facts.compare import carries_figures, differences, shared_words
from summarizer.facts.figures import figures
from summarizer.rank.bullets import citations_for
from summarizer.render import render
from summarizer.types import Article, Briefing, Bullet, Citation, Disagreement, Sentence, StatedValue
from tests.conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "schema" / "briefing.schema.json").read_text())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The UK pledged £2.2 billion ($2.84 billion) in loans.", [("£2.2 billion", 2.2e9, "GBP"), ("$2.84 billion", 2.84e9, "USD")]),
        ("At least 7,000 people died, officials said.", [("7,000 people", 7000, "people")]),
        ("About 10,000 Turkish soldiers crossed into Iraq.", [("10,000 Turkish soldiers", 10000, "soldier")]),
        ("Unemployment rose to 5.4 percent in March 2025.", [("5.4 percent", 5.4, "%")]),
        ("Mrs Clinton spoke of a dlrs 39 million grant.", [("dlrs 39 million", 39e6, "USD")]),
        ("Seven people were killed and three hundred injured.", [("Seven people", 7, "people"), ("three hundred injured", 300, "injured")]),
        ("A Boeing 737 crashed in 1998 at 10:30 on the 3rd day.", []),
        ("The aftershock struck at 08:32:22 UTC, 28.4 kilometers deep.", [("28.4 kilometers", 28.4, "kilometer")]),
        ("Thirty-one container ships were waiting.", [("Thirty-one container", 31, "container")]),
        (
            "About six thousand five hundred dockers and two hundred and five pilots struck.",
            [("six thousand five hundred dockers", 6500, "docker"), ("two hundred and five pilots", 205, "pilot")],
        ),
        ("A dozen people were hurt and two dozen cars burned.", [("A dozen people", 12, "people"), ("two dozen cars", 24, "car")]),
        ("Half of the ships were diverted to a port with a third of the capacity.", [("Half", 50, "%"), ("a third", 100 / 3, "%")]),
        ("The cost rose to €45m a day, from 2.5 million euros.", [("€45m", 45e6, "EUR"), ("2.5 million euros", 2.5e6, "EUR")]),
        ("No one was hurt; one of the men, a thirty-one-year-old, fled in the twenty twenty final.", []),
    ],
)
def test_figures_with_their_values_and_units(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = figures(sentence)
    assert [(f.text, f.value, f.unit) for f in found] == expected
    assert all(sentence[f.start : f.end] == f.text for f in found)


def test_numbers_in_words_are_compared_as_figures() -> None:
    thirty_one = "Thirty-one container ships were waiting off the port on Thursday."
    assert [d.second.value for d in differences(thirty_one, "By Tuesday afternoon, 23 container ships were waiting off the port.")] == [23]
    assert differences(thirty_one, "Twelve ships were waiting off the port on Thursday.")
    assert not carries_figures(thirty_one, "Twenty-three container ships were waiting off the port.")
    assert carries_figures("About 6,500 dockers joined the strike.", "Some six thousand five hundred dockers walked out.")
    assert differences("Half of the ships were diverted.", "Just 20% of the ships were diverted.")


def test_a_conversion_or_a_rounding_is_not_a_disagreement() -> None:
    pledge = "The UK pledged £2.2 billion ($2.84 billion) in loans to Ukraine."
    assert differences(pledge, "Britain will lend £2.2 billion to Ukraine.") == []
    assert differences(pledge, "Britain will lend $2.8 billion to Ukraine.") == []
    assert carries_figures(pledge, "Britain will lend $2.8 billion to Ukraine.")
    assert differences("Nearly 300 people were evacuated.", "298 people were evacuated.") == []
    assert differences("The quake killed 7,000 people.", "The quake killed 7,134 people.") == []


def test_different_figures_for_one_fact_differ() -> None:
    found = differences("At least 7,000 dead, officials said.", "The toll rose to 9,000 dead on Tuesday.")
    assert [(d.kind, d.first.text, d.second.text) for d in found] == [("count", "7,000 dead", "9,000 dead")]
    assert differences("Unemployment rose to 5.4 percent.", "Unemployment rose to 5.6 percent.")[0].kind == "percent"
    assert differences("The UK pledged £2.2 billion ($2.84 billion).", "Britain will lend $3.1 billion.")[0].second.text == "$3.1 billion"
    assert differences("7,000 people died.", "9,000 homes were lost.") == []  # counts of other things


def sentence_set(texts: list[str]) -> tuple[list[Sentence], np.ndarray]:
    sentences = [Sentence(i, 0, 10, 10 + len(t), t) for i, t in enumerate(texts)]
    return sentences, np.arange(len(texts))


def test_a_citation_carries_the_claim_and_a_close_rewrite_with_other_figures_is_a_disagreement() -> None:
    sentences, article_of = sentence_set(
        [
            "At least 14 people died when the ferry capsized off the coast on Sunday.",
            "At least 14 people died when the ferry capsized off the coast, officials said.",
            "A ferry carrying more than 120 passengers capsized off the coast on Sunday.",
            "At least 20 people died when the ferry capsized off the coast on Sunday.",
            "The ferry capsized off the coast on Sunday, officials said.",
        ]
    )
    similarity = np.full((5, 5), 0.9)
    similarity[0, 4] = similarity[4, 0] = 0.8  # about the event, below the citation threshold
    np.fill_diagonal(similarity, 1.0)
    cited, differ = citations_for(0, sentences, similarity, article_of, fold=True)
    assert [c.article_id for c in cited] == [0, 1]
    assert len(differ) == 1 and differ[0].kind == "count"
    assert [(v.text, v.article_id) for v in differ[0].values] == [("14 people", 0), ("20 people", 3)]
    assert all(sentences[v.article_id].text[v.start - 10 : v.end - 10] == v.text for v in differ[0].values)
    assert shared_words(sentences[0].text, sentences[3].text) > 0.8


def test_an_article_that_gives_the_figure_elsewhere_does_not_differ() -> None:
    """ "32 people" in Poland and "62 people" throughout Europe: the second article also says 32 in Poland."""
    poland = "An Arctic cold wave that hit Poland a week ago has killed 32 people, police said Monday."
    europe = "An Arctic cold wave and blizzards have killed 62 people throughout Europe, police said Monday."
    sentences = [Sentence(0, 0, 0, len(poland), poland), Sentence(1, 0, 0, len(europe), europe)]
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    assert citations_for(0, sentences, similarity, np.array([0, 1]), fold=True)[1] != ()
    also = "In Poland, 32 people died, most of them homeless, police said."
    sentences.append(Sentence(1, 1, 100, 100 + len(also), also))
    similarity = np.array([[1.0, 0.9, 0.5], [0.9, 1.0, 0.5], [0.5, 0.5, 1.0]])
    assert citations_for(0, sentences, similarity, np.array([0, 1, 1]), fold=True)[1] == ()


def briefing_with_disagreement(figure_text: str = "9,000 dead", over_time: bool = True) -> Briefing:
    first = Article(0, "At least 7,000 dead, officials said.", title="One", date="2025-03-01")
    second = Article(1, f"The toll rose to {figure_text} on Tuesday.", title="Two", date="2025-03-02")
    start = second.text.index(figure_text)
    values = (StatedValue("7,000 dead", 7000, "dead", 0, 9, 19), StatedValue(figure_text, 9000, "dead", 1, start, start + len(figure_text)))
    bullet = Bullet(0, "toll", first.text, 0.5, (Citation(0, 0, len(first.text)),), topic_size=1, disagreements=(Disagreement("count", values, over_time),))
    return Briefing(
        "Quake", (bullet,), (first, second), provenance={"tool": "summarizer", "version": "0", "model": "m", "options": {}, "inputs": [], "counts": {}}
    )


def test_disagreements_in_json_markdown_and_html() -> None:
    briefing = briefing_with_disagreement()
    record = json.loads(render(briefing, "json"))
    values = record["bullets"][0]["disagreements"][0]["values"]
    assert [(v["text"], v["article_id"]) for v in values] == [("7,000 dead", 0), ("9,000 dead", 1)]
    assert all(record["articles"][v["article_id"]]["text"][v["start"] : v["end"]] == v["text"] for v in values)
    markdown = render(briefing, "md")
    assert "  - Changed over time: 7,000 dead [1] (2025-03-01), 9,000 dead [2] (2025-03-02)" in markdown
    undated = dataclasses.replace(briefing_with_disagreement(over_time=False), articles=tuple(dataclasses.replace(a, date="") for a in briefing.articles))
    assert "  - Sources differ: 7,000 dead [1], 9,000 dead [2]" in render(undated, "md")
    assert json.loads(render(briefing, "json"))["bullets"][0]["disagreements"][0]["over_time"] is True
    html = render(briefing, "html")
    lead = '<p class="differ">Changed over time: 7,000 dead <a class="cite" href="#q-1-0-36">[1]</a> (2025-03-01), '
    lead += '9,000 dead <a class="cite" href="#q-2-17-27">[2]</a>'
    assert lead in html and '<mark class="figure" id="q-2-17-27">9,000 dead</mark>' in html  # a figure inside the quote links to the quote


def test_json_with_disagreements_follows_the_schema() -> None:
    record = json.loads(render(briefing_with_disagreement(), "json"))
    record["provenance"] = {"tool": "summarizer", "version": "0", "model": "m", "options": {}, "inputs": [], "counts": {}}
    jsonschema.validate(record, SCHEMA)
    record["bullets"][0]["disagreements"][0]["values"] = record["bullets"][0]["disagreements"][0]["values"][:1]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


def test_a_hostile_figure_text_stays_text() -> None:
    briefing = briefing_with_disagreement("9,000 dead](javascript:x) <b>")
    from markdown_it import MarkdownIt

    shown = MarkdownIt("commonmark").render(render(briefing, "md"))
    assert 'href="javascript' not in shown and "<b>" not in shown
    assert "<b>" not in render(briefing, "html") and "&lt;b&gt;" in render(briefing, "html")


def test_the_seeds_briefing_flags_no_disagreement() -> None:
    """The seed articles state amounts in two currencies ('£1.6 billion ($2 billion)'): no false flag."""
    done = run_cli("brief", str(ROOT / "seeds"), "--format", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["bullets"] and all(bullet["disagreements"] == [] for bullet in record["bullets"])
    assert any("$" in bullet["text"] and "£" in bullet["text"] for bullet in record["bullets"])


def test_a_real_cluster_whose_reports_differ_is_flagged(embedder) -> None:
    """DUC 2003's Typhoon Babs cluster (from ../shared/data): one report counts six drownings, the next 18."""
    from summarizer import summarize
    from tests.conftest import SHARED_DATA

    path = SHARED_DATA / "duc2003_task2.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data is absent")
    cluster = next(c for c in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if c["id"] == "d31011t")
    briefing = summarize([Article(i, d["text"]) for i, d in enumerate(cluster["documents"])], embedder=embedder)
    flagged = [[v.text for v in d.values] for b in briefing.bullets for d in b.disagreements]
    assert flagged == [["six drownings", "18 drownings"]]
