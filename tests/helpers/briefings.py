"""A tiny briefing built by hand, with every part a renderer shows."""

from __future__ import annotations

from summarizer.types import Article, Briefing, Bullet, Citation, LeftOut, RunnerUp, Sentence, Topic


def tiny_briefing() -> Briefing:
    first = Article(id=0, text="Allies agreed <no> easing of sanctions. Talks go on.", title="Sanctions stay", source="Wire", url="https://x.org/a")
    second = Article(id=1, text="Headline\nThe allies agreed no easing of sanctions.", path="b.txt")
    own, duplicate, heading = (
        span(first, "Allies agreed <no> easing of sanctions."),
        span(second, "The allies agreed no easing of sanctions."),
        span(second, "Headline"),
    )
    sentences = (Sentence(0, 0, *own, first.text[slice(*own)]), Sentence(1, 0, *duplicate, second.text[slice(*duplicate)]))
    bullet = Bullet(
        topic_id=0,
        label="sanctions",
        text=sentences[0].text,
        score=0.8,
        citations=(Citation(0, *own), Citation(1, *duplicate, 0.93)),
        runners_up=(RunnerUp(1, *duplicate, sentences[1].text, 0.7),),
        topic_size=2,
    )
    return Briefing(
        title="Briefing: sanctions",
        bullets=(bullet,),
        articles=(first, second),
        topics=(Topic(0, "sanctions", (0, 1)),),
        sentences=sentences,
        left_out=(LeftOut(1, *heading, "heading"),),
        provenance={"tool": "summarizer", "version": "0", "model": "m", "options": {}, "inputs": [], "counts": {}},
    )


def span(article: Article, text: str) -> tuple[int, int]:
    """Where ``text`` stands in the article (computed, so the fixture cannot drift from its text)."""
    start = article.text.index(text)
    return start, start + len(text)
