"""Objects of statements as nodes: plans, proposals, deployments, forces …

A thing is made from the head word of a phrase: its class comes from the
lexicon's ``objects`` table, its label from the phrase (at most 150
characters), and its parts from inside the phrase: the force and its size
("30 000 troupes européennes"), the destination ("en Ukraine"), the purpose
("maintien de la paix") and the condition ("en cas d'accord de
cessez-le-feu"). A phrase that points back ("la proposition rapportée", "de
telles propositions", "cela") is linked to the last thing of the article.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.records import Thing

MAX_LABEL = 150
_BACK_REFERENCE = frozenset({
    "ce", "cet", "cette", "ces", "tel", "telle", "tels", "telles", "rapporté", "rapportée",
    "this", "that", "these", "those", "such", "reported", "said"})
_NUMBER = re.compile(r"\d[\d\s.,\u202f\u00a0]*")
_PURPOSES = ("maintien de la paix", "garantie de sécurité", "garanties de sécurité",
             "peacekeeping", "security guarantee", "security guarantees", "casques bleus")
_CONDITION = re.compile(r"\b(en cas d[e'’]\s?[^,.;]+|à condition que [^,.;]+|if [^,.;]+|in case of [^,.;]+|"
                        r"in the event of [^,.;]+|dans le cadre d[e'’]\s?[^,.;]*cessez-le-feu[^,.;]*)", re.I)


def _phrase(head: Token, stop: int | None = None) -> tuple[int, int]:
    """Character span of the phrase a head word governs (without trailing punctuation),
    never reaching the predicate word at ``stop``."""
    toks = [t for t in head.subtree]
    if stop is not None:
        toks = [t for t in toks if (t.i < stop if head.i < stop else t.i > stop)]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("AUX", "ADP", "DET", "SCONJ", "CCONJ")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].pos_ in ("ADP", "SCONJ", "CCONJ", "PART")):
        toks.pop(0)
    if not toks:
        return head.idx, head.idx + len(head.text)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _label(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:“”«»\"")
    if len(text) <= MAX_LABEL:
        return text
    cut = text[:MAX_LABEL]
    comma = cut.rfind(",", 40)
    return (cut[:comma] if comma > 0 else cut[:cut.rfind(" ")]).strip()


def _size(tok: Token) -> int | None:
    for child in tok.children:
        if child.dep_ in ("nummod", "num") or child.like_num:
            digits = re.sub(r"\D", "", child.text)
            if digits:
                return int(digits)
    return None


def make_thing(ctx: Context, head: Token, *, kind: str | None = None, stop: int | None = None) -> Thing:
    """The thing a phrase names, with its parts; remembered in ``ctx.things``."""
    start, end = _phrase(head, stop)
    text = ctx.text[start:end]
    lemma = head.lemma_.lower()
    kind = kind or ctx.lex.object_kind(lemma) or ctx.lex.object_kind(head.lower_) or "Topic"
    sub = [t for t in head.subtree if start <= t.idx < end]
    force = None
    size = _size(head) if kind == "Force" else None
    for tok in sub:
        if tok is not head and ctx.lex.object_kind(tok.lemma_.lower()) == "Force" and tok.pos_ == "NOUN":
            fs, fe = _phrase_no_clauses(tok)
            force = Thing(key=f"{fs}-{fe}", kind="Force", label=_label(ctx.text[fs:fe]), start=fs, end=fe,
                          lang=ctx.lang, size=_size(tok))
            break
    destination = None
    for tok in sub:
        actor = ctx.actors.actor_at(tok)
        if actor is not None and actor.cls == "State" and any(
                c.dep_ == "case" and c.lower_ in ("en", "vers", "à", "au", "aux", "dans", "to", "into", "in")
                for c in tok.children):
            destination = actor
            break
    low = text.lower()
    purpose = next((p for p in _PURPOSES if p in low), None)
    cond = _CONDITION.search(ctx.doc[head.i].sent.text)
    condition = _label(cond.group(1)) if cond and kind not in ("Topic",) else None
    refers_to = None
    if head.lower_ in ctx.lex.demonstratives or any(c.lower_ in _BACK_REFERENCE for c in head.children):
        earlier = [t for t in reversed(ctx.things) if t.kind != "Force" and t.start < start]
        same = [t for t in earlier if t.kind == kind or {t.kind, kind} <= {"Plan", "Proposal"}]
        refers_to = (same or earlier or [None])[0]
    thing = Thing(key=f"{start}-{end}", kind=kind, label=_label(text) or head.text, start=start, end=end,
                  lang=ctx.lang, size=size, force=force, destination=destination, purpose=purpose,
                  condition=condition, refers_to=refers_to)
    if all(t.key != thing.key for t in ctx.things):
        ctx.things.append(thing)
    return thing


def _phrase_no_clauses(tok: Token) -> tuple[int, int]:
    """The span of a noun with its modifiers but not its clauses."""
    toks = [tok]
    for child in tok.children:
        if child.dep_ in ("nummod", "amod", "det", "advmod", "compound", "num") or (
                child.dep_ in ("nmod", "prep") and child.i > tok.i and child.i - tok.i <= 3):
            toks.extend(child.subtree)
    toks.sort(key=lambda t: t.i)
    while toks and (toks[0].pos_ in ("DET", "ADP") or toks[0].is_punct):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    toks = toks or [tok]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def set_proposer(thing: Thing, proposer) -> Thing:
    """The same thing with its proposer (things are frozen)."""
    from dataclasses import replace

    return replace(thing, proposer=proposer)
