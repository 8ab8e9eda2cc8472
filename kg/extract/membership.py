"""Membership: "La Hongrie est membre de l'UE", "la Pologne, membre de l'OTAN", "l'Allemagne,
en tant que membre de l'OTAN, …", "Sweden became a member of NATO" -> ``memberOf``; and the states
listed with a group's name: "le groupe 5+1 (États-Unis, Chine, Russie, …)", "le groupe de Minsk, formé
par la France, les États-Unis et la Russie".

Only what the text asserts of the present or past: not "souhaite devenir membre", "n'est pas
membre", "deviendra membre".
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import SUBJ, Context, _case
from kg.extract.predicates import _subject, negated
from kg.extract.records import Actor, Claim
from kg.nlp import indices_where

_BODIES = frozenset({"InternationalOrganization", "Organization", "Group", "ArmedForce"})
_CONFIDENCE = 0.8


def membership_claims(ctx: Context) -> list[Claim]:
    """A ``memberOf`` claim for each member a member noun names."""
    out: list[Claim] = []
    words = ctx.lex.member_nouns
    for k in indices_where(ctx.doc, lambda w: w.lower() in words):  # on the hash arrays: most docs have none
        tok = ctx.doc[k]
        if tok.lemma_.lower() not in words or tok.pos_ != "NOUN":
            continue
        body = _body(ctx, tok)
        if body is None:
            continue
        begin, end, evidence = ctx.evidence(tok.sent)
        for member in _members(ctx, tok):
            if member.key == body.key or member.cls == body.cls == "Group":
                continue
            out.append(Claim(subject=member, relation="memberOf", object=body, sent_start=begin, sent_end=end,
                             evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.noun.member",
                             entry=f"{ctx.lang}.member_nouns", confidence=_CONFIDENCE, trigger_start=tok.idx))
    return out


_FUNCTION_WORDS = frozenset({"qui", "par", "de", "des", "du", "d'", "d’", "which", "that", "by", "of", "up",
                             "together"})
_LIST_JOINS = frozenset({",", "et", "and"})


def listed_member_claims(ctx: Context) -> list[Claim]:
    """A ``memberOf`` claim for each state of a list that follows a group's name, in brackets or
    after a composition word; two states at least, and nothing else in the list."""
    out: list[Claim] = []
    doc = ctx.doc
    for span, body in ctx.actors.spans:
        if body.cls not in _BODIES or span.end + 2 >= len(doc):
            continue
        k = span.end
        if doc[k].text == "(":
            members, end = _state_list(ctx, k + 1)
            if end >= len(doc) or doc[end].text != ")":
                continue
        elif doc[k].text == ",":
            n = k + 1
            while n < len(doc) and doc[n].lower_ in ctx.lex.composition_words:
                n += 1
            if not any(doc[m].lower_ not in _FUNCTION_WORDS for m in range(k + 1, n)):
                continue  # "le groupe de Minsk, qui …", "the G7, of which …": no composition word
            members, end = _state_list(ctx, n)
        else:
            continue
        if len(members) < 2:
            continue
        begin, stop, evidence = ctx.evidence(doc[k].sent)
        out.extend(Claim(subject=m, relation="memberOf", object=body, sent_start=begin, sent_end=stop,
                         evidence=evidence, trigger=doc[k].text, rule=f"{ctx.lang}.list.member",
                         entry=f"{ctx.lang}.composition_words", confidence=0.7, trigger_start=doc[k].idx)
                   for m in members if m.key != body.key)
    return out


def _state_list(ctx: Context, k: int) -> tuple[list[Actor], int]:
    """The states named one after another from token ``k`` ("la France, les États-Unis et la Russie"),
    and the index of the first token after the list; no states if a word other than an article or a
    conjunction lies between them."""
    doc, states = ctx.doc, []
    while k < len(doc):
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        actor = ctx.actors.by_token.get(k)
        if actor is None or actor.cls != "State" or actor in states:  # "…, la Russie, met": the list ended at
            return ([], k) if states and doc[k - 1].lower_ in ("et", "and") else (states, k - 1)  # the comma; not
            # "la France et ses alliés"
        states.append(actor)
        span = ctx.actors.span_of(doc[k])
        k = span.end if span is not None else k + 1
        if k < len(doc) and doc[k].lower_ in _LIST_JOINS:
            k += 1
        else:
            break
    return states, k


def _body(ctx: Context, tok: Token) -> Actor | None:
    """The organisation of "membre de X" / "member of X"."""
    for child in tok.children:
        if child.dep_ == "nmod" and _case(child) in ("de", "du", "des", "d'", "d’"):
            target = child  # French: "membre de l'OTAN"
        elif child.dep_ == "prep" and child.lower_ == "of":
            target = next((g for g in child.children if g.dep_ == "pobj"), None)  # English: "member of NATO"
        else:
            continue
        if target is not None and target.i > tok.i:
            actor = ctx.resolve(target)
            if actor is None and target.pos_ == "NOUN":  # "membre du bureau politique du Hamas": of Hamas
                actor = next((ctx.resolve(g) for g in target.children if g.dep_ == "nmod" and g.i > target.i
                              and ctx.resolve(g) is not None), None)
            return actor if actor is not None and actor.cls in _BODIES else None
    return None


def _members(ctx: Context, tok: Token) -> list[Actor]:
    """Who the member noun is said of: the subject of its copula or of "devenir"/"become", the noun
    it is apposed to, or the subject of the clause an "en tant que"/"as" phrase qualifies."""
    if tok.dep_ == "appos" or (tok.dep_ == "nmod" and tok.head.i < tok.i and ctx.doc[tok.i - 1].text == "," and not any(
            c.dep_ == "case" for c in tok.children)):  # "X, membre de …" (an apposition the parser made an nmod)
        return ctx.resolve_all(tok.head)
    if any(c.dep_ == "cop" for c in tok.children):
        clause = tok
        subjects = [c for c in tok.children if c.dep_ in SUBJ]
    elif tok.dep_ in ("attr", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
        clause = tok.head
        subjects = [c for c in tok.head.children if c.dep_ in SUBJ]
    elif tok.dep_ in ("obl:mod", "obl", "pobj") and _as_phrase(tok):
        clause = tok.head if tok.dep_ != "pobj" else tok.head.head
        subj = _subject(clause)
        subjects = [subj] if subj is not None else []
    else:
        return []
    if clause.dep_ == "xcomp" or negated(ctx, clause) or negated(ctx, tok) or any(
            m in ("Fut", "Cnd") for t in [clause, *clause.children] if t.pos_ in ("VERB", "AUX")
            for m in (*t.morph.get("Tense"), *t.morph.get("Mood"))) or any(
            c.tag_ == "MD" for c in clause.children):  # "souhaite devenir", "deviendra", "would become"
        return []
    return [a for s in subjects if s.pos_ != "PRON" or ctx.resolve(s) is not None for a in ctx.resolve_all(s)]


def _as_phrase(tok: Token) -> bool:
    """"en tant que membre" (case "en" + fixed "tant que"), "as a member" (prep "as")."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "as"
    return any(c.dep_ == "case" and (c.lower_ == "comme" or (c.lower_ == "en" and any(
        f.dep_ == "fixed" and f.lower_ == "tant" for f in c.children))) for c in tok.children)
