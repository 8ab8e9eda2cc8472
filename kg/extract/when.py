"""Time and place of an event: ``jeudi``, ``cette semaine``, ``en janvier``,
``en 2008``, ``à Riyad`` — resolved against the article's date when known."""
from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.tokens import Span, Token

from kg.extract.calendar import DAYS, MONTHS
from kg.extract.context import Context
from kg.extract.records import Actor

_RELATIVE = {"fr": ("cette semaine", "la semaine dernière", "hier", "aujourd'hui", "ce mois-ci", "le mois dernier"),
             "en": ("this week", "last week", "yesterday", "today", "this month", "last month")}
_PLACE_PREPS = frozenset({"à", "a", "in", "at"})


def time_of(ctx: Context, tok: Token) -> str | None:
    """The time expression of the predicate's sentence, nearest to the predicate."""
    sent: Span = tok.sent
    found = ctx.cache.get(("times", sent.start))
    if found is None:  # once per sentence, whatever the number of predicates in it
        found = ctx.cache[("times", sent.start)] = _times(ctx, sent)
    times, relative = found
    if times:
        return min(times, key=lambda it: abs(it[0] - tok.i))[1]
    return relative


def _times(ctx: Context, sent: Span) -> tuple[list[tuple[int, str]], str | None]:
    """The time expressions of a sentence (token index, text), and its relative phrase if any."""
    days = set(DAYS.get(ctx.lang, ()))
    months = set(MONTHS.get(ctx.lang, ()))
    out: list[tuple[int, str]] = []
    for t in sent:
        low = t.lower_
        cand = None
        if low in days:
            cand = t.text
        elif low in months:
            nxt = t.nbor(1) if t.i + 1 < sent.end else None
            cand = t.text + (f" {nxt.text}" if nxt is not None and nxt.like_num and len(nxt.text) == 4 else "")
        elif t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") and t.i > sent.start and \
                t.nbor(-1).lower_ in ("en", "in"):
            cand = t.text
        if cand is not None:
            out.append((t.i, cand))
    text = ctx.text[sent.start_char:sent.end_char].lower()
    return out, next((phrase for phrase in _RELATIVE.get(ctx.lang, ()) if phrase in text), None)


@functools.lru_cache(maxsize=4096)
def resolve_date(text: str, base: str | None, lang: str) -> str | None:
    """ISO date of a time expression relative to the article's date (None if unknown).

    >>> resolve_date("jeudi", "2025-02-20", "fr")   # 20 Feb 2025 is a Thursday
    '2025-02-20'
    >>> resolve_date("mardi", "2025-02-20", "fr")
    '2025-02-18'
    """
    if not base:
        return None
    try:
        ref = dt.date.fromisoformat(base[:10])
    except ValueError:
        return None
    low = text.lower()
    days = DAYS.get(lang, [])
    if low in days:  # the last such day on or before the article's date
        delta = (ref.weekday() - days.index(low)) % 7
        return (ref - dt.timedelta(days=delta)).isoformat()
    if re.fullmatch(r"(19|20)\d\d", low):
        return None  # a year alone is kept as text
    import dateparser

    when = dateparser.parse(text, languages=[lang], settings={
        "RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past"})
    return when.date().isoformat() if when else None


def place_of(ctx: Context, tok: Token) -> Actor | None:
    """``à Riyad`` / ``in Riyadh``: a place named with a locative preposition in the sentence;
    a capital that elsewhere stands for its state is here the place ("à Pékin")."""
    from kg.extract.mentions import slug

    for t in tok.sent:
        prev = ctx.doc[t.i - 1] if t.i > 0 else None
        if prev is None or prev.lower_ not in _PLACE_PREPS or not t.text[:1].isupper():
            continue
        if t.i in ctx.actors.places and t.i not in ctx.actors.by_token:
            name = ctx.actors.places[t.i]
        elif t.i in ctx.actors.by_token and ctx.actors.by_token[t.i].cls in ("State",):
            span = ctx.actors.span_of(t)
            name = span.text if span is not None else t.text
        else:
            continue
        return Actor(key=f"place-{slug(name)}", cls="Place", label=name, lang=ctx.lang)
    return None
