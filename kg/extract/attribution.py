"""Reported speech: who says what, so that a quoted stance gets its speaker.

Handles ``X a déclaré que …`` / ``X said …`` (the speech verb's subject),
inverted quotes ``« … », a déclaré Peskov`` / ``…, Peskov said``, ``a-t-il
dit`` (the pronoun is the last speaker), ``selon X`` / ``according to X``,
participles (``…, Lavrov, déclarant que …``), and quotes that span several
sentences (a quoted sentence with no speech verb takes the speaker of the
quote it belongs to).
"""
from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from kg.extract.context import SUBJ, Context
from kg.extract.records import Actor
from kg.nlp import indices_where

_OPEN = frozenset({"«", "“", '"'})
_CLOSE = frozenset({"»", "”", '"'})
_CLAUSE = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "conj"})


def _speaker(ctx: Context, verb: Token) -> Actor | None:
    """The actor that utters a speech verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ and not (
        c.i < verb.i and c.left_edge.text in _OPEN)]  # the quote the parser took for the subject: « … », a dit X
    for child in subjects:
        if _same_source(child):
            return _earlier_speaker(ctx, child)  # "a ajouté la même source": who spoke before
        if child.lower_ not in ("on", "it", "there"):
            if child.lower_.lstrip("-") in ctx.lex.pronouns and ctx.last_speaker is not None:
                return ctx.last_speaker  # "a-t-il dit", "he said": the last speaker
            actor = ctx.resolve(child)
            if actor is not None:
                return actor
    if any(c.pos_ in ("NOUN", "PROPN") for c in subjects):
        return None  # a subject of its own that is no known actor: "The Bush administration declared …"
    if "Inf" in verb.morph.get("VerbForm"):
        return None  # no inverted subject after an infinitive: "pour soutenir le président Juan Guaido"
    # inverted subject: "a déclaré Peskov", "said Peskov", "a-t-il dit"
    sent = verb.sent
    for tok in verb.doc[verb.i + 1: min(verb.i + 10, sent.end)]:
        if tok.lower_ in ("que", "qu'", "qu’", "that") or tok.pos_ in ("VERB", "AUX"):
            break  # what is said, not who says it: "declared Tuesday that China must …"
        if _same_source(tok):
            return _earlier_speaker(ctx, tok)
        actor = ctx.resolve(tok) if tok.pos_ in ("PROPN", "NOUN") else None
        if actor is not None and (tok.i < verb.i + 4 or actor.cls == "Person"):
            return actor  # further on, a person only: "a indiqué le secrétaire au Trésor, Steven Mnuchin"
    for tok in verb.doc[max(sent.start, verb.i - 3): verb.i]:
        if tok.lower_ in ("-il", "-elle", "-t-il", "-t-elle"):
            return ctx.last_speaker
    if verb.dep_ in ("acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return ctx.resolve(verb.head)  # "le ministre, Sergei Lavrov, déclarant que …"
    return None


def _same_source(tok: Token) -> bool:
    """"la même source", "the same source": whoever spoke last."""
    return tok.lower_ in ("source", "sources") and any(c.lower_ in ("même", "mêmes", "same") for c in tok.children)


def _earlier_speaker(ctx: Context, tok: Token) -> Actor | None:
    """The last speaker, else the actor subject of the sentence before."""
    if ctx.last_speaker is not None:
        return ctx.last_speaker
    start = tok.sent.start
    if start == 0:
        return None
    root = ctx.doc[start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ in SUBJ and c.pos_ != "PRON"), None)
    return ctx.resolve(subj) if subj is not None else None


def _scope(verb: Token, sent: Span) -> list[int]:
    """Tokens of what the speech verb reports."""
    for t in verb.doc[verb.i + 1: min(verb.i + 12, sent.end)]:
        if t.lower_ in ("que", "qu'", "qu’", "that", ":"):  # "a déclaré jeudi que …", "a déclaré dans un
            return [t.i for t in sent if t.i > verb.i]  # tweet, jeudi, qu'il …": the rest of the sentence
        if t.pos_ == "VERB" or t.text in _OPEN or t.text in _CLOSE:
            break
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE and c.i > verb.i]
    if clauses:
        out = []
        for c in clauses:
            out.extend(t.i for t in c.subtree)
        return out
    # inverted: the quote or clause before the verb
    return [t.i for t in sent if t.i < verb.i]


def _speech_tokens(doc, lex) -> list[int]:
    """Indices of the quotation marks, speech verbs and "selon"/"according" words of a doc."""
    words = lex.speech_verbs | lex.according_to | {"according", "«", "“", "»", "”"}
    return indices_where(doc, lambda w: w.lower() in words)


def attribute(ctx: Context) -> None:
    """Fill ``ctx.speaker_of`` for every token that is reported speech."""
    lex, doc = ctx.lex, ctx.doc
    quoted_sents: list[tuple[Span, bool, Actor | None]] = []
    depth = 0
    # the tokens that matter: quotation marks, speech verbs, "selon"/"according" (most are none)
    marks = _speech_tokens(doc, lex)
    for sent in doc.sents:
        starts_quoted = depth > 0 or (len(sent) and sent[0].text in _OPEN)
        found: Actor | None = None
        frames = []
        for k in marks[bisect.bisect_left(marks, sent.start):bisect.bisect_left(marks, sent.end)]:
            tok = doc[k]
            if tok.text in ("«", "“"):
                depth += 1
            elif tok.text in ("»", "”"):
                depth = max(0, depth - 1)
            if tok.lemma_.lower() in lex.speech_verbs and tok.pos_ in ("VERB", "AUX"):
                speaker = _speaker(ctx, tok)
                if speaker is not None:
                    frames.append((tok, speaker))
            elif tok.lower_ in lex.according_to or (tok.lower_ == "according" and tok.i + 1 < len(ctx.doc)):
                target = next((t for t in sent if t.i > tok.i and ctx.resolve(t) is not None), None)
                if target is not None and target.i - tok.i <= 4:
                    frames.append((None, ctx.resolve(target)))
        # widest scope first, so that nested speech keeps its own speaker
        for verb, speaker in sorted(frames, key=lambda f: -len(_scope(f[0], sent)) if f[0] is not None else -10**6):
            scope = [t.i for t in sent] if verb is None else _scope(verb, sent)
            for i in scope:
                ctx.speaker_of[i] = speaker
            ctx.last_speaker = found = speaker
        quoted_sents.append((sent, bool(starts_quoted), found))
    # sentences of a quote with no speech verb of their own
    for n, (sent, quoted, found) in enumerate(quoted_sents):
        if found is not None or not quoted:
            continue
        speaker = None
        if n + 1 < len(quoted_sents) and quoted_sents[n + 1][1] and quoted_sents[n + 1][2]:
            speaker = quoted_sents[n + 1][2]
        elif n > 0 and quoted_sents[n - 1][2]:
            speaker = quoted_sents[n - 1][2]
        if speaker is not None:
            for tok in sent:
                ctx.speaker_of.setdefault(tok.i, speaker)
