"""Who sanctions name: "Ces sanctions visent X et Y", "Parmi les personnes visées figurent X, Y et
Z", "X et Y sont aussi visés", "19 individus sont visés par ces sanctions, parmi lesquels X" ->
``sanctions`` claims of each named actor, by the actor who imposed the sanctions.

The sentence names the targets but not who imposed the sanctions: that is the subject of the
latest ``sanctions`` claim before it in the article (none, no claim). Only verbs of aiming
(``aim_verbs``: viser, cibler, target) whose subject is a sanction, or whose passive form is said
in a sentence about sanctions, are read.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from kg.extract.context import PASSIVE_AGENT, SUBJ, Context, _case
from kg.extract.predicates import _is_passive, negated
from kg.extract.records import Actor, Claim
from kg.nlp import indices_where

_CONFIDENCE = 0.7
_PASSIVE_SUBJ = frozenset({"nsubj:pass", "nsubjpass"})
_AGENT = PASSIVE_AGENT | {"obl", "prep"}
_AMONG = frozenset({"parmi", "among", "including"})


def sanction_list_claims(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """A ``sanctions`` claim for each actor that an aim verb about sanctions names."""
    earlier = sorted(((c.trigger_start, c.subject) for c in claims if c.relation == "sanctions" and not c.negated
                      and c.trigger_start >= 0), key=lambda found: found[0])
    if not earlier:
        return []
    starts = [s for s, _ in earlier]
    words = ctx.lex.aim_verbs
    out: list[Claim] = []
    for k in indices_where(ctx.doc, lambda w: _aim_form(w, words)):
        tok = ctx.doc[k]
        at = bisect.bisect_right(starts, tok.idx) - 1
        if tok.lemma_.lower() not in words or tok.pos_ not in ("VERB", "ADJ") or at < 0 or negated(ctx, tok):
            continue
        hosts = _hosts(ctx, tok)
        if not hosts:
            continue
        agent = earlier[at][1]
        begin, end, evidence = ctx.evidence(tok.sent)
        seen: set[str] = {agent.key}
        for actor in _listed(ctx, tok, hosts):
            if actor.key not in seen:
                seen.add(actor.key)
                out.append(Claim(subject=agent, relation="sanctions", object=actor, sent_start=begin, sent_end=end,
                                 evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.verb.sanction-list",
                                 entry=f"{ctx.lang}.aim_verbs", confidence=_CONFIDENCE, trigger_start=tok.idx))
    return out


def _aim_form(word: str, aim_verbs: frozenset[str]) -> bool:
    """A cheap test on the word form: "visent", "visés", "ciblées", "targeted"."""
    word = word.lower()
    return any(word.startswith(v[:-2] if v.endswith("er") else v) for v in aim_verbs)


def _is_sanction(ctx: Context, tok: Token) -> bool:
    return ctx.lex.object_kind(tok.lemma_.lower()) == "Sanction"


def _hosts(ctx: Context, tok: Token) -> set[int]:
    """The verbs whose subjects may be the ones named, when the aim verb is about sanctions; an
    empty set when it is not: "ces sanctions visent X" (none: X is the object), "X sont visés (par
    ces sanctions)", "parmi les personnes visées figurent X"."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ]
    if any(_is_sanction(ctx, s) for s in subjects) and not _is_passive(tok):
        return {-1}
    if not (any(_is_sanction(ctx, c) for c in tok.children if c.dep_ in _AGENT) or _in_sanction_context(ctx, tok)):
        return set()
    if _is_passive(tok) or any(c.dep_ in _PASSIVE_SUBJ for c in tok.children):
        return {tok.i}  # "X et Y sont aussi visés"
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ == "NOUN" and any(
            c.lower_ in _AMONG for c in tok.head.children):  # "Parmi les personnes visées figurent X"
        return {tok.head.head.i}
    return set()


def _listed(ctx: Context, tok: Token, hosts: set[int]) -> list[Actor]:
    """The actors named bare in the sentence (no preposition before them, no subject of another
    verb, nothing inside the sanctions' own phrase): the people, bodies and states listed."""
    sent = tok.sent
    inside = {t.i for c in tok.children if c.dep_ in SUBJ | _AGENT and _is_sanction(ctx, c) for t in c.subtree}
    out = []
    for t in sent:
        if t.i in inside or t.i == tok.i or _case(t) not in (None, *_AMONG) or (
                t.dep_ in SUBJ and t.head.i not in hosts) or _said_by(ctx, t):
            continue
        actor = ctx.actors.actor_at(t)
        role = ctx.role_at.get(t.i)
        if actor is None and role is not None:
            actor = role.person
        if actor is not None and ctx.actors.actor_at(t.head) != actor:
            out.append(actor)
    return out


def _said_by(ctx: Context, tok: Token) -> bool:
    """The speaker of an inserted speech verb ("…, a déclaré Joe Biden"), or one conjoined to it."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.lemma_.lower() in ctx.lex.speech_verbs and tok.dep_ not in ("ccomp", "xcomp", "advcl", "parataxis")


def _in_sanction_context(ctx: Context, tok: Token) -> bool:
    """A sanction named in the sentence of ``tok`` or the one before it."""
    return any(_is_sanction(ctx, t) for t in ctx.doc[ctx._window_start(tok, 1):tok.sent.end])
