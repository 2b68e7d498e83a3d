"""The briefing as JSON, following schema/briefing.schema.json (versioned).

``articles[a].text[start:end]`` is exactly the text each citation points at;
``citations[0]`` of a bullet is the quoted sentence itself. Output is
deterministic: keys in a fixed order, floats rounded, no clock time.
Version 1.1 added ``skipped``; 1.2 added ``disagreements`` per bullet, and ``status`` and ``earlier`` with --since; 1.3
added ``over_time`` per disagreement. Non-ASCII text is written as is, except lone
surrogates and U+2028/U+2029, which are written as ``\\u`` escapes so the file
is valid UTF-8 and safe to paste into JavaScript.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from summarizer.types import Article, Briefing, Bullet, Disagreement, LeftOut, Skipped, Topic

SCHEMA_VERSION = "1.3"
UNSAFE_CHARS = re.compile(r"[\u2028\u2029\ud800-\udfff]")


def bullet_record(bullet: Bullet) -> dict[str, Any]:
    """One bullet, with its citations, support count, disagreements and runners-up (and, with --since,
    its status and the earlier sentence that decided it)."""
    record = {
        "label": bullet.label,
        "text": bullet.text,
        "score": bullet.score,
        "support": len(bullet.article_ids),
        "topic_id": bullet.topic_id,
        "topic_size": bullet.topic_size,
        "citations": [{"article_id": c.article_id, "start": c.start, "end": c.end, "similarity": c.similarity} for c in bullet.citations],
        "runners_up": [{"article_id": r.article_id, "start": r.start, "end": r.end, "text": r.text, "score": r.score} for r in bullet.runners_up],
        "disagreements": [disagreement_record(d) for d in bullet.disagreements],
    }
    if bullet.status:
        record["status"] = bullet.status
    if bullet.earlier:
        record["earlier"] = dataclasses.asdict(bullet.earlier)
    return record


def disagreement_record(disagreement: Disagreement) -> dict[str, Any]:
    """Sources that give the bullet's fact different figures: the kind, and each source's value and span."""
    values = [{"text": v.text, "value": v.value, "unit": v.unit, "article_id": v.article_id, "start": v.start, "end": v.end} for v in disagreement.values]
    return {"kind": disagreement.kind, "over_time": disagreement.over_time, "values": values}


def article_record(article: Article) -> dict[str, Any]:
    """One source article, its full text included so offsets can be checked."""
    return {
        "id": article.id,
        "ref": article.ref,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "date": article.date,
        "path": article.path,
        "text": article.text,
    }


def topic_record(topic: Topic, briefing: Briefing) -> dict[str, Any]:
    """A topic and the spans of its sentences."""
    spans = [briefing.sentences[i] for i in topic.sentence_ids]
    return {
        "id": topic.id,
        "label": topic.label,
        "sentences": [{"article_id": s.article_id, "start": s.start, "end": s.end} for s in spans],
    }


def left_out_record(item: LeftOut) -> dict[str, Any]:
    """A span no topic took, and why."""
    return {"article_id": item.article_id, "start": item.start, "end": item.end, "reason": item.reason}


def skipped_record(item: Skipped) -> dict[str, Any]:
    """An input that was not read, and why."""
    return {"path": item.path, "reason": item.reason}


def briefing_record(briefing: Briefing) -> dict[str, Any]:
    """The whole briefing as a JSON-ready dict."""
    return {
        "schema_version": SCHEMA_VERSION,
        "title": briefing.title,
        "bullets": [bullet_record(b) for b in briefing.bullets],
        "articles": [article_record(a) for a in briefing.articles],
        "topics": [topic_record(t, briefing) for t in briefing.topics],
        "left_out": [left_out_record(item) for item in briefing.left_out],
        "skipped": [skipped_record(item) for item in briefing.skipped],
        "provenance": briefing.provenance,
    }


def render_json(briefing: Briefing) -> str:
    """The briefing as indented JSON text ending in a newline."""
    text = json.dumps(briefing_record(briefing), ensure_ascii=False, indent=2)
    return UNSAFE_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
