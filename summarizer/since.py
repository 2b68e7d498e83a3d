"""What is new since earlier briefings: each bullet marked new, update or reported against them.

The earlier briefings (JSON files, or folders such as a ``batch`` output,
searched for briefing JSON) give what the reader already had: their bullets
and every sentence of their articles. A bullet is *reported* when an earlier
sentence carries its claim, by the rule a citation follows (embedding
cosine 0.85 or more, the same figures); an *update* when an earlier sentence
states the same fact with other figures, by the rule a disagreement follows
(cosine 0.8, a third of the words shared), or when the bullet says it
revises a figure ("raised", "now") that an earlier sentence sharing a third
of its words gives differently, in any wording; else it is *new*. This is the
update summarisation task of TAC 2008-2011 ("what is new since the documents
already read"), decided per sentence as novelty detection does (Allan, Wade
& Bolivar, "Retrieval and Novelty Detection at the Sentence Level", SIGIR 2003).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summarizer.embed.embedder import Encoder
from summarizer.errors import InputError
from summarizer.facts.compare import Difference, carries_figures, differences, shared_words
from summarizer.facts.timeline import revises, says_revised
from summarizer.rank.bullets import CITATION_THRESHOLD, DISAGREEMENT_THRESHOLD, DISAGREEMENT_WORDS
from summarizer.types import Briefing, Bullet, EarlierMatch

STATUSES = ("new", "update", "reported")


def briefing_files(given: str) -> list[Path]:
    """The JSON files a --since argument names: the file, or every ``*.json`` under the folder, sorted."""
    path = Path(given)
    if path.is_dir():
        return sorted(p for p in path.rglob("*.json") if p.is_file() and not p.name.startswith("."))
    if path.is_file():
        return [path]
    raise InputError(f"{given}: no such briefing file or folder (--since takes a briefing's JSON or a folder of them)")


def read_briefing(path: Path, explicit: bool) -> dict[str, Any] | None:
    """A briefing record (JSON with bullets and articles); None for other JSON found in a folder."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        if explicit:
            raise InputError(f"{path}: not a briefing's JSON ({type(error).__name__}); give the JSON that `brief -f json` or `batch` wrote") from None
        return None
    if isinstance(record, dict) and isinstance(record.get("bullets"), list) and isinstance(record.get("articles"), list):
        return record
    if explicit:
        raise InputError(f"{path}: JSON, but not a briefing (no bullets and articles); give the JSON that `brief -f json` or `batch` wrote")
    return None


def sentences_of(record: dict[str, Any], where: str) -> Iterator[EarlierMatch]:
    """An earlier briefing's bullets, then every sentence of its articles."""
    from summarizer.text.split import split_sentences

    articles = {int(a.get("id", i)): a for i, a in enumerate(record["articles"]) if isinstance(a, dict)}

    def earlier(text: str, article: dict[str, Any]) -> EarlierMatch:
        ref, title, source, date = (str(article.get(name, "")) for name in ("ref", "title", "source", "date"))
        return EarlierMatch(text, ref, title, source, date, briefing=where, similarity=0.0)

    for bullet in record["bullets"]:
        cited = bullet.get("citations") or [{}]
        yield earlier(str(bullet.get("text", "")), articles.get(int(cited[0].get("article_id", -1)), {}))
    for article in articles.values():
        text = str(article.get("text", ""))
        for start, end in split_sentences(text):
            yield earlier(text[start:end], article)


def read_earlier(paths: Sequence[str]) -> list[EarlierMatch]:
    """Every sentence of the earlier briefings named (files, or folders of them), each text once."""
    found: dict[str, EarlierMatch] = {}
    for given in paths:
        explicit = not Path(given).is_dir()
        for path in briefing_files(given):
            record = read_briefing(path, explicit)
            for sentence in sentences_of(record, str(path)) if record else ():
                if sentence.text.strip():
                    found.setdefault(sentence.text, sentence)
    if not found:
        raise InputError(f"--since {' '.join(paths)}: no earlier briefing found there")
    return list(found.values())


def status_of(bullet: Bullet, similarities: np.ndarray, earlier: Sequence[EarlierMatch]) -> tuple[str, EarlierMatch | None]:
    """new, update or reported, and the earlier sentence that decided it. A bullet that says it revises a figure
    ("raised its estimate to €45m") updates an earlier sentence that gives the figure differently and shares
    ``DISAGREEMENT_WORDS`` of its words, however other its wording (the rule ``rank.bullets.revisions`` follows)."""
    order = sorted(range(len(earlier)), key=lambda i: (-round(float(similarities[i]), 4), i))
    for index in order:
        similarity = float(similarities[index])
        if similarity < DISAGREEMENT_THRESHOLD:
            break
        other = earlier[index]
        found = differences(bullet.text, other.text)
        if found and shared_words(bullet.text, other.text) >= DISAGREEMENT_WORDS:
            return "update", match_of(other, similarity, found)
        if not found and similarity >= CITATION_THRESHOLD and carries_figures(bullet.text, other.text):
            return "reported", match_of(other, similarity)
    for index in order if says_revised(bullet.text) else ():
        other = earlier[index]
        found = differences(bullet.text, other.text) if revises(bullet.text, other.text, DISAGREEMENT_WORDS) else []
        if found:
            return "update", match_of(other, float(similarities[index]), found)
    return "new", None


def match_of(sentence: EarlierMatch, similarity: float, changed: Sequence[Difference] = ()) -> EarlierMatch:
    """The earlier sentence a bullet was matched with, how similar they are, and the earlier figures that changed."""
    was = tuple(dict.fromkeys(difference.second.text for difference in changed))
    return dataclasses.replace(sentence, similarity=round(similarity, 4), was=was)


def mark_new(briefing: Briefing, earlier: Sequence[EarlierMatch], encoder: Encoder, only_new: bool = False) -> Briefing:
    """The briefing with every bullet marked against the earlier sentences: new and updated bullets first
    (each group in its own order), then those already reported, dropped with ``only_new``."""
    if not briefing.bullets:
        return briefing
    bullets = np.asarray(encoder.encode([b.text for b in briefing.bullets]))
    known = np.asarray(encoder.encode([s.text for s in earlier]))
    marked = []
    for bullet, row in zip(briefing.bullets, bullets @ known.T, strict=True):
        status, match = status_of(bullet, row, earlier)
        marked.append(dataclasses.replace(bullet, status=status, earlier=match))
    fresh = [b for b in marked if b.status != "reported"]
    kept = fresh if only_new else fresh + [b for b in marked if b.status == "reported"]
    return dataclasses.replace(briefing, bullets=tuple(kept))
