"""Threats of retaliation aimed at whoever would provoke it: "La République répondra à chaque
agression américaine", "la Chine réagirait fermement à la guerre commerciale initiée par Donald
Trump", "Notre réponse sera massive si les troupes russes devaient entrer en Ukraine", "ont promis
une réponse forte et ferme si Pyongyang réalise cet essai", "Israel will hit back if Iran attacks"
-> ``threatens`` claims.

A word of the ``retaliation_words`` list is a threat when it is announced: a verb in the future or
the conditional, or the complement of a vow ("a promis de riposter", "vowed a response"); a noun
that a vow names, or the subject of a verb in the future ("notre réponse sera massive"). Its target
is the subject of the "si"/"if" clause it hangs on, else the doer of the act it answers ("à chaque
agression américaine": the doer as ``predicates._doer`` finds it), else the actor it is aimed
"contre"/"against", else what "punir"/"punish" takes as object. With no such target, no claim:
"nous répondrons de manière adéquate" says nothing of whom.

A speaker who tells an actor it will bear the consequences threatens it: "Israël devra supporter les
conséquences", "les États-Unis doivent s'attendre à des conséquences irréparables", "ils seront
punis", "will pay a heavy price" (``consequence_nouns`` borne by a ``bear_verbs`` verb whose subject
is the actor, or a passive ``punish_verbs`` verb; the speaker is the agent).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import POSSESSIVES, SUBJ, Context, _case
from kg.extract.predicates import _IF_WORDS, _READY_WORDS, _announced, _doer, _subject, negated
from kg.extract.records import Actor, Claim
from kg.extract.when import resolve_date, time_of
from kg.nlp import indices_where

_CONFIDENCE = 0.6
_AGAINST = frozenset({"contre", "against"})
_ANSWERED = frozenset({"à", "au", "aux", "to"})
_OBJECTS = frozenset({"obj", "dobj"})
_OUR = frozenset({"notre", "nos", "mon", "ma", "mes", "our", "my"})  # the speaker's


def retaliation_claims(ctx: Context, date: str | None) -> list[Claim]:
    """A ``threatens`` claim for each announced retaliation whose target the sentence gives."""
    lex, doc = ctx.lex, ctx.doc
    out: list[Claim] = []
    words = lex.retaliation_words
    for k in indices_where(doc, words.__contains__):
        tok = doc[k]
        if tok.pos_ not in ("VERB", "NOUN") or tok.lemma_.lower() not in words or negated(ctx, tok):
            continue
        vow = _vow(tok, lex)
        if vow is None and not _future(tok):
            continue
        agents = _agents(ctx, tok, vow)
        target = _target(ctx, tok, vow)
        if not agents or target is None:
            continue
        begin, end, evidence = ctx.evidence(tok.sent)
        when = time_of(ctx, vow if vow is not None else tok)
        conditional = _condition(tok, vow) is not None
        for agent in agents:
            if agent.key == target.key:
                continue
            speaker = ctx.speaker_of.get(tok.i)
            out.append(Claim(subject=agent, relation="threatens", object=target, sent_start=begin, sent_end=end,
                             evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.{tok.pos_.lower()}.retaliation",
                             entry=f"{ctx.lang}.retaliation_words", confidence=_CONFIDENCE,
                             modality="Conditional" if conditional else "Asserted",
                             speaker=speaker if speaker != agent else None, time_text=when,
                             date=resolve_date(when, date, ctx.lang) if when else None, trigger_start=tok.idx))
    return out


def consequence_claims(ctx: Context, date: str | None) -> list[Claim]:
    """A ``threatens`` claim from the speaker to the actor told it will bear the consequences."""
    lex, doc, out = ctx.lex, ctx.doc, []
    words = lex.consequence_nouns | lex.punish_verbs
    for k in indices_where(doc, words.__contains__):
        tok = doc[k]
        speaker = ctx.speaker_of.get(tok.i)
        if speaker is None or negated(ctx, tok):
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.consequence_nouns:
            verb = tok.head  # "supporter les conséquences", "s'attendre à des conséquences", "en payer le prix"
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.bear_verbs or negated(ctx, verb):
                continue
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lex.punish_verbs and any(
                c.dep_ in ("aux:pass", "auxpass") for c in tok.children):
            verb = tok  # "ils seront punis", "will be punished"
        else:
            continue
        if not _told(verb):
            continue  # "la Russie a accepté les conséquences": a fact, not a warning
        subj = _subject(verb) or next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        if subj is None or (subj.pos_ == "PRON" and subj.lower_ in _OUR | {"nous", "we", "je", "i"}):
            continue
        begin, end, evidence = ctx.evidence(tok.sent)
        when = time_of(ctx, verb)
        for target in ctx.resolve_all(subj):
            if target.key == speaker.key:
                continue
            out.append(Claim(subject=speaker, relation="threatens", object=target, sent_start=begin, sent_end=end,
                             evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.{tok.pos_.lower()}.consequence",
                             entry=f"{ctx.lang}.consequence_nouns", confidence=_CONFIDENCE, time_text=when,
                             date=resolve_date(when, date, ctx.lang) if when else None, trigger_start=tok.idx))
    return out


def _told(verb: Token) -> bool:
    """A bearing still to come: a verb in the future or the conditional, or the infinitive of a
    modal of obligation ("devra supporter", "doivent s'attendre", "will pay", "must face")."""
    if _future(verb):
        return True
    modal = verb.head if verb.dep_ == "xcomp" else next((c for c in verb.children if c.dep_.startswith("aux")), None)
    return modal is not None and (modal.lemma_.lower() in ("devoir", "must", "will", "shall") or modal.tag_ == "MD")


def _vow(tok: Token, lex) -> Token | None:
    """The verb of promise or threat that announces the retaliation: "a promis une riposte", "a
    menacé de riposter", "vowed to respond"."""
    head = tok.head
    if head.i == tok.i or (head.lemma_.lower() not in lex.vow_verbs and head.lower_ not in _READY_WORDS):
        return None
    if (tok.pos_ == "NOUN" and tok.dep_ in _OBJECTS) or (tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "ccomp")):
        return head  # (a readiness word is a vow too: "fin prêts à répondre à X")
    if tok.pos_ == "NOUN" and _case(tok) in ("de", "d'", "d’", "of") and tok.dep_.startswith(("obl", "nmod", "pobj")):
        return head  # "a menacé de représailles", "warned of retaliation"
    return None


def _future(tok: Token) -> bool:
    """A verb in the future or the conditional ("répondra", "réagirait", "will respond"), or a
    noun that is the subject of one or of a future copula ("notre réponse sera massive")."""
    if tok.pos_ == "NOUN":
        if tok.dep_ not in SUBJ:
            return False
        tok = tok.head
    return _announced(tok) or any(c.dep_ in ("cop", "aux:pass") and (
        set(c.morph.get("Tense")) & {"Fut"} or set(c.morph.get("Mood")) & {"Cnd"}) for c in tok.children)


def _agents(ctx: Context, tok: Token, vow: Token | None) -> list[Actor]:
    """Who retaliates: the subject of the verb or of the vow, the owner of the noun ("notre
    réponse", "sa riposte"), else the speaker."""
    found: list[Actor] = []
    if tok.pos_ == "VERB":
        subj = _subject(tok)
        if subj is not None:
            found = ctx.resolve_all(subj)
    elif vow is not None:
        subj = _subject(vow)
        if subj is not None:
            found = ctx.resolve_all(subj)
    else:
        owner = next((c for c in tok.children if c.dep_ in ("det", "poss", "nmod:poss")
                      and c.lower_ in _OUR | POSSESSIVES), None)
        if owner is not None and owner.lower_ in _OUR:
            found = [ctx.speaker_of[tok.i]] if tok.i in ctx.speaker_of else []
        elif owner is not None:
            actor = ctx.resolve(owner)
            found = [actor] if actor is not None else []
    if not found and ctx.speaker_of.get(tok.i) is not None and tok.pos_ == "VERB" and _subject(tok) is None:
        found = [ctx.speaker_of[tok.i]]
    return found


def _condition(tok: Token, vow: Token | None) -> Token | None:
    """The "si"/"if" clause the retaliation hangs on, on the word, its verb or the vow."""
    heads = [tok, tok.head, tok.head.head] if tok.pos_ == "NOUN" else [tok, tok.head]
    if vow is not None:
        heads.append(vow)
    for head in heads:
        for child in head.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF_WORDS for m in child.children):
                return child
    return None


def _target(ctx: Context, tok: Token, vow: Token | None) -> Actor | None:
    clause = _condition(tok, vow)
    if clause is not None:
        subj = next((c for c in clause.children if c.dep_ in SUBJ), None)
        return _actor_of(ctx, subj) if subj is not None else None
    near = [g for c in tok.children if c.dep_ not in SUBJ for g in (c, *c.children) if g.dep_ not in SUBJ]
    for child in sorted(near, key=lambda t: t.i):  # the parser hangs "à X" on an adverb: "réagirait fermement à X"
        case = _case(child)
        if child.pos_ not in ("NOUN", "PROPN") or child.i < tok.i:
            continue
        if case in _ANSWERED and child.pos_ == "NOUN":
            doer = _doer(ctx, child, tok if tok.pos_ == "VERB" else tok.head)
            if doer is not None:
                return doer
        if case in _AGAINST:
            return _actor_of(ctx, child)
        if child.dep_ in _OBJECTS and child.head.i == tok.i and tok.lemma_.lower() in ctx.lex.punish_verbs:
            return ctx.resolve(child)
    return None


def _actor_of(ctx: Context, noun: Token) -> Actor | None:
    """The actor a noun names, or that a nationality gives it ("les troupes russes")."""
    actor = ctx.resolve(noun)
    if actor is not None:
        return actor
    return next((ctx.actors.demonyms[c.i] for c in noun.children if c.dep_ == "amod" and c.i in ctx.actors.demonyms),
                None)
