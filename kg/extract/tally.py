"""Vote tallies that name the voters in brackets: "approuvé par 12 voix, deux contre (Russie et
Bolivie) et une abstention (Chine)", "adopted by 187 votes to 3 against (United States, Israel
and Palau)" -> an ``opposes`` claim of each voter against the text, ``supports`` for those "pour"
it; abstentions say nothing.

Read only in a sentence that counts votes (``tally_nouns``: "voix", "votes", "abstentions"). The
text voted on is the nearest resolution, draft or proposal named before the bracket, in its
sentence or the two before it; with none, no claim.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.objects import text_before
from kg.extract.records import Actor, Claim
from kg.nlp import token_indices

_CONFIDENCE = 0.7
_STANCES = {"contre": "opposes", "against": "opposes", "pour": "supports", "for": "supports"}
_TEXT_KINDS = frozenset({"Resolution", "Plan", "Proposal"})


def tally_claims(ctx: Context) -> list[Claim]:
    """A stance claim for each voter a tally names in brackets after "contre"/"pour"."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Claim] = []
    for k in token_indices(doc, frozenset(_STANCES)):
        tok = doc[k]
        if k + 1 >= len(doc) or doc[k + 1].text != "(" or not any(
                t.lower_ in lex.tally_nouns for t in tok.sent):
            continue
        voters = _bracketed(ctx, k + 1)
        text = text_before(ctx, tok, _TEXT_KINDS) if voters else None
        if text is None:
            continue
        begin, end, evidence = ctx.evidence(tok.sent)
        for voter in voters:
            out.append(Claim(subject=voter, relation=_STANCES[tok.lower_], object=text, sent_start=begin,
                             sent_end=end, evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.noun.vote-tally",
                             entry=f"{ctx.lang}.tally_nouns", confidence=_CONFIDENCE, trigger_start=tok.idx))
    return out


def _bracketed(ctx: Context, k: int) -> list[Actor]:
    """The actors named between the bracket at ``k`` and its closing one (within the sentence)."""
    found: list[Actor] = []
    for t in ctx.doc[k + 1:ctx.doc[k].sent.end]:
        if t.text == ")":
            return found
        actor = ctx.actors.actor_at(t)
        if actor is not None and actor not in found:
            found.append(actor)
    return []  # no closing bracket: not a list
