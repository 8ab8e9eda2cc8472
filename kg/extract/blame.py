"""Blame in reported speech: a speaker who names someone's act in words of blame accuses them,
with or without a verb of accusing. "« L'agression russe contre l'Ukraine marque un changement
d'époque », a déclaré Olaf Scholz", "« Les actions agressives de la Chine ont occasionné des
dégâts », a écrit la diplomatie philippine", "Mnuchin a dit répondre aux activités pernicieuses de
la Russie" -> ``accuses`` claims of the speaker against the doer.

Read only inside what a speaker says (``Context.speaker_of``): a noun of blame (``blame_nouns``:
"agression", "ingérence", "chantage") or a noun of conduct qualified by an adjective of blame
(``blame_adjectives``: "la politique dangereuse du Kremlin"), whose doer the text gives as
``predicates._doer`` finds it (a nationality, an owner, an agent, the "de" complement of a conduct
noun). Not when the speaker denies it or speaks of their own state's act.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context
from kg.extract.predicates import _doer, negated
from kg.extract.records import Claim
from kg.extract.when import resolve_date, time_of
from kg.nlp import indices_where

_CONFIDENCE = 0.6


def blame_claims(ctx: Context, date: str | None) -> list[Claim]:
    """An ``accuses`` claim from each speaker to the doer of each act they name in blame."""
    from kg.gazetteer import Gazetteer

    lex, gaz = ctx.lex, Gazetteer.load()
    out: list[Claim] = []
    words = lex.blame_nouns | lex.conduct_nouns
    for k in indices_where(ctx.doc, words.__contains__):  # the few nouns that may blame, then their speaker
        speaker = ctx.speaker_of.get(k)
        tok = ctx.doc[k]
        if speaker is None or tok.pos_ != "NOUN" or not _blamed(tok, lex):
            continue
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok.head)
        if negated(ctx, verb) or verb.lemma_.lower() in lex.denial_verbs:
            continue  # "nie toute ingérence russe"
        doer = _doer(ctx, tok, verb)
        if doer is None or doer.key in _side(ctx, speaker.key, gaz):
            continue  # "Peskov a déclaré que l'ingérence russe était une invention": his own state's
        begin, end, evidence = ctx.evidence(tok.sent)
        when = time_of(ctx, verb) if verb.pos_ in ("VERB", "AUX") else None
        out.append(Claim(subject=speaker, relation="accuses", object=doer, sent_start=begin, sent_end=end,
                         evidence=evidence, trigger=tok.text, rule=f"{ctx.lang}.noun.blame-in-speech",
                         entry=f"{ctx.lang}.blame_nouns", confidence=_CONFIDENCE, time_text=when,
                         date=resolve_date(when, date, ctx.lang) if when else None, trigger_start=tok.idx))
    return out


def _side(ctx: Context, key: str, gaz) -> set[str]:
    """A speaker, the bodies they hold office in, and the states those bodies govern."""
    keys = {key, *(r.of.key for r in ctx.roles if r.person is not None and r.of is not None and r.person.key == key)}
    for k in list(keys):
        entry = gaz.get(k) if k in gaz else None
        if entry is not None and entry.government_of:
            keys.add(entry.government_of)
    return keys


def _blamed(tok: Token, lex) -> bool:
    """A noun of blame, or a noun of conduct with an adjective of blame."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma in lex.blame_nouns or low in lex.blame_nouns:
        return True
    if lemma not in lex.conduct_nouns and low not in lex.conduct_nouns:
        return False
    return any(c.dep_ == "amod" and (c.lemma_.lower() in lex.blame_adjectives or c.lower_ in lex.blame_adjectives)
               for c in tok.children)

