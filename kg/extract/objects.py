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

from kg.extract.context import Context, apposed_participle
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


def _phrase(head: Token, stop: int | None = None, cues: dict[int, int] | None = None) -> tuple[int, int]:
    """Character span of the phrase a head word governs (without trailing punctuation),
    never reaching the predicate word at ``stop`` nor a list of members (``cues``: the token
    indices where "dont", "including" … start)."""
    adjunct = {t.i for c in head.lefts if c.dep_.startswith("obl") for t in c.subtree}  # "le lundi 4 juillet, une frappe"
    adjunct |= {t.i for c in head.subtree if c.i > head.i and apposed_participle(c) for t in c.subtree}
    adjunct |= {t.i for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > head.i
                for t in c.subtree}  # "les accusations de New Delhi et condamné l'attaque": the verb's own
    toks = [t for t in head.subtree if t.i not in adjunct]  # (nor "…, en demandant …": the clause subject's act)
    clause = next((c for c in head.children if c.i == stop and c.dep_ in ("acl", "acl:relcl", "relcl")), None)
    if clause is not None:  # "le plan que la Russie a rejeté": the relative clause is the predicate's
        toks = [t for t in toks if not clause.left_edge.i <= t.i <= clause.right_edge.i]
    if stop is not None:
        toks = [t for t in toks if (t.i < stop if head.i < stop else t.i > stop)]
    listed = min((k for k in cues or () if head.i < k <= head.right_edge.i), default=None)
    if listed is not None:  # "neuf personnes, dont X et Y": the members are actors of their own
        toks = [t for t in toks if t.i < listed]
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


def _number_before(tok: Token) -> list[Token]:
    """Number tokens right before a noun, as the tokenizer cut them ("30", "000")."""
    out, k = [], tok.i - 1
    while k >= 0 and re.fullmatch(r"\d[\d.,\u202f\u00a0]*", tok.doc[k].text):
        out.insert(0, tok.doc[k])
        k -= 1
    return out


def _size(tok: Token) -> int | None:
    """The number of a noun: "30 000 soldats", "30,000 troops", "environ 30000 troupes"."""
    before = _number_before(tok)
    if before:
        digits = re.sub(r"\D", "", "".join(t.text for t in before))
        if digits and len(digits) < 10:
            return int(digits)
    for child in tok.children:
        if child.dep_ in ("nummod", "num") or child.like_num:
            toks = [t for t in child.subtree if t.like_num or re.fullmatch(r"\d+", t.text)]
            digits = re.sub(r"\D", "", "".join(t.text for t in toks) or child.text)
            if digits and len(digits) < 10:
                return int(digits)
    return None


def _purpose_clause(head: Token) -> list[Token]:
    """The purpose clause of the verb a noun is the object of ("… un plan pour envoyer …")."""
    verb = head.head
    if head.dep_ not in ("obj", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > head.i and any(
                c.dep_ in ("mark", "aux") and c.lower_ in ("pour", "afin", "to") for c in child.children):
            return sorted(child.subtree, key=lambda t: t.i)
    return []


def make_thing(ctx: Context, head: Token, *, kind: str | None = None, stop: int | None = None) -> Thing:
    """The thing a phrase names, with its parts; remembered in ``ctx.things``."""
    start, end = _phrase(head, stop, ctx.cue_starts)
    lemma = head.lemma_.lower()
    kind = kind or ctx.lex.object_kind(lemma) or ctx.lex.object_kind(head.lower_) or "Topic"
    sub = [t for t in head.subtree if start <= t.idx < end]
    purpose_clause = _purpose_clause(head) if kind in ("Plan", "Proposal", "Resolution", "Initiative") else []
    if purpose_clause and (stop is None or purpose_clause[0].i > stop or purpose_clause[-1].i < stop):
        # "présenter un plan pour envoyer 30 000 soldats": the purpose belongs to the plan
        sub += purpose_clause
        end = max(end, purpose_clause[-1].idx + len(purpose_clause[-1].text))
    text = ctx.text[start:end]
    force = None
    size = _size(head) if kind == "Force" else None
    for tok in sub:
        if tok.i != head.i and ctx.lex.object_kind(tok.lemma_.lower()) == "Force" and tok.pos_ == "NOUN":
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
    sent = head.sent
    sent_text = ctx.text[sent.start_char:sent.end_char]  # Span.text rebuilds it token by token
    low = (text if kind in ("Topic", "Force") else sent_text).lower()
    purpose = next((p for p in _PURPOSES if p in low), None)
    cond = _CONDITION.search(sent_text)
    condition = _label(cond.group(1)) if cond and kind not in ("Topic",) else None
    refers_to = None
    if head.lower_ in ctx.lex.demonstratives or any(c.lower_ in _BACK_REFERENCE for c in head.children):
        # the nearest thing before it; a plan or a proposal looks back for one of its kind,
        # a bare "cela" / "une telle chose" (a Topic: no kind of its own) for any thing
        earlier = sorted((t for t in ctx.things if t.kind != "Force" and t.start < start),
                         key=lambda t: t.start, reverse=True)
        same = [t for t in earlier if kind != "Topic" and (t.kind == kind or {t.kind, kind} <= {"Plan", "Proposal"})]
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
    toks.extend(_number_before(tok))
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and (toks[0].pos_ in ("DET", "ADP") or toks[0].is_punct) and not toks[0].like_num:
        toks.pop(0)  # "des soldats" -> "soldats"; but "30 000 soldats" keeps its number
    while toks and toks[-1].is_punct:
        toks.pop()
    toks = toks or [tok]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def set_proposer(thing: Thing, proposer) -> Thing:
    """The same thing with its proposer (things are frozen)."""
    from dataclasses import replace

    return replace(thing, proposer=proposer)


def text_before(ctx: Context, tok: Token, kinds) -> Thing | None:
    """The nearest text of one of ``kinds`` ("Resolution", "Plan" …) named before ``tok``, in
    its sentence or the two before it: what a vote with no object of its own was on."""
    start = ctx._window_start(tok, 2)
    text = next((t for t in reversed(ctx.doc[start:tok.i]) if t.pos_ == "NOUN"
                 and ctx.lex.object_kind(t.lemma_.lower()) in kinds), None)
    return make_thing(ctx, text) if text is not None else None
