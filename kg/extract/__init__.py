"""Extraction: a parsed document in, frozen ``Claim`` records out.

Stages, each a small module: ``mentions`` (actors), ``roles`` (titles),
``attribution`` (reported speech), ``predicates`` (event relations),
``objects`` (things as nodes), ``when`` (time and place).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

import numpy

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

from kg.extract.attribution import attribute
from kg.extract.blame import blame_claims
from kg.extract.context import POSSESSIVES, Context
from kg.extract.membership import listed_member_claims, membership_claims
from kg.extract.mentions import find_actors
from kg.extract.predicates import (_IF_WORDS, _READY_WORDS, OBJ, _announced, _intended, _prep_targets, _subject,
                                   agents, describes_thing, modality, mutual, negated, reciprocal, requires_ok,
                                   support_clause, targets)
from kg.extract.objects import make_thing, text_before
from kg.extract.records import Actor, Claim, Thing
from kg.extract.retaliation import consequence_claims, retaliation_claims
from kg.extract.sanctioned import sanction_list_claims
from kg.extract.tally import tally_claims
from kg.extract.roles import _GOVERNMENT_WORDS, _OF_WORDS, context_state, find_roles, respective
from kg.extract.when import place_of, resolve_date, time_of
from kg.lexicon import load_lexicon
from kg.nlp import indices_where, token_indices

__all__ = ["Actor", "Claim", "Thing", "extract"]

_ROLE_CONFIDENCE = 0.9
_COPULAS = frozenset({"être", "avoir", "sembler", "be", "have", "seem"})
_SANCTIONING = frozenset({"State", "GovernmentBody", "InternationalOrganization"})  # not armies nor groups
_DONE_EVENTS = frozenset({"attacks", "sanctions", "deploys", "aids"})
_ANY_WORDS = frozenset({"tout", "toute", "tous", "toutes", "moindre", "aucun", "aucune", "any", "no", "every"})
_MAYBE_WORDS = frozenset({"éventuel", "éventuelle", "éventuels", "éventuelles", "possible", "possibles",
                          "potentiel", "potentielle", "potentiels", "potentielles", "hypothétique", "eventual",
                          "potential"})
_DEFINITE_PLURAL = frozenset({"les", "ses", "leurs", "ces", "nos", "vos", "the", "its", "their", "these"})
_VIEW_VERBS = frozenset({"considérer", "qualifier", "juger", "estimer", "envisager", "examiner", "étudier",
                         "consider", "call", "describe", "regard", "view", "deem", "label", "brand", "weigh",
                         "discuss", "study", "examine"})
_KIND_NOUNS = frozenset({"forme", "type", "sorte", "genre", "form", "kind", "sort"})


def extract(doc: Doc, lang: str, *, date: str | None = None, doc_id: str | None = None,
            text: str | None = None) -> tuple[list[Claim], list[Actor]]:
    """Every claim of a parsed document, and every actor it names (``text``: the string
    that was parsed, if at hand, saves rebuilding it from the tokens).

    >>> from kg.nlp import load_pipeline
    >>> claims, _ = extract(load_pipeline("fr")("Moscou a rejeté la proposition américaine."), "fr")
    >>> [(c.subject.label, c.relation, c.object.label) for c in claims]
    [('Russie', 'rejects', 'la proposition américaine'), ('États-Unis', 'proposes', 'la proposition américaine')]
    """
    from kg.gazetteer import Gazetteer

    lex = load_lexicon(lang)
    actors = find_actors(doc, lang, Gazetteer.load(), scope=doc_id)
    ctx = Context(doc, lex, actors, find_roles(doc, lex, actors), lang, text=text)
    attribute(ctx)
    claims: list[Claim] = []
    claims.extend(_first_mentions(_role_claims(ctx)))
    claims.extend(_counterpart_claims(ctx, claims))
    claims.extend(_conditional_threats(ctx, date))
    claims.extend(membership_claims(ctx))
    claims.extend(listed_member_claims(ctx))
    claims.extend(tally_claims(ctx))
    consumed: set[int] = set()  # verbs that are the action of an offer ("prêt à déployer")
    candidates = _candidates(doc, lex)
    for sent in doc.sents:
        for k in candidates[bisect.bisect_left(candidates, sent.start):bisect.bisect_left(candidates, sent.end)]:
            tok = doc[k]
            entries = lex.lookup(tok.lemma_, tok.pos_, tok.text) or _participle_entries(tok, lex) or _fixed_entries(
                tok, lex) or _adjective_entries(tok, lex)
            if not entries or tok.i in consumed or describes_thing(tok, lex, ctx):
                continue
            if entries and not any(e.requires and requires_ok(tok, e) for e in entries) and _lends_to_noun(tok, lex):
                continue  # "gave a warm welcome to X": the noun's event, not the verb's
            framed = [e for e in entries if e.requires and requires_ok(tok, e)]
            if framed and tok.pos_ == "NOUN" and support_clause(ctx, tok) is not None:  # "lever l'embargo que
                framed, entries = [], [e for e in entries if not e.requires]  # Washington impose à Cuba": what the
                # clause says the embargo is, not what "lever" frames
            for entry in framed or entries:  # a frame with its required word wins ("opposer son veto")
                if not requires_ok(tok, entry):
                    continue
                found = _event_claims(ctx, tok, entry, sent, date)
                if found:  # the action of an offer, a request, a refusal, a threat is part of its object
                    for child in tok.children:
                        if child.dep_ == "xcomp" or (entry.target == "action" and child.dep_ in (
                                "ccomp", "advcl", "acl")) or (entry.relation == "requests" and child.dep_ == "ccomp"
                                                               and child.i > tok.i):  # what is asked: not done
                            apart = {t.i for a in child.subtree if a.dep_ == "appos" and a.i > child.i
                                     for t in a.subtree}  # an apposition's own act: "…, a decision hailed by Kiev"
                            apart |= {n.i for n in child.subtree if n.pos_ == "NOUN" and support_clause(ctx, n)}
                            # "lever l'embargo qu'ils imposent à Cuba": the embargo the clause says is imposed
                            consumed.update(t.i for t in child.subtree if t.i not in apart)
                claims.extend(found)
    claims.extend(blame_claims(ctx, date))
    claims.extend(retaliation_claims(ctx, date))
    claims.extend(consequence_claims(ctx, date))  # after the lexicon's threats, which win in _dedupe
    claims.extend(sanction_list_claims(ctx, claims))
    return _dedupe(_drop_covered_things(_drop_promised_threats(claims, ctx.lex))), _all_actors(ctx, claims)


def _candidates(doc: Doc, lex) -> list[int]:
    """Indices of the tokens whose lemma or form the lexicon may hold, found on the doc's
    arrays of hashes, each distinct word tested once (most tokens are never looked at)."""
    if not len(doc):
        return []
    found = set(indices_where(doc, lex.may_match))
    deps = doc.to_array([DEP, HEAD])
    fixed = numpy.flatnonzero(deps[:, 0] == doc.vocab.strings["fixed"])  # the first word of a fixed expression
    found.update((fixed + deps[fixed, 1].astype("int64")).tolist())
    return sorted(found)


def _conditional_threats(ctx: Context, date) -> list[Claim]:
    """An action announced on a condition against someone is a threat: "Nigeria announced that it
    will withdraw its force from Chad unless …", "the party said it will boycott Algeria's elections
    unless …", "… se retirera à moins que …", "prête à quitter les négociations si le ministre ne
    changeait pas de ton". The target is who must comply (the subject of a negated "if" clause), else
    the first actor the action names, else the action itself; the agent, the action's subject (or
    the one who is ready) or the speaker."""
    doc, out = ctx.doc, []
    cues = set(ctx.phrase_starts(ctx.lex.ultimatum_cues))
    ifs = {k for k in token_indices(doc, _IF_WORDS) if doc[k].dep_ == "mark" and doc[k].head.pos_ in ("VERB", "AUX")
           and negated(ctx, doc[k].head)}  # "si le ministre ne changeait pas de ton", "if Iraq does not comply"
    for k in sorted(cues | ifs):
        clause = doc[k].head if doc[k].dep_ in ("mark", "advmod", "case", "fixed", "cc") else doc[k]
        while clause.dep_ == "fixed":
            clause = clause.head
        action = clause.head if clause.dep_ in ("advcl", "xcomp", "ccomp") and clause.i != doc[k].i else clause
        condition = None
        if k in ifs:  # the action the condition hangs on, whatever the parse made of the clause
            action = next((a for a in list(clause.ancestors)[:4] if a.pos_ == "VERB" and (
                _announced(a) or (a.dep_ == "xcomp" and a.head.lemma_.lower() in _READY_WORDS))), None)
            if action is None:
                continue
            condition = next((ctx.resolve(c) for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
                              and c.pos_ != "PRON"), None)  # who must comply: "si le ministre iranien ne …"
        ready = action.dep_ == "xcomp" and action.head.lemma_.lower() in _READY_WORDS  # "prête à quitter …"
        if action.pos_ != "VERB" or action.lemma_.lower() in _COPULAS or not (ready or _announced(action) or any(
                c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in action.children)):
            continue
        subj = next((c for c in action.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subj is None and ready:
            subj = _subject(action)  # "Mogherini s'est déclarée prête à quitter …": the one who is ready
        agent = (ctx.resolve(subj) if subj is not None else None) or ctx.speaker_of.get(action.i)
        if agent is None:
            continue
        skip = {t.i for t in clause.subtree} if clause.i != action.i else set()
        skip |= {t.i for t in subj.subtree} if subj is not None else set()
        near = [t for c in action.children for t in [c, *c.children]]  # its objects and their complements
        aimed = condition if condition is not None and condition.key != agent.key else next(
            (a for t in sorted(near, key=lambda t: t.i) if t.i not in skip and t.i > action.i
             and t.pos_ in ("PROPN", "NOUN") for a in [ctx.resolve(t)] if a is not None and a.key != agent.key), None)
        if aimed is None:
            obj = next((c for c in action.children if c.dep_ in OBJ), None)
            aimed = make_thing(ctx, obj if obj is not None else action)
        begin, end, evidence = ctx.evidence(action.sent)
        when = time_of(ctx, action)
        out.append(Claim(subject=agent, relation="threatens", object=aimed, sent_start=begin, sent_end=end,
                         evidence=evidence, trigger=action.text, rule=f"{ctx.lang}.verb.conditional-threat",
                         entry=f"{ctx.lang}.ultimatum_cues", confidence=0.6, modality="Hypothetical",
                         speaker=ctx.speaker_of.get(action.i) if ctx.speaker_of.get(action.i) != agent else None,
                         time_text=when, date=resolve_date(when, date, ctx.lang) if when else None,
                         trigger_start=action.idx))
    return out


def _fixed_entries(tok, lex):
    """Entries for a fixed expression the parser joined under its first word ("d'" + fixed
    "accord"): looked up as one adjective, "d'accord"."""
    fixed = [c for c in tok.children if c.dep_ == "fixed"]
    return lex.lookup(tok.lower_ + "".join(c.lower_ for c in fixed), "ADJ") if fixed else ()


def _participle_entries(tok, lex):
    """Verb entries for a past participle the model tagged as a noun or an adjective ("a
    téléphoné/NOUN à X", "ont gelé/ADJ les avoirs"):
    a French "-é(e)(s)" word with a tense auxiliary is the participle of an "-er" verb."""
    if tok.pos_ not in ("NOUN", "ADJ") or not tok.lower_.endswith(("é", "ée", "és", "ées")) or not any(
            c.dep_ == "aux:tense" for c in tok.children):
        return ()
    return lex.lookup(re.sub(r"é(e?s?)$", "", tok.lower_) + "er", "VERB")


def _all_of(word, noun) -> bool:
    """"toutes les liaisons", "tous ses vols": all of them, not "any" one ("toute attaque")."""
    return word.lower_ in ("tous", "toutes", "all") and any(
        d.dep_ in ("det", "det:poss") and d.lower_ in _DEFINITE_PLURAL for d in noun.children)


def _kind_of(tok):
    """The "form" or "kind" noun a noun is the complement of ("toute forme d'échange", "any kind
    of attack"), else the noun itself."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    return head if tok.dep_ in ("nmod", "pobj") and head.lemma_.lower() in _KIND_NOUNS else tok


def _adjective_entries(tok, lex):
    """Adjective entries for a French past participle the model read as a passive verb ("la
    décision est injustifiée/VERB"): the masculine singular form looked up as an adjective."""
    if tok.pos_ != "VERB" or not tok.lower_.endswith(("é", "ée", "és", "ées")) or not any(
            c.dep_ in ("aux:pass", "cop") and c.lemma_ == "être" for c in tok.children):
        return ()
    return lex.lookup(re.sub(r"é(e?s?)$", "é", tok.lower_), "ADJ")


def _lends_to_noun(tok, lex) -> bool:
    """A light verb whose object is a predicate noun of the lexicon ("donner son accord",
    "gave a warm welcome", "provided support"): the noun carries the event."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.light_verbs:
        return False
    return any(c.dep_ in OBJ and c.pos_ == "NOUN" and any(requires_ok(c, e) for e in lex.lookup(c.lemma_, "NOUN", c.text))
               for c in tok.children)


def _event_claims(ctx: Context, tok, entry, sent, date) -> list[Claim]:
    if entry.pos == "NOUN" and (entry.relation in _DONE_EVENTS or entry.relation == "meetsWith") and any(
            c.lower_ in _ANY_WORDS and not _all_of(c, t) for t in {tok, _kind_of(tok)} for c in t.children
            if c.dep_ in ("det", "amod", "advmod")):
        return []  # "la moindre attaque contre son territoire", "toute attaque du Pakistan", "toute forme d'échange
        # officiel entre les Etats-Unis et Taïwan": none made
    frame = [tok, tok.head] if tok.head.lemma_.lower() in entry.requires else [tok]  # "la levée éventuelle des …"
    if entry.pos == "NOUN" and (entry.relation in _DONE_EVENTS or entry.relation == "agreesTo") and any(
            c.lower_ in _MAYBE_WORDS for t in frame for c in t.children if c.dep_ == "amod"):
        return []  # "la levée éventuelle de ces sanctions", "a possible attack": nothing done
    if entry.pos == "NOUN" and entry.relation in _DONE_EVENTS and tok.dep_ in OBJ | {"obj"} and \
            tok.head.lemma_.lower() in _VIEW_VERBS:
        return []  # "Moscou considère les sanctions comme …", "the EU is considering new sanctions": none done
    if entry.relation in _DONE_EVENTS and _if_clause(tok, ctx.lex):
        return []  # "Si l'Iran mène une attaque, Israël répondra", "if Iran strikes": not done
    if entry.pos == "NOUN" and entry.relation == "meetsWith" and tok.dep_ in OBJ | {"obj"} and _intended(ctx, tok):
        return []  # "Il a proposé un sommet entre Biden et Poutine", "a demandé une rencontre": not held
    if entry.relation == "requests" and entry.pos == "VERB" and any(
            g.lower_ in ctx.lex.question_words and g.dep_ in ("mark", "advmod", "nsubj", "dobj", "obj", "attr")
            and g.i > tok.i for c in tok.children if c.dep_ in ("ccomp", "advcl", "xcomp") for g in c.children):
        return []  # "asked why Israeli negotiators did not return", "a demandé si …": a question
    if entry.relation == "attacks" and tok.lemma_.lower() in ctx.lex.aim_verbs and any(
            c.pos_ == "VERB" and any(m.dep_ == "mark" and m.lower_ in ("à", "to") for m in c.children)
            for c in tok.children):
        return []  # "un accord visant à mettre fin aux combats", "aimed to": a purpose, not a strike
    if entry.relation == "attacks" and entry.pos == "VERB" and _about_sanctions(ctx, tok):
        return []  # "des sanctions visant des centaines d'individus": what sanctions target is not attacked
    who, rule, confidence = agents(ctx, tok, entry)
    if entry.relation == "attacks" and tok.lemma_.lower() in ctx.lex.aim_verbs and who and all(
            a.cls in _SANCTIONING for a in who) and _near_sanctions(ctx, tok):
        entry = replace(entry, relation="sanctions")  # "en visant cette fois la compagnie PDVSA" among sanctions
        rule = f"{rule}-among-sanctions"
    whom = targets(ctx, tok, entry)
    if entry.relation == "meetsWith":
        pair = mutual(ctx, tok, entry, who, whom)
        if pair is not None:  # "X et Y se sont rencontrés", "une rencontre entre X et Y"
            who, whom, rule, confidence = pair
    elif reciprocal(tok, entry, who, whom):  # "le Hamas et Israël se sont accusés mutuellement"
        whom, rule, confidence = list(who), "reciprocal", 0.75
    if entry.pos == "NOUN" and entry.relation in ("sanctions", "attacks") \
            and whom and all(isinstance(w, Thing) and w.start <= tok.idx < w.end for w in whom) and (
                rule not in ("speaker", "clause-subject") or not any(
                    c.dep_ in ("prep", "nmod", "obl", "acl", "relcl", "acl:relcl") for c in tok.children)):
        return []  # "Moscou considère les sanctions comme …", "le bâton des sanctions", "depuis l'invasion russe",
        # "les sanctions des Etats-Unis": sanctions or an attack named, with no target
    if rule == "listed-subject":  # "Neuf Etats ont voté contre, dont X et Y": the list is who, not whom
        whom = [w for w in whom if w not in who]
    if who and not whom and entry.pos == "VERB" and tok.lemma_.lower() in ctx.lex.vote_words:
        whom = _voted_text(ctx, tok, entry)  # "Quatre pays ont voté contre : A, B, C et D"
    if rule == "announcing-authority" and not all(isinstance(w, Actor) for w in whom):
        return []  # "a missionary was arrested, according to the Canadian Press": no measure between actors
    if not who or not whom:
        return []
    mood = modality(ctx, tok, entry)
    neg = negated(ctx, tok)
    if entry.negative:  # "n'exclut pas le recours à la force" threatens; "exclut le recours" does not
        if not neg:
            return []
        neg = False  # "ne reconnaît pas la décision" rejects it; "n'exclut pas la force" may use it
        mood = "Hypothetical" if entry.relation == "threatens" else mood
    when = time_of(ctx, tok)
    place = place_of(ctx, tok) if entry.relation in ("meetsWith", "attacks", "deploys", "agreesTo") else None
    speaker = ctx.speaker_of.get(tok.i)
    relation = entry.relation
    if relation == "attacks" and speaker is not None and speaker in who and not neg and _announced(tok):
        relation, mood = "threatens", "Asserted"  # "Iran said it will strike US bases": a threat, not a strike
    elif relation == "agreesTo" and neg and entry.pos == "VERB" and not (  # not "failed to reach an agreement"
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.negative_verbs):
        relation, neg, rule = "rejects", False, f"{rule}-not-agreed"  # "will not accept any more refugees"
    elif relation == "warns" and not neg and _threatened(ctx, tok, whom):
        relation = "threatens"  # "a averti que son pays donnerait une réponse", "warned of consequences"
    elif relation == "aids" and entry.pos == "VERB" and not neg and _announced(tok):
        relation, mood = "offers", "Asserted"  # "Finland will give Tanzania a grant": a pledge, not yet aid
    begin, end, evidence = ctx.evidence(sent)
    out = []
    for subject in who:
        for obj in whom:
            if isinstance(obj, Actor) and obj.key == subject.key:
                continue
            if rule == "mutual" and obj in who and who.index(obj) < who.index(subject):
                continue  # each pair of the parties once
            if isinstance(obj, Thing) and entry.relation == "proposes" and obj.proposer is None:
                obj = replace(obj, proposer=subject)
            out.append(Claim(
                subject=subject, relation=relation, object=obj,
                sent_start=begin, sent_end=end, evidence=evidence,
                trigger=tok.text, rule=f"{ctx.lang}.{entry.pos.lower()}.{rule}", entry=entry.id,
                confidence=round(confidence * (0.9 if mood != "Asserted" else 1.0), 2),
                modality=mood, negated=neg, speaker=speaker if speaker != subject else None,
                time_text=when, date=resolve_date(when, date, ctx.lang) if when else None, place=place,
                trigger_start=tok.idx))
    return out


def _voted_text(ctx: Context, tok, entry) -> list[Thing]:
    """What a vote whose object the parser lost, or that has none, was on: the text its
    complement names ("pour voter en faveur de ce texte : A, B et C", the list taken for the
    object), else the nearest resolution named before it in its sentence or the two before."""
    named = [t for t in _prep_targets(tok, entry.preps) if t.pos_ in ("NOUN", "PROPN") and t.i > tok.i
             and ctx.resolve(t) is None]  # not a voter of the list: "ont voté contre : les États-Unis, …"
    if named:
        return [make_thing(ctx, named[0])]
    text = text_before(ctx, tok, {"Resolution"})
    return [text] if text is not None else []


def _if_clause(tok, lex) -> bool:
    """A word in an "if" clause: its verb (or itself) bears "si"/"if"."""
    verb = tok if tok.pos_ == "VERB" else next((a for a in list(tok.ancestors)[:3] if a.pos_ == "VERB"), None)
    return verb is not None and (verb.dep_ == "advcl" or (  # or an indirect question: "a demandé si la France
        verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.asking_verbs)) and any(  # enverrait des troupes"
        c.dep_ == "mark" and c.lower_ in _IF_WORDS for c in verb.children)


def _about_sanctions(ctx: Context, tok) -> bool:
    """A verb whose subject, or the noun it qualifies, is a sanction ("les sanctions visent X",
    "des sanctions visant X")."""
    nouns = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if tok.dep_ in ("acl", "acl:relcl", "relcl", "advcl"):
        nouns.append(tok.head)
    if tok.dep_ == "advcl":  # "ont imposé des sanctions à la Russie, visant …"
        objects = [c for c in tok.head.children if c.dep_ in OBJ]
        nouns.extend([*objects, *(g for c in objects for g in c.children if g.dep_ == "nmod")])
    return any(ctx.lex.object_kind(n.lemma_.lower()) == "Sanction" for n in nouns)


def _near_sanctions(ctx: Context, tok) -> bool:
    """A sanction named in the sentence of ``tok``, or the one before or after it."""
    sent = tok.sent
    end = ctx.doc[sent.end].sent.end if sent.end < len(ctx.doc) else sent.end
    return any(ctx.lex.object_kind(t.lemma_.lower()) == "Sanction" for t in ctx.doc[ctx._window_start(tok, 1):end])


def _threatened(ctx: Context, tok, whom) -> bool:
    """A warning whose content is a response, retaliation or consequences: a threat."""
    things = [w for w in whom if isinstance(w, Thing)]
    if not things:
        return False
    span = ctx.doc.char_span(things[0].start, things[0].end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("ccomp", "xcomp"):
        return False  # "a mis en garde contre les conséquences de …": a warning against, not a threat
    words = ctx.lex.threat_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in span)


_STATE_ROLES = ("foreignMinisterOf", "headOfGovernmentOf", "headOfStateOf")
_OWN_GOVERNMENT = _GOVERNMENT_WORDS | {"department", "département", "cabinet"}


def _unknown_body(ctx: Context, k: int) -> bool:
    """A complement after a title that names a body we do not know ("porte-parole de l'OIEA"),
    not the government's own ministry ("porte-parole du ministère des Affaires étrangères")."""
    if k >= len(ctx.doc) or ctx.doc[k].lower_ not in ("de", "du", "des", "d'", "d’", "of"):
        return False
    while k < len(ctx.doc) and ctx.doc[k].lower_ in _OF_WORDS:
        k += 1
    return k < len(ctx.doc) and ctx.doc[k].lower_ not in _OWN_GOVERNMENT


def _role_claims(ctx: Context) -> list[Claim]:
    from kg.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    out = []
    for role in ctx.roles:
        if role.person is None:
            continue
        of, confidence, rule = role.of, _ROLE_CONFIDENCE, "title"
        known = gaz.get(role.person.key) if role.person.gazetteer and role.person.key in gaz else None
        if of is None and known is not None and known.country and known.country in gaz and not _unknown_body(
                ctx, role.end):  # not "le porte-parole de l'OIEA": a body we do not know
            state = gaz.get(known.country)  # "Le secrétaire d'État Antony Blinken": his state, from the gazetteer
            of = Actor(state.id, state.cls, state.labels.get(ctx.lang) or state.id, ctx.lang, state.qid, True)
            confidence, rule = 0.75, "title-person-country"
        if of is None and (role.title.role in ("foreignMinisterOf", "headOfGovernmentOf", "headOfStateOf") or (
                role.title.role == "officialOf" and ctx.doc[role.start].lower_ in ctx.lex.cabinet_words)) and \
                ctx.doc[role.start:role.end].root.dep_ not in ("obj", "dobj", "iobj") and not _unknown_body(
                    ctx, role.end):  # not "le président du Parlement": a body we do not know; not "(les
            # États-Unis …) pour soutenir le président par intérim Juan Guaido": another state's, acted on
            of, confidence, rule = context_state(ctx.doc, role.start, ctx.actors), 0.6, "title-context-state"
        if of is None and role.start > 0 and ctx.doc[role.start - 1].lower_ in POSSESSIVES:
            # "Londres a envoyé son ministre d'État Andrew Murrison": the state the sentence is about
            of, confidence, rule = context_state(ctx.doc, role.start, ctx.actors), 0.6, "title-possessive-state"
        if of is not None and of.cls == "GovernmentBody" and of.gazetteer and role.title.role in _STATE_ROLES \
                and not _legislature(of, ctx.lex, gaz):  # "National Assembly president": the assembly's
            state = gaz.get(gaz.get(of.key).government_of) if gaz.get(of.key).government_of else None
            if state is not None:  # "chef de la diplomatie française" -> France, not the ministry
                of = Actor(state.id, state.cls, state.labels.get(ctx.lang) or state.id, ctx.lang, state.qid, True)
        if of is None or of.key == role.person.key:
            continue
        relation = role.title.role
        if relation == "officialOf" and of.cls == "State" and \
                ctx.doc[role.start:role.end][0].lower_ in ctx.lex.state_leaders:
            relation = "headOfStateOf"  # "le dirigeant nord-coréen Kim Jong Un", "Libyan leader Gaddafi"
        if relation in _STATE_ROLES and of.cls != "State":
            relation = "officialOf"  # "European Commission President", "chef de la diplomatie de l'UE"
        begin, end, evidence = ctx.evidence(ctx.doc[role.start].sent)
        out.append(Claim(subject=role.person, relation=relation, object=of,
                         sent_start=begin, sent_end=end, evidence=evidence,
                         trigger=ctx.doc[role.start:role.end].text, rule=f"{ctx.lang}.role.{rule}",
                         entry=role.title.id, confidence=confidence, trigger_start=ctx.doc[role.start].idx))
    return out


def _first_mentions(roles: list[Claim]) -> list[Claim]:
    """One role claim per person, office and body in a document: the first titled mention
    ("le président Bazoum" again later says nothing new)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for claim in sorted(roles, key=lambda c: c.trigger_start):
        key = (claim.subject.key, claim.relation, claim.object.key)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def _counterpart_claims(ctx: Context, roles: list[Claim]) -> list[Claim]:
    """"Poroshenko … his Russian counterpart Vladimir Putin", "son homologue russe Sergueï
    Lavrov": the person named holds, for the counterpart's state, the state office of the
    nearest office holder named before (of another state). Nothing when there is none."""
    out = []
    for i in token_indices(ctx.doc, ctx.lex.counterpart_words):
        tok = ctx.doc[i]
        states = [ctx.actors.demonyms[k] for k in (tok.i - 1, tok.i + 1) if k in ctx.actors.demonyms]
        pairs = respective(ctx.doc, tok.i + 1, ctx.actors) if tok.i + 1 in ctx.actors.demonyms else []
        for state, person, _ in pairs or [(states[0] if states else None, ctx._name_after(tok), None)]:
            if state is not None and person is not None and not any(c.subject.key == person.key for c in roles):
                out.extend(_counterpart_claim(ctx, tok, roles, state, person))
    return out


def _counterpart_claim(ctx: Context, tok, roles: list[Claim], state: Actor, person: Actor) -> list[Claim]:
    """The office ``person``, a counterpart of ``state`` named at ``tok``, holds: that of the
    holder named in the sentence before it, else of the one the article named before."""
    before = [c for c in roles if c.relation in _STATE_ROLES and c.trigger_start < tok.idx
              and c.object.key != state.key and c.subject.key != person.key]
    here = [r for r in ctx.roles if r.title.role in _STATE_ROLES and tok.sent.start <= r.start < tok.i
            and (r.person is None or r.person.key != person.key)]
    held = {c.subject.key: c for c in roles if c.relation in _STATE_ROLES}
    named = [held[a.key] for k in range(tok.i - 1, tok.sent.start - 1, -1)
             if (a := ctx.actors.by_token.get(k)) is not None and a.key in held and a.key != person.key]
    if here:  # "le président turc s'est entretenu avec son homologue russe": the office of this sentence's
        model_role = max(here, key=lambda r: r.start)  # holder, not of the last one named before
        relation, entry = model_role.title.role, model_role.title.id
    elif named:  # "Erdogan a discuté avec son homologue argentin": the office Erdogan holds
        relation, entry = named[0].relation, named[0].entry
    elif before:
        model = max(before, key=lambda c: c.trigger_start)
        relation, entry = model.relation, model.entry
    else:  # a titled holder whose state the article does not say: "le président Denis Sassou N'Guesso"
        titled = [r for r in ctx.roles if r.title.role in _STATE_ROLES and r.start < tok.i
                  and r.person is not None and r.person.key != person.key]
        if not titled:
            return []
        model_role = max(titled, key=lambda r: r.start)
        relation, entry = model_role.title.role, model_role.title.id
    begin, end, evidence = ctx.evidence(tok.sent)
    return [Claim(subject=person, relation=relation, object=state,
                  sent_start=begin, sent_end=end, evidence=evidence, trigger=tok.text,
                  rule=f"{ctx.lang}.role.counterpart", entry=entry, confidence=0.6,
                  trigger_start=tok.idx)]


def _legislature(body: Actor, lex, gaz) -> bool:
    """Whether a body is a parliament or assembly (its names hold a legislature word):
    its president or speaker is its officer, not the head of its state."""
    entry = gaz.get(body.key)
    names = [body.label, *entry.labels.values(), *(n for ns in entry.aliases.values() for n in ns)]
    return any(word in lex.legislature_words for name in names for word in name.lower().split())


_HOSTILE = frozenset({"threatens", "attacks"})
_FRIENDLY = frozenset({"offers", "proposes", "supports", "agreesTo"})


def _drop_promised_threats(claims: list[Claim], lex) -> list[Claim]:
    """"a promis une riposte", "vowed retaliation": the promise of a threat is the threat,
    not an offer; drop the friendly claim whose object holds a hostile claim's trigger, and the
    promise whose object opens with a word of retaliation ("ont promis une réponse forte et ferme si
    Pyongyang …", "a promis de s'en prendre aux navires", "promised hell")."""
    hostile_words = lex.retaliation_words | lex.threat_words | lex.hostile_promises

    def covered(c: Claim) -> bool:
        obj = c.object
        if not isinstance(obj, Thing) or c.relation not in _FRIENDLY:
            return False
        if c.relation == "offers" and any(w.strip("«»\"“”'’") in hostile_words for w in obj.label.lower().split()[:3]):
            return True
        return any(d.relation in _HOSTILE and d.subject.key == c.subject.key and obj.start <= d.trigger_start < obj.end
                   for d in claims)
    return [c for c in claims if not covered(c)]


def _drop_covered_things(claims: list[Claim]) -> list[Claim]:
    """"a menacé de punir Israël": once a claim names the actor inside a thing ("Iran threatens
    Israel", triggered by "punir"), the same claim on the thing that holds its trigger says no more."""
    def covered(c: Claim) -> bool:
        obj = c.object
        return isinstance(obj, Thing) and any(
            isinstance(d.object, Actor) and (d.subject.key, d.relation, d.sent_start) == (
                c.subject.key, c.relation, c.sent_start) and obj.start <= d.trigger_start < obj.end for d in claims)
    return [c for c in claims if not covered(c)]


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per subject, relation, sentence and object (overlapping things are one object)."""
    out: list[Claim] = []
    for c in claims:
        if not any(_same(c, d) for d in out):
            out.append(c)
    return out


def _same(a: Claim, b: Claim) -> bool:
    if (a.subject.key, a.relation, a.sent_start) != (b.subject.key, b.relation, b.sent_start):
        return False
    x, y = a.object, b.object
    if isinstance(x, Thing) and isinstance(y, Thing):
        return x.start < y.end and y.start < x.end
    return x.key == y.key


def _all_actors(ctx: Context, claims: list[Claim]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for _, actor in ctx.actors.spans:
        seen.setdefault(actor.key, actor)
    return list(seen.values())
