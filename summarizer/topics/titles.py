"""A story's title when none of its articles has a headline: its main actors and its core event.

The actors are the names most articles use (a name is a run of capitalised
words, "Augusto Pinochet", "Osama bin Laden", folded on its last word so that
"Pinochet" counts with "Augusto Pinochet"; a single capitalised word opening
a sentence is not taken for one); the event is the label of the briefing's
first bullet, the story's core, that is not a name already given:
"Pinochet: extradition warrant".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from summarizer.topics.noun_phrases import CALENDAR
from summarizer.types import Article

PARTICLE = r"(?:bin|al|el|de|da|di|du|del|der|van|von|la|le)"
NAME = re.compile(rf"(?:{PARTICLE}\s+)?[A-Z][\w’'.-]*(?:\s+(?:{PARTICLE}\s+)?[A-Z][\w’'.-]*)*")
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "sen",
        "rep",
        "gov",
        "president",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "judge",
        "justice",
        "chief",
        "former",
        "premier",
        "senator",
        "governor",
        "mayor",
    ]
)
SECOND_ACTOR = 0.6  # a second name joins the first when this share of the first's articles name it


def clean_name(name: str, stops: frozenset[str]) -> str:
    """The name without titles and function words at its ends, nor a possessive ("President Clinton's" -> "Clinton")."""
    name = re.sub(r"[’']s?$", "", name).rstrip(".")
    words = name.split()
    while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in stops or words[0].lower() in CALENDAR):
        words = words[1:]
    while words and (words[-1].lower() in stops or words[-1].lower() in CALENDAR):
        words = words[:-1]
    return " ".join(words)


def describes(name: str) -> bool:
    """True for a lone word the tagger's lexicon knows as an adjective ("Spanish", "Israeli"), or a unit ("Fahrenheit")."""
    from summarizer.topics.noun_phrases import pattern_parser

    if " " in name:
        return False
    return str(pattern_parser().lexicon.get(name, "")).startswith("JJ") or name.lower() in {"celsius", "fahrenheit"}


def names_in(text: str, stops: frozenset[str]) -> list[str]:
    """The names written in ``text`` (a lone capitalised word opening a sentence is not one)."""
    found = []
    for match in NAME.finditer(text):
        before = text[: match.start()].rstrip(" \"“‘'(")
        opening = not before or before[-1] in ".!?:\n"
        name = clean_name(match.group(), stops)
        if name and not (opening and " " not in match.group().strip()) and any(ch.islower() for ch in name) and not describes(name):
            found.append(name)
    return found


def main_actors(articles: Sequence[Article], stops: frozenset[str]) -> list[str]:
    """The story's most named actors, most articles first: one, or two when the second is nearly as widespread."""
    articles_naming: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for article in articles:
        keys = set()
        for name in names_in(article.text, stops):
            key = name.split()[-1].lower()
            forms.setdefault(key, Counter())[name] += 1
            keys.add(key)
        articles_naming.update(keys)
    ranked = sorted(articles_naming, key=lambda key: (-articles_naming[key], -sum(forms[key].values()), key))
    if not ranked or articles_naming[ranked[0]] < min(2, len(articles)):
        return []
    actors = [written(forms[ranked[0]])]
    if len(ranked) > 1 and articles_naming[ranked[1]] >= SECOND_ACTOR * articles_naming[ranked[0]] and articles_naming[ranked[1]] >= 2:
        second = written(forms[ranked[1]])
        if second[:5].lower() != actors[0][:5].lower():  # not "Israel and Israeli", "Swissair Flight and Swissair"
            actors.append(second)
    return actors


def written(forms: Counter[str]) -> str:
    """The most frequent way a name is written (the shorter on ties), its first letter capitalised."""
    best = min(forms, key=lambda form: (-forms[form], len(form), form))
    return best[:1].upper() + best[1:]


def story_title(articles: Sequence[Article], labels: Sequence[str]) -> str:
    """The title "Actor: event" (or "Actor and Actor: event") from the names and the first bullet's label; "Briefing" when empty."""
    from summarizer.text.words import stop_words

    actors = main_actors(articles, stop_words())
    named = {word.lower() for actor in actors for word in actor.split()}
    events = [label for label in labels if not {word.lower() for word in label.split()} & named]
    things = [label for label in events if not all(word[:1].isupper() for word in label.split())]  # an event, not another name
    event = (things or events or [""])[0]
    who = " and ".join(actors)
    if who and event:
        return f"{who}: {event}"
    head = who or event
    return head[:1].upper() + head[1:] if head else "Briefing"
