"""Event relations from predicate words: verbs, nouns and adjectives of the lexicon.

For each word of the lexicon in a sentence, the rules find the agent and the
target according to the entry's frame, then modality, negation, time and
place. One comment per construction names what it handles.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.calendar import CALENDAR_WORDS, DAYS
from kg.extract.context import PASSIVE_AGENT, SUBJ, Context, _case, _conjuncts, apposed_participle
from kg.extract.objects import make_thing
from kg.extract.records import Actor, Thing
from kg.extract.roles import respective
from kg.lexicon import Entry

OBJ = frozenset({"obj", "dobj", "iobj", "attr", "oprd"})
COMPLEMENT = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "iobj", "advcl", "acl", "xcomp", "prep", "dative"})
PASSIVE_MARK = frozenset({"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"})
CLAUSE_UP = frozenset({"xcomp", "conj", "ccomp", "advcl", "acl", "acomp", "ROOT"})


def _prep_targets(tok: Token, preps: tuple[str, ...], *, deep: bool = False) -> Iterator[Token]:
    """Complements introduced by one of ``preps``: UD (``case`` child) and English (``prep`` + ``pobj``).
    With ``deep``, also complements the parser attached one level down ("le rejet par Moscou du plan")."""
    if not preps:
        return
    children = list(tok.children)
    if deep:
        children += [g for c in tok.children if c.i > tok.i and c.lemma_.lower() not in _CAUSE_NOUNS
                     for g in c.children if g.i > c.i]  # not "en réponse à l'ingérence de Moscou": a cause
        children += [g for c in tok.children if c.dep_ == "prep" for p in c.children for g in p.children
                     if g.dep_ == "prep"]
        children += [gg for c in tok.children if c.dep_ in ("acl:relcl", "relcl") for g in c.children
                     if g.dep_ in ("xcomp", "dep") and g.pos_ == "VERB" for gg in g.children if gg.i > g.i]
        # "l'embargo que la Russie compte imposer à la Turquie"
    for child in children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:  # English: "talks with Iran", "gave aid to"
            yield from (c for c in child.children if c.dep_ in ("pobj", "pcomp") and not _is_time(c))
        elif child.lemma_.lower() in _COMPLEX_PREPS and child.lemma_.lower() in preps and child.i > tok.i:
            yield from (g for g in child.children if _case(g) in ("de", "du", "des", "d'", "d’"))  # "à l'encontre du
            # président russe": the complement of a prepositional phrase
        elif child.dep_ in COMPLEMENT and child.i > tok.i and _case(child) in preps and not _is_time(child):
            yield child  # French: "s'opposer à la présence", "pourparlers avec les États-Unis"
        elif child.i > tok.i and child.dep_ not in ("conj", "ccomp", "xcomp", "advcl", "acl", "acl:relcl"):
            yield from (g for g in child.children if g.dep_ == "conj" and _case(g) in preps and not _is_time(g))
            # a complement the parser coordinated with an adjunct: "avec X durant une heure, puis avec Y"


_CAUSE_NOUNS = frozenset({"réponse", "représailles", "riposte", "réaction", "rétorsion", "response", "retaliation",
                          "reaction", "reprisal"})


def _partitive(tok: Token) -> bool:
    """A noun whose "case" is a partitive article the parser took for a preposition
    ("a déployé des/ADP dizaines de milliers de soldats")."""
    return any(c.dep_ == "case" and c.i < tok.i and "Art" in c.morph.get("PronType") for c in tok.children)


def _is_time(tok: Token) -> bool:
    """A date or a day name: "on Saturday" is no target; nor is a span of time named with a
    demonstrative or "last/next" ("a déployé ces dernières semaines des soldats", "in the past weeks")."""
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS:
        return True
    if tok.lower_ in _PERIOD_PARTS and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in CALENDAR_WORDS:
        return True  # "avait averti fin avril que …", "début mars", "mid-June"
    return tok.lemma_.lower() in _PERIOD_NOUNS and any(
        c.lower_ in _PERIOD_MODIFIERS or c.lemma_.lower() in _PERIOD_MODIFIERS for c in tok.children)


def _subject(tok: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a predicate, climbing through xcomp/conj/auxiliaries."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ]
    if subjects:  # two is a misparse: « Le traité prévoit … », a déclaré M. Poutine: the one next to the verb
        return min(subjects, key=lambda c: abs(c.i - tok.i))
    for child in tok.children:  # the parser hung the subject on the auxiliary
        if child.dep_.startswith("aux") or child.dep_ == "cop":
            for grand in child.children:
                if grand.dep_ in SUBJ:
                    return grand
    if tok.dep_ == "ROOT":  # an unlabelled name that opens the clause: "Washington/dep et Pékin ont tenu"
        first = next((c for c in tok.children if c.i < tok.i), None)
        if first is not None and first.dep_ == "dep" and first.pos_ == "PROPN" and first.i == tok.sent.start \
                and _case(first) is None:
            return first
    if depth < 3 and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "by", "while"):
        return _subject(tok.head.head, depth + 1)  # "joined Hizbullah in condemning": the joiners condemn
        # (not "before allowing aid convoys": that has not happened)
    if depth < 3 and _conjoined_to_object(tok):  # "Le Pakistan a rejeté les accusations de New Delhi et condamné
        return _subject(tok.head.head, depth + 1)  # l'attaque": the participle goes with "a rejeté"
    if depth < 3 and tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and _disagrees(tok, tok.head):
        return _subject(tok.head.head, depth + 1)  # "X a déclaré que les auteurs avaient des liens et a demandé
        # au Pakistan …": the singular "a demandé" goes with "a déclaré", not with the plural "avaient"
    if depth < 3 and _possessed_infinitive(tok):  # "Morales a justifié sa décision d'expulser …", "ont décidé à
        verb = _governing_verb(tok.head)  # leur tour d'expulser …": the possessor, the clause's subject
        return _subject(verb, depth + 1) if verb is not None else None
    if depth < 3 and tok.dep_ in CLAUSE_UP and tok.head is not tok and tok.dep_ != "ROOT":
        if tok.dep_ in ("ccomp", "advcl", "acl") and tok.pos_ in ("VERB",) and not _controlled(tok):
            return None  # a new clause with its own (missing) subject; not "…, les exhortant à …"
        return _subject(tok.head, depth + 1)
    return None


def _conjoined_to_object(tok: Token) -> bool:
    """A bare past participle the parser coordinated with the object of a compound tense instead of
    with its verb: "a rejeté les accusations de New Delhi et condamné l'attaque"."""
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") \
        and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("obj", "dobj") \
        and tok.head.head.pos_ == "VERB" and "Part" in tok.head.head.morph.get("VerbForm") \
        and any(c.dep_.startswith("aux") for c in tok.head.head.children) \
        and not any(c.dep_.startswith("aux") or c.dep_ in SUBJ for c in tok.children) \
        and any(c.dep_ == "cc" for c in tok.children)


def _number(verb: Token) -> str | None:
    """The grammatical number of a finite verb, from its tense auxiliary or itself."""
    for t in [*(c for c in verb.children if c.dep_ in ("aux", "aux:tense")), verb]:
        number = t.morph.get("Number")
        if number and "Fin" in t.morph.get("VerbForm"):
            return number[0]
    return None


def _disagrees(verb: Token, other: Token) -> bool:
    """Two finite verbs of different number: they cannot share a subject."""
    a, b = _number(verb), _number(other)
    return a is not None and b is not None and a != b


_IF_WORDS = frozenset({"si", "s'", "s’", "if"})
_READY_WORDS = frozenset({"prêt", "prête", "prêts", "prêtes", "disposé", "disposés", "ready", "prepared",
                          "willing"})
_FUTURE_ENDINGS = ("rait", "raient", "ront", "era", "eras")


def _announced(tok: Token) -> bool:
    """A verb in the future or the conditional: "will strike", "would blockade", "frappera",
    "frapperait", "allaient attaquer"."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux", "aux:tense") and c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children):
        return True
    if set(tok.morph.get("Tense")) & {"Fut"} or set(tok.morph.get("Mood")) & {"Cnd"}:
        return True
    if tok.lower_.endswith(_FUTURE_ENDINGS) and tok.lemma_.lower().endswith(("er", "ir", "re")):
        return True  # the model reads "frapperait" as an imperfect
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("aller", "going")


def _controlled(tok: Token) -> bool:
    """An adverbial participle or infinitive whose subject is the main clause's:
    "…, les exhortant à …", "après avoir opposé leur veto, les États-Unis …"."""
    forms = set(tok.morph.get("VerbForm"))
    if tok.dep_ != "advcl":
        return False
    if any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in tok.children):
        return False  # a compound tense is finite: "… que Lavrov et Cavusoglu se sont rencontrés"
    if forms & {"Part", "Ger"} or tok.tag_ in ("VBG",):
        return True
    return bool(forms & {"Inf"} or tok.tag_ == "VB") and any(
        t.lower_ in ("après", "avant", "sans", "pour", "afin", "after", "before", "without")
        for t in tok.subtree if t.i < tok.i) or any(  # "began a hunger strike to protest against …"
        c.lower_ == "to" and c.dep_ in ("aux", "mark") and c.i == tok.i - 1 for c in tok.children)


_DECISION_NOUNS = frozenset({"décision"})


def _possessed_infinitive(tok: Token) -> bool:
    """An infinitive with "de" hung on a noun with a possessive: a decision ("sa décision d'expulser
    l'ambassadeur"), or an adjunct the parser took for its head ("ont décidé à leur tour d'expulser")."""
    if tok.dep_ != "acl" or tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in tok.children):
        return False
    head = tok.head
    if head.pos_ != "NOUN" or head.i > tok.i or not any("Yes" in c.morph.get("Poss") for c in head.children):
        return False
    return head.lemma_.lower() in _DECISION_NOUNS or (head.dep_.startswith("obl") and head.head.pos_ == "VERB")


def _is_passive(tok: Token) -> bool:
    """A passive verb; a pronominal verb the parser labelled passive is not one ("X et Y se sont
    rencontrés" with "X" as nsubj:pass)."""
    if tok.lemma_.lower() in _ETRE_VERBS and not any(
            c.dep_ in PASSIVE_AGENT or _case(c) == "par" for c in tok.children):
        return False  # "est arrivé à Amman": "être" is the tense of a verb of motion, not a passive
    if "Part" in tok.morph.get("VerbForm") and any(c.lemma_ == "être" and c.dep_ == "aux:tense" for c in tok.children) \
            and any(c.dep_ in PASSIVE_AGENT for c in tok.children):
        return True  # "Xi Jinping est reçu … par Emmanuel Macron" with "est" read as a tense
    if any(c.lemma_.lower() in ("avoir", "have") and c.dep_.startswith("aux") for c in tok.children) and not any(
            c.dep_ in ("aux:pass", "auxpass") or c.lemma_.lower() in ("être", "be") and c.dep_.startswith("aux")
            for c in tok.children):
        return False  # "Pyongyang a rejeté cette décision" with "Pyongyang" misread as a passive subject
    return any(c.dep_ in PASSIVE_MARK for c in tok.children) and not (
        _is_reflexive(tok) and not any(c.dep_ in PASSIVE_AGENT or _case(c) == "par" for c in tok.children))


_ETRE_VERBS = frozenset({"arriver", "venir", "revenir", "partir", "repartir", "aller", "entrer", "rentrer",
                         "retourner", "rester", "devenir", "parvenir", "intervenir", "passer", "sortir", "descendre",
                         "monter", "tomber"})


def _passive_agent(ctx: Context, tok: Token) -> list[Actor]:
    """``rejeté par Moscou`` / ``rejected by Moscow``."""
    if any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in tok.children) and not any(
            c.dep_ in ("aux:pass", "auxpass") for c in tok.children):
        return []  # an active compound past: "ont rencontré le président par intérim …"
    for child in tok.children:
        if (child.dep_ in PASSIVE_AGENT and _case(child) in (None, "par", "by")) or (
                child.dep_.startswith("obl") and _case(child) == "par"):  # not "entretenu avec X" mislabelled
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
            actors = ctx.resolve_all(target)
            if actors:  # and the list items the parser hung on the verb: "par la Russie, la Chine, la Turquie"
                listed = [a for c in tok.children if c.i > target.i and c.dep_ in ("obl:mod", "obl", "nmod")
                          and _case(c) is None and ctx.doc[c.left_edge.i - 1].text == "," or (
                              c.i > target.i and c.dep_ == "conj" and c.head.i == tok.i)
                          for a in ctx.resolve_all(c)]
                listed += named_after(ctx, target, actors[-1])  # "accueilli par le président allemand X et le
                return actors + [a for a in dict.fromkeys(listed) if a not in actors]  # chancelier Y"
            if target.i == child.i:  # the parser lost the agent's object: the name run right after "by"
                run = []
                for k in range(child.i + 1, min(len(ctx.doc), child.i + 7)):
                    if ctx.doc[k].pos_ not in ("PROPN", "NOUN", "ADJ", "DET"):
                        break
                    run.append(ctx.doc[k])
                named = [ctx.actors.actor_at(t) for t in run if ctx.actors.actor_at(t) is not None]
                if named:
                    return [named[-1]]  # "by U.S. President Joe Biden": the person, not the adjective state
    if _is_passive(tok):  # "accepté en principe par Moscou et Washington": "par" hung on the adjunct before it
        for child in tok.children:
            if child.dep_.startswith("obl") and child.i > tok.i and _case(child) in ("en", "in"):
                for g in child.children:
                    found = ctx.resolve_all(g) if g.dep_ == "nmod" and _case(g) == "par" else []
                    if found:
                        return found
    return []


def _governing_verb(tok: Token) -> Token | None:
    head = tok
    for _ in range(6):
        if head.head is head:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _argument_of_verb(tok: Token) -> bool:
    """The noun hangs from a verb through nouns and prepositions only ("a imposé un paquet de
    sanctions"), not through an adjective or a clause ("la proposition … était inacceptable")."""
    head = tok
    for _ in range(5):
        if head.head is head:
            return False
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return True
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
    return False


_TIME_WORDS = frozenset([*DAYS["en"], *DAYS["fr"], *"today yesterday tomorrow tonight aujourd'hui hier demain".split()])
_AGAINST = frozenset({"rejects", "opposes", "accuses", "warns"})
_PERIOD_PARTS = frozenset({"fin", "début", "mi", "courant", "end", "early", "mid", "late"})
_PERIOD_NOUNS = frozenset("semaine mois année an jour heure week month year day hour weekend week-end".split())
_PERIOD_MODIFIERS = frozenset("ce cet cette ces dernier prochain last past next coming this these".split())


def _owns_noun(ctx: Context, tok: Token) -> bool:
    """Whether the subject of the clause is the agent of a noun predicate in it: yes for
    "lors de pourparlers avec X, la Russie …", "l'UE a imposé des sanctions", "la Russie a
    intensifié ses bombardements"; no when the clause's verb is a stance against the noun's
    event, which is someone else's ("la Chine a rejeté l'appel lancé à l'OMS")."""
    if any(tok.i == t.i for c in tok.children if c.dep_ in SUBJ for t in c.subtree):
        return False
    verb = _governing_verb(tok)
    if verb is None:
        return False
    if any(tok.i == t.i for c in verb.children if c.dep_ in SUBJ for t in c.subtree):
        return False  # the noun is inside the subject itself
    for a in tok.ancestors:  # "tient Téhéran pour responsable de l'attaque": the attack is someone else's
        if a.i == verb.i:
            break
        if any(e.relation in _AGAINST for e in ctx.lex.lookup(a.lemma_, a.pos_, a.text)):
            return False
    branch = next((a for a in [tok, *tok.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    if branch is not None and branch.dep_ in ("advmod", "obl:mod", "advcl") and branch.i < verb.i:
        return True  # a fronted adjunct: "Lors d'un entretien avec X, Poutine a évoqué …"
    if verb.lemma_.lower() in ctx.lex.reaction_verbs:
        return False  # "a salué les sanctions", "welcomed the sanctions": someone else's
    return not any(e.relation in _AGAINST and requires_ok(verb, e) for e in ctx.lex.lookup(verb.lemma_, verb.pos_, verb.text))


def _intended(ctx: Context, tok: Token) -> bool:
    """The noun is the content of a threat, proposal, request or offer by its governing verb."""
    verb = _governing_verb(tok)
    return verb is not None and any(e.relation in ("threatens", "proposes", "requests", "offers") and (
        not e.object_kinds or set(e.object_kinds) - {"Actor"})  # not "a ordonné l'expulsion de …" (orders
        for e in ctx.lex.lookup(verb.lemma_, verb.pos_, verb.text))  # are given to actors: "ordered Iraq to")


def _right_actor(ctx: Context, tok: Token, entry: Entry) -> list[Token]:
    """Fallback for relations aimed at an actor: an actor named right after the verb, before
    the next verb or punctuation ("Kinshasa accuse depuis des mois Kigali de …")."""
    after_place = False
    k = tok.i + 1
    while k < min(tok.sent.end, tok.i + 10):
        cand = ctx.doc[k]
        if cand.text == "," and after_place:  # "a accueilli à Washington, la ministre …"
            after_place, k = False, k + 1
            continue
        if cand.is_punct or cand.pos_ in ("SCONJ", "CCONJ") or (cand.pos_ == "VERB" and k != tok.i):
            break  # not past a clause's start: "n'exclut pas le recours à la force si le président …", "ont
            # appelé à la retenue et la compagnie Lufthansa a suspendu …"
        if ctx.actors.actor_at(cand) is not None or (cand.i in ctx.role_at and ctx.resolve(cand) is not None):
            span = ctx.actors.span_of(cand)
            case = _case(span.root if span is not None else cand)  # "to the United Nations": the name's head
            if any(t.lower_ == "auprès" for t in ctx.doc[max(k - 3, tok.i + 1):k]):
                k += 1
                continue  # "s'est plaint auprès de l'ONU": whom one turns to, not the target
            if case is None or case in entry.preps:
                return [cand]
            if entry.relation == "meetsWith" and case in _PLACE_PREPS and ctx.actors.actor_at(cand) is not None:
                span = ctx.actors.span_of(cand)  # where the meeting is, not whom: skip it
                k, after_place = (span.end if span is not None else k + 1), True
                continue
            break
        k += 1
    return []


_COMPLEX_PREPS = frozenset({"encontre", "égard", "faveur"})  # "à l'encontre de", "à l'égard de", "en faveur de"
_PLACE_PREPS = frozenset({"à", "au", "en", "dans", "in", "at"})
_OBJECT_RELATIVE = frozenset({"que", "qu'", "qu’", "which", "whom", "that"})

def _object_relative(tok: Token) -> bool:
    """A relative clause whose object is the relative pronoun and whose subject is its own:
    "le plan que la Russie a rejeté", "des bateaux qu'elle accuse" (not "le fait que Trump vise
    des sites", where "que" introduces a clause that has its own object)."""
    if tok.dep_ not in ("acl:relcl", "relcl", "acl") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    children = list(tok.children)
    return any(c.dep_ in OBJ and c.lower_ in _OBJECT_RELATIVE for c in children) and any(
        c.dep_ in SUBJ and c.lower_ not in ("qui", "who", "which", "that") for c in children) and not any(
        c.dep_ in OBJ and c.pos_ in ("NOUN", "PROPN") for c in children)


_ACTOR_AIMED = frozenset({"accuses", "requests", "threatens", "attacks", "sanctions", "supports", "aids",
                          "meetsWith", "warns"})


def _left_actor(ctx: Context, tok: Token, sent: Span) -> list[Actor]:
    """Fallback: the nearest actor named before the clause in the sentence, outside
    prepositional phrases (for parses that lost the subject: "Starmer/VERB prévoit …")."""
    top = tok
    while top.dep_ in ("xcomp",) and top.head is not top:
        top = top.head
    for k in range(top.i - 1, max(sent.start, top.i - 12) - 1, -1):
        cand = ctx.doc[k]
        if cand.text in (";", ":", "«", "»", "“", "”"):
            break
        actor = ctx.actors.actor_at(cand) or (
            ctx.resolve(cand) if cand.pos_ in ("PROPN", "NOUN", "PRON") else None)
        if actor is not None and any(a.dep_ in ("acl", "relcl", "acl:relcl") and a.i < top.i for a in cand.ancestors):
            continue  # inside a modifier of the subject: "hackers angered by cartoons of the Prophet Mohammed"
        if actor is not None and cand.dep_ in OBJ and cand.head.pos_ in ("VERB", "AUX") and cand.head.i < tok.i:
            continue  # the object of an earlier verb: "killed two Iraqi youths and wounded five others"
        span = ctx.actors.span_of(cand) if actor is not None else None
        root = span.root if span is not None else cand  # "à la Maison-Blanche": the name's head has the case
        if actor is not None and _case(cand) is None and cand.dep_ not in ("nmod", "obl", "obl:mod", "pobj") and (
                _case(root) is None and root.dep_ not in ("nmod", "obl", "obl:mod", "pobj")):
            top = cand
            while top.dep_ in ("appos", "flat:name", "conj") and top.head.i < top.i:
                top = top.head  # "Le secrétaire général de l'OTAN, Jens Stoltenberg, et le président …, Petro …"
            grouped = ctx.resolve_all(top) if top.i != cand.i and _case(top) is None else []
            if len(grouped) > 1 and actor in grouped:
                return grouped
            return [*_left_conjoined(ctx, cand, sent), actor]
        if cand.pos_ == "VERB" and cand.dep_ != "dep" and actor is None:
            break
    return []


def _left_conjoined(ctx: Context, tok: Token, sent: Span) -> list[Actor]:
    """The actors named before ``tok`` and coordinated with it ("Vladimir Poutine et Xi Jinping"),
    for parses that lost the coordination."""
    out: list[Actor] = []
    span = ctx.actors.span_of(tok)
    start = span.start if span is not None else tok.i
    if start - 1 >= sent.start and ctx.doc[start - 1].pos_ == "DET":
        start -= 1  # "Israël et le Hamas"
    while start - 2 >= sent.start and ctx.doc[start - 1].lower_ in ("et", "and", ","):
        prev = ctx.doc[start - 2]
        actor = ctx.actors.actor_at(prev)
        if actor is None or _case(prev) is not None:
            break
        out.insert(0, actor)
        span = ctx.actors.span_of(prev)
        start = span.start if span is not None else prev.i
    return out


def named_after(ctx: Context, tok: Token, first: Actor) -> list[Actor]:
    """The actors listed after ``first`` (named at or after ``tok``) with "et", "," or "puis", each with an
    article or a title allowed before it, whatever the parse made of the list: "le président allemand
    X et le chancelier Y", "X, puis l'envoyé spécial Y et Z", "MM X et Y"."""
    doc, out = ctx.doc, []
    span = next((sp for sp, a in ctx.actors.spans if a == first and sp.start >= tok.i), None)
    if span is None:
        role = next((r for r in ctx.roles if r.person == first and r.start >= tok.i), None)
        span = next((sp for sp, a in ctx.actors.spans if a == first and role is not None and sp.start >= role.end),
                    None)
    if span is None:
        return []
    k, end = span.end, tok.sent.end
    while k + 1 < end and doc[k].lower_ in (",", "et", "and", "puis", "then"):
        k += 1
        while k < end and doc[k].lower_ in ("puis", "then", "aussi", "also"):
            k += 1
        while k < end and doc[k].pos_ == "DET":
            k += 1
        role = ctx.role_at.get(k)
        if role is not None and role.person is not None:  # a title and its holder's name
            name = next((sp for sp, a in ctx.actors.spans if a == role.person and sp.start >= k), None)
            if name is None or name.start - role.end > 8 or any(  # "l'envoyé spécial des États-Unis pour le
                    t.pos_ in ("VERB", "AUX") for t in doc[role.end:name.start]):  # Moyen-Orient Steve Witkoff"
                break
            out.append(role.person)
            k = name.end
            continue
        actor = ctx.actors.actor_at(doc[k]) if k < end else None
        if actor is None or actor.cls != first.cls or doc[k].dep_ in SUBJ:
            break  # (not "a rencontré Poutine et Macron a dit …": a new clause)
        out.append(actor)
        name = ctx.actors.span_of(doc[k])
        k = name.end if name is not None else k + 1
    return out


def _right_conjoined(ctx: Context, tok: Token) -> list[Actor]:
    """The actors named after ``tok`` and coordinated with it by "et"/"and"/"," (an article
    allowed), for parses that lost the coordination: "entre Israël et le Hamas"."""
    out: list[Actor] = []
    span = ctx.actors.span_of(tok)
    k = span.end if span is not None else tok.i + 1
    doc = ctx.doc
    while k + 1 < tok.sent.end and doc[k].lower_ in ("et", "and", ","):
        k += 1
        if doc[k].pos_ == "DET" and k + 1 < tok.sent.end:
            k += 1
        actor = ctx.actors.actor_at(doc[k])
        if actor is None:
            break
        out.append(actor)
        span = ctx.actors.span_of(doc[k])
        k = span.end if span is not None else k + 1
    return out


def _between_parties(ctx: Context, tok: Token) -> list[Actor]:
    """The actors of an "entre X et Y" / "between X and Y" phrase on the predicate or on the
    noun it is about ("signé entre le gouvernement et les groupes armés", "la signature d'un
    accord entre la Russie et l'Ukraine")."""
    hosts = [tok, *(c for c in tok.children if c.dep_ in SUBJ | OBJ or _case(c) in ("de", "d'", "d’", "du", "des", "of"))]
    if tok.pos_ == "NOUN" and tok.dep_ in SUBJ | OBJ and tok.head.pos_ == "VERB":
        hosts.append(tok.head)  # "des négociations se sont tenues vendredi entre l'Iran et la France", "la Turquie
        # a accueilli des pourparlers entre la Russie et l'Ukraine" (the host is no party)
    for host in hosts:
        for cand in _prep_targets(host, ("entre", "between"), deep=host.i != tok.i and host.pos_ == "VERB"):
            parties = ctx.resolve_all(cand)
            parties += [a for a in _apposed_parties(ctx, cand) if a not in parties]
            if len(parties) == 1:
                parties += [a for a in _right_conjoined(ctx, cand) if a not in parties]
            return parties
    return []


def _apposed_parties(ctx: Context, cand: Token) -> list[Actor]:
    """Parties the parser hung as appositions in a list ("entre le président azerbaïdjanais Ilham
    Aliyev, le Premier ministre arménien Nikol Pachinian et le président américain Donald Trump":
    the second title an appos of the first, the third a conj of the second)."""
    out: list[Actor] = []
    todo = [c for c in cand.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i in ctx.role_at]
    while todo:
        t = todo.pop(0)
        actor = ctx.resolve(t)
        if actor is not None and actor not in out:
            out.append(actor)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _aimed_at(ctx: Context, clause: Token) -> list[Token]:
    """The actors an action is aimed at ("contre X", "against X") inside a clause."""
    return [t for t in clause.subtree if _case(t) in ("contre", "against") and ctx.resolve(t) is not None][:1]


def _que_subjects(ctx: Context, tok: Token) -> list[Actor]:
    """The actors named between "que"/"that" and a verb the parser left without a subject
    ("a déclaré … que Lavrov/nmod et Cavusoglu se sont rencontrés")."""
    doc, sent = ctx.doc, tok.sent
    k = tok.i - 1
    while k > sent.start and (doc[k].pos_ == "AUX" or doc[k].lower_ in ("se", "s'", "s’", "ne", "n'", "n’")):
        k -= 1
    found: list[Actor] = []
    while k > sent.start:
        actor = ctx.actors.actor_at(doc[k])
        if actor is not None:
            if actor not in found:
                found.insert(0, actor)
        elif doc[k].lower_ in ("que", "qu'", "qu’", "that"):
            return found
        elif doc[k].lower_ not in ("et", "and", ",") and doc[k].pos_ != "DET":
            return []
        k -= 1
    return []


def _past_target(ctx: Context, tok: Token, entry: Entry, k: int) -> bool:
    """Whether token ``k`` is inside the noun's target phrase, or after its first target and a
    comma, where no agent of the noun is ("des sanctions contre la Russie, notamment le géant
    russe Rosneft")."""
    targets_ = list(_prep_targets(tok, entry.preps))
    aimed = [t.i for t in targets_]
    if _case(ctx.doc[k]) not in ("par", "by") and any(t.i < k <= t.right_edge.i for t in targets_):
        return True  # inside the target's own phrase: "des appels à la désertion de l'armée" (the army is no agent)
    return bool(aimed) and min(aimed) < k and k not in aimed and any(
        t.text == "," for t in ctx.doc[min(aimed):k])


def agents(ctx: Context, tok: Token, entry: Entry) -> tuple[list[Actor], str, float]:
    """The agents of a predicate word, the rule that found them, and its confidence."""
    sent = tok.sent
    # passive: "la proposition a été rejetée par Moscou", "le plan proposé par Moscou"
    if entry.pos == "VERB":  # "rejetée par Moscou", "le plan proposé par Moscou", "as requested by Biden"
        found = _passive_agent(ctx, tok) if (_is_passive(tok) or tok.tag_ == "VBN" or tok.dep_ in (
            "acl", "acl:relcl", "relcl") or "Part" in tok.morph.get("VerbForm")) else []
        if found:
            return found, "passive-agent", 0.85
        subj = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        if subj is not None and entry.preps and (any(_prep_targets(tok, entry.preps)) or _hung_on_date(tok)):
            found = ctx.resolve_all(subj)  # adjectival passive: "la Hongrie est opposée à", "is opposed to"
            if found:
                return found, "stative-subject", 0.85
    if entry.relation == "agreesTo" and (entry.pos == "NOUN" or _is_passive(tok) or (
            tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"))):  # "l'accord conclu entre X et Y"
        parties = _between_parties(ctx, tok)
        if parties:  # "un accord a été signé entre X et Y": each party agrees to it
            return parties, "between-parties", 0.75
    if entry.pos == "VERB" and tok.dep_ == "amod":  # "the US-Albania-sponsored document", "Iran-backed militias"
        found = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < tok.i
                 for a in ctx.resolve_all(c)]
        if found:
            return found, "compound-agent", 0.75
        return [], "", 0.0  # "proposed Israeli changes": an attribute, with no agent of its own
    if _deployed_force(ctx, tok, entry):  # "les troupes russes déployées en Biélorussie": their state's
        owner = ctx.resolve(tok.head)
        return ([owner], "force-owner", 0.75) if owner is not None else ([], "", 0.0)
    if entry.pos == "NOUN":  # "M. Poutine, dont c'était la première visite", "Putin, whose first visit"
        owner = next((c for c in tok.children if c.lower_ in ("dont", "whose") and c.i < tok.i), None)
        if owner is not None:
            k = owner.i - 1 if owner.i and ctx.doc[owner.i - 1].text != "," else owner.i - 2
            antecedent = ctx.resolve(ctx.doc[k]) if k >= 0 else None
            return ([antecedent], "relative-owner", 0.8) if antecedent is not None else ([], "", 0.0)
    # nouns and adjectives with an agent complement: "le rejet par Moscou", "inacceptable pour la Russie"
    if entry.agent_preps:
        for cand in _prep_targets(tok, entry.agent_preps, deep=entry.pos == "NOUN"):
            name = ctx.actors.span_of(cand)
            if name is not None and name.start < cand.i:
                continue  # inside a name: "du Nord" in "une visite en Corée du Nord"
            if entry.pos == "NOUN" and _past_target(ctx, tok, entry, cand.i):
                continue  # past the target: "sanctions contre la Russie, notamment la banque de Gazprom"
            found = ctx.resolve_all(cand)
            if found and (entry.pos != "NOUN" or found[0] != ctx.resolve(cand) or True):
                if entry.target != "subject" or ctx.speaker_of.get(tok.i) is None:
                    return found, "agent-complement", 0.8
    if entry.pos == "NOUN":
        found = _support_agent(ctx, tok)
        if found:  # "l'embargo a été imposé par les États-Unis", "l'embargo qu'ils imposent à Cuba"
            return found, "support-verb-agent", 0.8
    if entry.pos == "NOUN":  # "l'aide américaine", "the Russian offensive"
        for child in tok.children:
            if child.i in ctx.actors.demonyms and child.dep_ in ("amod", "compound", "nmod") and not _past_target(
                    ctx, tok, entry, child.i):
                return [ctx.actors.demonyms[child.i]], "demonym-agent", 0.75
            if child.dep_ in ("poss", "nmod:poss") and ctx.resolve(child) is not None:
                return [ctx.resolve(child)], "possessive-agent", 0.8  # "Russia's rejection"
            if child.dep_ in ("poss", "nmod:poss") and child.pos_ in ("NOUN", "PROPN"):
                return [], "", 0.0  # a named owner that is no actor we know: "the hostage-takers' demands"
    if entry.target != "subject" and not (entry.pos == "VERB" and _is_passive(tok)):
        subj = _subject(tok) if entry.pos != "NOUN" else None
        if subj is None and entry.pos == "VERB" and apposed_participle(tok, ctx.lex) and ctx.resolve(tok.head) is None:
            verb = _governing_verb(tok.head)  # "a eu des propos très durs, accusant l'Éthiopie de …", "a rejeté les
            subj = _subject(verb) if verb is not None else None  # commentaires de X, en demandant …": the clause's
        if subj is not None:
            found = ctx.resolve_all(subj)
            for sib in subj.head.children:  # two subjects the parser did not coordinate: "la Russie et l'Ukraine"
                if sib.dep_ in SUBJ and sib.i > subj.i and sib.pos_ in ("NOUN", "PROPN") and any(
                        t.lower_ in ("et", "and") for t in ctx.doc[subj.i:sib.i]):
                    found += [a for a in ctx.resolve_all(sib) if a not in found]
            if found:  # a coordination the parser lost: "Israël/ROOT et le Hamas ont conclu"
                found = [a for a in _left_conjoined(ctx, subj, sent) if a not in found] + found
                return found, "subject", 0.9
            found = ctx.members(subj) or ctx.members(subj, far=True)
            if found:  # "Neuf Etats avaient voté contre, dont les Etats-Unis et Israël", "des pays comme la France"
                return found, "listed-subject", 0.75
            if entry.pos == "VERB" and subj.pos_ == "NOUN" and ctx.lex.object_kind(subj.lemma_.lower()):
                author = _text_author(ctx, subj) if ctx.lex.object_kind(subj.lemma_.lower()) == "Resolution" else None
                if author is not None:  # "La résolution exige un cessez-le-feu": the body that adopted it
                    return [author], "text-author", 0.7
                return [], "", 0.0  # "the plan … proposed a ceasefire": a thing is the subject, not the speaker
            if subj.pos_ == "PRON" and ctx._features(subj).get("Person") != "1" and ctx._features(subj) \
                    and ctx._quoted(subj):
                return [], "", 0.0  # "« … Il a rejeté notre plan », a déclaré Macron": he who? not the speaker
            if entry.pos == "VERB" and subj.pos_ in ("NOUN", "PROPN") and ctx.speaker_of.get(tok.i) is not None:
                return [], "", 0.0  # "the UNITA wing refused …, the UN mission said": a named subject of
                # its own that is no actor we know is not the speaker
        if subj is None and entry.pos == "VERB":
            found = _que_subjects(ctx, tok)
            if found:
                return found, "que-subject", 0.8
        if entry.pos == "NOUN" and entry.relation in ("attacks", "sanctions", "deploys") and _intended(ctx, tok):
            return [], "", 0.0  # "a menacé de frappes contre Séoul": the strikes are the threat's, not done
        if entry.pos == "NOUN" and (any("Yes" in c.morph.get("Poss") for c in tok.children) or _case(tok) in (
                "pour", "for")):  # "castigated Israel for airstrikes", "a sanctionné la Russie pour son invasion"
            verb = _governing_verb(tok)  # the punished one's
            if verb is not None and any(e.relation in ("sanctions", "accuses") for e in
                                        ctx.lex.lookup(verb.lemma_, verb.pos_, verb.text)):
                punished = [a for c in verb.children if c.dep_ in OBJ for a in ctx.resolve_all(c)]
                if punished:
                    return punished, "cause-of-object", 0.7
        if entry.pos == "NOUN" and _owns_noun(ctx, tok) and (not entry.owned_as_object or tok.dep_ in OBJ | {"obj"}):
            # "lors de pourparlers avec X, la Russie a demandé"; "a lancé une attaque" (owned only as an object)
            verb = _governing_verb(tok)
            subj = _subject(verb) if verb is not None else None
            if subj is not None and not any(t.i == subj.i for t in tok.subtree):
                found = ctx.resolve_all(subj)
                if found:  # with a coordination the parser lost: "Emmanuel Macron/ROOT et Xi Jinping ont eu …"
                    found = [a for a in _left_conjoined(ctx, subj, tok.sent) if a not in found] + found
                    return found, "clause-subject", 0.75
                author = _text_author(ctx, subj) if subj.pos_ == "NOUN" and ctx.lex.object_kind(
                    subj.lemma_.lower()) == "Resolution" else None
                if author is not None:  # "Le texte impose un embargo sur les armes": the body that adopted it
                    return [author], "text-author", 0.7
                if subj.pos_ in ("NOUN", "PROPN") and ctx.speaker_of.get(tok.i) is not None \
                        and not ctx.lex.object_kind(subj.lemma_.lower()):
                    return [], "", 0.0  # "landowners began a hunger strike …, APS said": not the speaker's
    if entry.pos == "NOUN" and any(c.lower_ in _PLURAL_POSSESSIVES for c in tok.children):
        found = [a for c in tok.children if c.dep_ == "appos" for a in ctx.resolve_all(c)]
        if len(found) >= 2:  # "Lors de leur rencontre, Joe Biden/appos et Volodymyr Zelensky ont …"
            return found, "plural-possessor", 0.7
    if entry.pos == "VERB" and not entry.negative and (
            _is_passive(tok) or tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "acl:relcl")):
        speaker = ctx.speaker_of.get(tok.i)
        if entry.relation == "sanctions" and _is_passive(tok) and speaker is not None and speaker.cls in _AUTHORITIES:
            return [speaker], "announcing-authority", 0.6  # "L'ambassadeur d'Allemagne va être expulsé, a annoncé
            # le gouvernement tchadien": a state announces its own measures
        return [], "", 0.0  # a passive whose agent is unnamed or no actor ("was arrested in Lebanon, according to
        # the Canadian Press", "a helicopter that was captured by the rebels"): not the speaker's act
    # reported speech: "le Kremlin a déclaré que ce plan serait inacceptable"
    speaker = ctx.speaker_of.get(tok.i)
    if speaker is not None and (entry.pos != "NOUN" or entry.target in ("subject", "governor")):
        return [speaker], "speaker", 0.8  # not an event noun the speaker only names: "les réunions bilatérales",
        # "l'occupation du nord du Kosovo", "les sanctions visant PDVSA", selon X (15 wrong in 16 on the dev sets)
    subj = _subject(tok) if entry.pos == "VERB" else None
    if entry.target != "subject" and (subj is None or subj.i not in ctx.role_at) and not entry.owned_as_object:
        # not past a subject that is an unknown office holder ("unless the president agrees to step down"); nor
        # for an act only its verb's subject owns ("le gel des avoirs de Poutine … pour l'invasion de l'Ukraine")
        found = _left_actor(ctx, tok, sent)
        if found:
            return found, "left-actor", 0.55
    return [], "", 0.0


_BODY_CLASSES = frozenset({"InternationalOrganization", "Organization", "Group", "GovernmentBody"})


def _text_author(ctx: Context, text: Token) -> Actor | None:
    """The body a resolution is the act of: its own complement ("la résolution 1973 du Conseil de
    sécurité"), else the subject of the last verb of adoption of a text in its sentence or the two
    before ("Le Conseil de sécurité a adopté une résolution … La résolution exige …")."""
    for child in text.children:
        if child.i > text.i and child.dep_ in ("nmod", "poss", "nmod:poss", "prep", "compound"):
            for t in [child, *(g for g in child.children if g.dep_ == "pobj")]:
                actor = ctx.resolve(t)
                if actor is not None and actor.cls in _BODY_CLASSES:
                    return actor
    start = ctx._window_start(text, 2)
    for k in range(text.i - 1, start - 1, -1):
        verb = ctx.doc[k]
        if verb.lemma_.lower() not in ctx.lex.adoption_verbs or verb.pos_ != "VERB":
            continue
        if not any(ctx.lex.object_kind(t.lemma_.lower()) == "Resolution" for t in verb.subtree):
            continue
        doers = _passive_agent(ctx, verb) if _is_passive(verb) else []
        subj = _subject(verb) if not doers else None
        doers = doers or (ctx.resolve_all(subj) if subj is not None else [])
        bodies = [a for a in doers if a.cls in _BODY_CLASSES]
        if bodies:
            return bodies[0]
    return None


_RELATIVE_OBJ = frozenset({"que", "qu'", "qu’", "that", "which"})
_AUTHORITIES = frozenset({"State", "GovernmentBody", "InternationalOrganization"})


def _support_agent(ctx: Context, tok: Token) -> list[Actor]:
    """The agent that a support verb gives an event noun: the passive's agent when the noun is
    its subject ("l'embargo a été imposé par les États-Unis"), the subject of a relative clause of
    a light verb whose object is the noun ("l'embargo qu'ils imposent à Cuba")."""
    if tok.dep_ in ("nsubj:pass", "nsubjpass") and tok.head.lemma_.lower() in ctx.lex.light_verbs:
        for c in tok.head.children:  # (not "la proposition américaine a été rejetée par Moscou": Moscow rejects)
            if c.dep_ in PASSIVE_AGENT or (c.dep_.startswith("obl") and _case(c) in _AGENT_CASES):
                found = ctx.resolve_all(c)
                if found:
                    return found
    clause = support_clause(ctx, tok)
    if clause is not None:
        subj = next((g for g in clause.children if g.dep_ in SUBJ), None)
        found = ctx.resolve_all(subj) if subj is not None else []
        if found:
            return found
    return []


def support_clause(ctx: Context, noun: Token) -> Token | None:
    """The relative clause of a light verb whose object the noun is: "l'embargo qu'ils imposent à
    Cuba", "l'embargo que la Russie compte imposer à la Turquie" (the clause's verb)."""
    for c in noun.children:
        if c.dep_ not in ("acl:relcl", "relcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        verbs = [c, *(g for g in c.children if g.dep_ in ("xcomp", "dep") and g.pos_ == "VERB")]
        if any(v.lemma_.lower() in ctx.lex.light_verbs for v in verbs) and any(
                t.lower_ in _RELATIVE_OBJ for t in ctx.doc[noun.i + 1:c.i]) \
                and any(g.dep_ in SUBJ and ctx.resolve(g) is not None for g in c.children):
            return c  # (with a subject that names an actor)
    return None


def _blocked(ctx: Context, verb: Token) -> list[Token]:
    """What the act of ``verb`` is done to prevent: the object of a purpose clause of a blocking verb
    ("pour empêcher l'adoption d'une résolution": the resolution; "to block a resolution")."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in ctx.lex.blocking_verbs:
            obj = next((c for c in clause.children if c.dep_ in OBJ), None)
            if obj is None:
                continue
            inner = next((c for c in obj.children if c.i > obj.i and ctx.lex.object_kind(c.lemma_.lower())), None)
            return [inner if inner is not None and not ctx.lex.object_kind(obj.lemma_.lower()) else obj]
    return []


def _nominal(tok: Token) -> bool:
    """A noun, or an adjective the tagger made the head of a noun phrase ("de rebelles/ADJ chiites/ADJ
    soutenus par l'Iran")."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in (
        "nmod", "obj", "dobj", "nsubj", "nsubj:pass", "obl", "obl:arg", "appos", "pobj"))


def _target_token(ctx: Context, tok: Token, entry: Entry) -> list[Token]:
    """The tokens that head the target phrase(s) of a predicate word."""
    if entry.target == "subject":
        if tok.dep_ == "aux" and tok.pos_ in ("AUX", "VERB"):
            tok = tok.head  # a modal: "Sudan must return the helicopter"
        subj = _subject(tok)
        if subj is None and entry.pos == "VERB" and _is_passive(tok):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
        if subj is not None:
            return [subj]
        # broken parse: the noun phrase between "que" and the copula
        sent = tok.sent
        que = next((t for t in reversed(ctx.doc[sent.start:tok.i]) if t.lower_ in ("que", "qu'", "qu’", "that")), None)
        if que is not None:
            nouns = [t for t in ctx.doc[que.i + 1:tok.i] if t.pos_ in ("NOUN", "PROPN")]
            if nouns:
                head = nouns[0]
                return [head]
        return []
    if entry.target == "action":
        for child in [*tok.children, *_hung_on_date(tok)]:
            if child.dep_ in ("xcomp", "ccomp", "advcl", "acl") and child.pos_ == "VERB" and child.i > tok.i:
                return [child]
        return []
    if entry.target == "governor":
        preps = list(_prep_targets(tok, entry.preps))
        if preps:
            return preps  # "expressed concern about the exercises"
        head = tok.head
        if head.pos_ in ("NOUN", "PROPN") and head.i < tok.i:
            return [head]  # "considérer une telle chose comme une menace"
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in OBJ and child.i != tok.i:
                    return [child]
            for child in head.children:
                if child.dep_ in SUBJ:
                    return [child]  # "cela suscite des inquiétudes"
        return list(_prep_targets(tok, entry.preps))
    # object (default)
    if entry.pos == "VERB" and tok.dep_ == "advcl" and any(
            c.lower_ in ("as", "comme") and c.i < tok.i for c in tok.children) and _passive_agent(ctx, tok):
        subj = _subject(tok.head)  # "Israel sent negotiators, as requested by Biden": Biden asked Israel
        return [subj] if subj is not None else []
    if entry.pos == "VERB" and _is_passive(tok) and not (entry.preps and (
            any(_prep_targets(tok, entry.preps)) or _hung_on_date(tok))):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None) or next(
            (c for c in tok.children if c.dep_ == "nsubj" and tok.lang_ == "fr"), None)  # "est reçu" read as a tense
        if subj is None and tok.dep_ == "xcomp":  # "va être expulsé", "doit être sanctionné": the subject of the
            subj = next((c for c in tok.head.children if c.dep_ in SUBJ), None)  # verb it completes
        if subj is not None:
            if subj.lower_ in ("qui", "which", "that", "who") and tok.dep_ in ("acl:relcl", "relcl"):
                return [tok.head]  # "the plan, which was proposed by Putin"
            return [subj]
    if entry.pos == "VERB" and tok.dep_ == "advcl" and tok.i < tok.head.i and "Part" in tok.morph.get("VerbForm") \
            and not any(c.dep_ in OBJ or c.dep_.startswith("aux") for c in tok.children) and _passive_agent(ctx, tok):
        subj = _subject(tok.head)  # a fronted participle: "Soutenu par la Russie, Nicolas Maduro résiste",
        return [subj] if subj is not None else []  # "Backed by Moscow, the rebels advanced"
    if entry.pos == "VERB" and tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        return [tok.head]  # "the US-Albania-sponsored document": the noun it qualifies
    if _deployed_force(ctx, tok, entry):
        return [tok.head]  # "les troupes russes déployées en Biélorussie": the troops
    if entry.pos == "VERB" and tok.dep_ == "conj" and tok.head.dep_ in ("acl", "acl:relcl", "relcl") and \
            tok.head.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ in PASSIVE_AGENT for c in tok.children):
        return [tok.head.head]  # "a decision hailed by Kiev but slammed by Moscow"
    if entry.pos == "VERB" and tok.dep_ in ("acl", "acl:relcl", "relcl") and _nominal(tok.head) and any(
            c.dep_ in PASSIVE_AGENT or (c.dep_.startswith("obl") and _case(c) in ("par", "entre", "between")
                                        and c.lower_ not in _RELATIVE_OBJECTS)  # not "la note par laquelle X accuse"
            for c in tok.children):
        return [tok.head]  # participle: "le plan proposé par Moscou", "l'accord conclu entre X et Y"
    found = [c for c in tok.children if c.dep_ in OBJ and c.i > tok.i and c.pos_ not in ("PRON", "ADV")
             and (c.lemma_.lower() not in entry.requires or not entry.preps)]  # not "opposer son veto à"
    if not found and entry.pos == "VERB":  # "kidnapped up to 16 advisers": the parser made "up to" a particle
        found = [g for c in tok.children if c.dep_ == "prt" and c.lower_ == "up" for p in c.children
                 if p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    if not found and entry.pos == "VERB":  # two subjects, the second after the verb: "Evo Morales avait déclaré
        subj = _subject(tok)  # mercredi le diplomate américain persona non grata" (the object misread)
        found = [c for c in tok.children if c.dep_ in SUBJ and c.i > tok.i and c.pos_ in ("NOUN", "PROPN")
                 and subj is not None and subj.i < tok.i and c.i != subj.i and ctx.resolve(subj) is not None]
    if entry.pos == "VERB" and _object_relative(tok):
        found = [tok.head]  # the antecedent of an object relative: "des bateaux qu'elle accuse de …"
    elif entry.pos == "VERB" and not found:
        que = next((c for c in tok.children if c.lower_ in ("que", "qu'", "qu’") and c.i < tok.i), None)
        if que is not None and que.i >= 2 and ctx.doc[que.i - 1].text == "," and ctx.actors.actor_at(ctx.doc[que.i - 2]):
            found = [ctx.doc[que.i - 2]]  # a parse that lost the relative: "en Algérie, qu'ils ont accusée de …"
    if entry.pos == "VERB":
        found = [o for c in found for o in ([c] if not _is_time(c) else [  # "a accusé dimanche les garde-côtes"
            g for g in c.children if g.dep_ in OBJ and g.i > c.i])]
        if not found:  # a bare noun the parser took for an adjunct: "a condamné, lundi, une frappe israélienne"
            found = [c for c in tok.children if c.dep_ in ("obl", "obl:mod") and c.i > tok.i and c.pos_ == "NOUN"
                     and (_case(c) is None or _partitive(c)) and not _is_time(c)
                     and c.lemma_.lower() not in entry.requires]
        if not found and not entry.requires:  # hung under an adjunct: "a dénoncé lors d'un
            found = [g for c in tok.children if c.dep_ in ("advmod", "obl", "obl:mod", "obl:arg") and c.i > tok.i
                     for g in c.subtree if g.i > c.i and g.pos_ == "NOUN" and g.dep_ in _ADJUNCT_NOUN_DEPS
                     and _case(g) is None and any(d.dep_ == "det" for d in g.children) and not _is_time(g)][:1]
            # vote la décision de Donald Trump", "ont rejeté, lors d'un référendum …, la compétence de la CIJ":
            # a noun phrase with no preposition is the object
    preps = list(_prep_targets(tok, entry.preps, deep=entry.pos == "NOUN"))
    if entry.relation == "attacks" and found and all(ctx.lex.object_kind(f.lemma_.lower()) == "Weapon" for f in found):
        found = []  # what was fired is no target: "fired four shells at targets in Jericho", "a tiré un missile"
    light = tok.head if _object_like(tok) else (
        tok.head.head if tok.dep_ in ("nmod", "prep", "pobj") and _object_like(tok.head) else None)
    if light is not None and light.pos_ == "NOUN" and _is_time(light) and light.dep_ != "ROOT":
        light = light.head  # "a annoncé jeudi la fermeture …" with the object hung on the date
    if not preps and entry.pos == "NOUN" and light is not None and light.pos_ == "VERB" and (
            entry.requires or light.lemma_.lower() in ctx.lex.light_verbs):
        # a light verb's noun whose complement the parser hung on the verb: "exercer des
        # pressions sur Pékin", "imposer une série de droits de douane sur l'acier", "a intensifié
        # ses bombardements à longue portée sur les infrastructures"
        hosts = [light] if light.i == tok.head.i else [tok.head, light]
        preps = [t for h in hosts for t in _prep_targets(h, entry.preps, deep=not entry.requires) if t.i > tok.i]
    if not preps and not found and entry.pos == "NOUN" and light is not None and light.pos_ == "VERB":
        preps = _blocked(ctx, light)  # "a utilisé son veto pour empêcher l'adoption d'une résolution"
    if entry.pos == "NOUN":
        agents_ = set(_prep_targets(tok, entry.agent_preps, deep=True)) if entry.agent_preps else set()
        preps = [t for t in preps if t not in agents_ or ctx.resolve(t) is None]
    actor_preps = [t for t in preps if ctx.resolve(t) is not None]
    if actor_preps and entry.relation in ("requests", "meetsWith", "accuses", "aids", "threatens", "supports", "offers"):
        return actor_preps + [t for t in found if ctx.resolve(t) is not None]  # "demander à l'OTAN de …"
    if entry.pos == "VERB" and entry.relation in _ACTOR_AIMED and not any(ctx.resolve(t) for t in found):
        right = _right_actor(ctx, tok, entry)
        if right:
            return right
    if entry.relation == "threatens" and found and not preps and not ctx.resolve(found[0]):
        aimed = [t for t in found[0].subtree if _case(t) in entry.preps and ctx.resolve(t) is not None]
        if aimed:  # "n'exclut pas le recours à la force contre l'Ukraine": the force is aimed at Ukraine
            return aimed[:1]
    if entry.pos == "VERB" and entry.relation in _ACTOR_AIMED and found and ctx.resolve(found[0]):
        return [t for t in found if ctx.resolve(t)]  # "a mis en garde les États-Unis contre toute livraison"
    if not preps and entry.requires and entry.preps:  # the complement hangs under the required word:
        preps = [t for c in tok.children if c.lemma_.lower() in entry.requires  # "opposer une fin de
                 for t in c.subtree if t.i > c.i and _case(t) in entry.preps][:1]  # non-recevoir à la demande"
    if preps and entry.requires:
        return preps  # the required word is part of the predicate: "opposer son veto à la résolution"
    if entry.requires and entry.preps and entry.pos == "VERB":
        found = [f for f in found if f.pos_ != "NUM"]  # "voted 120 to 14 in favour": a count, not the target
    if preps and _is_reflexive(tok):
        return preps  # "s'opposer à la présence": the complement, not a stray object
    if entry.relation == "opposes" and found and not preps and all(
            f.lemma_.lower() in ctx.lex.route_words and not any(ctx.resolve(t) for t in f.subtree) for f in found):
        found = _protest_target(ctx, tok) or found  # "blocked roads to press demands from Bouteflika's government"
    if found or preps:
        return found or preps
    if entry.relation == "meetsWith" and entry.pos == "NOUN" and tok.right_edge.i + 1 < len(ctx.doc):
        case = ctx.doc[tok.right_edge.i + 1]  # "lors d'un appel téléphonique avec X" with "avec X" hung on the verb
        if case.dep_ in ("case", "prep") and case.lower_ in entry.preps:
            near = case.head if case.dep_ == "case" else next((c for c in case.children if c.dep_ == "pobj"), None)
            if near is not None and near.i > case.i and ctx.resolve(near) is not None:
                return [near]
    if entry.relation == "opposes":
        aimed = _protest_target(ctx, tok)
        if aimed:
            return aimed
    if entry.relation == "accuses" and entry.pos == "NOUN":
        verb = _governing_verb(tok)  # "la Chine a démenti les accusations de Washington": China is accused
        subj = _subject(verb) if verb is not None and (verb.lemma_.lower() in ctx.lex.denial_verbs or any(
            e.relation == "rejects" for e in ctx.lex.lookup(verb.lemma_, verb.pos_, verb.text))) else None
        if subj is not None and ctx.resolve(subj) is not None:
            return [subj]
    own_agent = any(ctx.resolve(t) is not None for t in _prep_targets(tok, entry.agent_preps, deep=True)) or any(
        c.i in ctx.actors.demonyms or c.dep_ in ("poss", "nmod:poss") for c in tok.children)
    event = ctx.lex.object_kind(tok.lemma_.lower()) in ("Sanction", "Attack", "Proposal", "Agreement")
    if entry.pos == "NOUN" and entry.relation != "opposes" and (  # a protest is no thing opposed
            (tok.dep_ in SUBJ and own_agent) or (event and _argument_of_verb(tok) and _owns_noun(ctx, tok))
            or (own_agent and tok.dep_ in OBJ and entry.relation in ("proposes", "offers"))):  # "rejected a proposal
        # from Ukraine": Ukraine proposed it
        return [tok]  # the proposal itself: "la proposition de la France a été discutée"
    # no object: the action or the clause agreed, threatened, refused ("agreed to set up a centre",
    # "threatened to shell Iraqi towns", "agreed that their countries should cooperate")
    clause = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i and (c.pos_ in ("VERB", "AUX") or (
        c.dep_ == "ccomp" and any(g.dep_ == "cop" for g in c.children)))][:1] or _hung_on_date(tok)[:1]
    # "… que les mesures seraient adéquates"
    if entry.relation == "requests" and entry.pos == "NOUN" and not clause:
        clause = [c for c in tok.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB" and any(  # "its
            m.lower_ in ("that", "que", "qu'", "qu’") for m in c.children if m.dep_ == "mark")][:1]  # demand that X"
    if entry.relation == "requests" and clause and clause[0].dep_ in ("ccomp", "acl", "acl:relcl"):
        addressee = [c for c in clause[0].children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
                     and c.pos_ != "PRON" and ctx.resolve(c) is not None]
        if addressee:  # "demanded that the US cancel plans", "a exigé que Washington retire": who is asked
            return addressee
    return clause


def _object_like(tok: Token) -> bool:
    """An object, or a bare noun the parser took for an adjunct after an inserted date: "a annoncé,
    jeudi 15 mars, une série de sanctions" ("série" an obl:mod)."""
    return tok.dep_ in OBJ or (tok.dep_ == "obl:mod" and tok.pos_ == "NOUN" and tok.i > tok.head.i
                               and _case(tok) is None and not _is_time(tok))


def _deployed_force(ctx: Context, tok: Token, entry: Entry) -> bool:
    """A deployment participle on a force of a named state, with no agent of its own: "les troupes
    russes déployées depuis mi-janvier en Biélorussie", "Russian troops stationed in Belarus"."""
    return entry.relation == "deploys" and entry.pos == "VERB" and _force_participle(tok, ctx.lex) and \
        not any(c.dep_ in PASSIVE_AGENT for c in tok.children)


def _force_participle(tok: Token, lex) -> bool:
    """A participle qualifying a force: "les troupes russes déployées", "troops stationed"."""
    return tok.dep_ in ("acl", "amod") and "Part" in tok.morph.get("VerbForm") and \
        lex.object_kind(tok.head.lemma_.lower()) == "Force"


def _hung_on_date(tok: Token) -> list[Token]:
    """An infinitive the parser hung on the verb's day or month name, or on a bare adverbial noun,
    which is the verb's own complement: "sont convenus jeudi d'ouvrir des négociations", "sont
    convenus jeudi en sommet d'ouvrir …" ("ouvrir" an acl of "jeudi", of "sommet")."""
    return [g for child in tok.children if child.i > tok.i and (child.lower_ in CALENDAR_WORDS or (
                child.dep_ == "obl:mod" and child.pos_ == "NOUN" and not any(c.dep_ == "det" for c in child.children)))
            for g in child.children if g.dep_ == "acl" and g.pos_ == "VERB" and any(
                m.dep_ == "mark" and m.lower_ in _INFINITIVE_MARKS for m in g.children)]


_ADJUNCT_NOUN_DEPS = frozenset({"nmod", "obl", "obl:mod", "dep"})
_INFINITIVE_MARKS = frozenset({"de", "d'", "d’", "à", "to"})


_PLURAL_POSSESSIVES = frozenset({"leur", "leurs", "their"})
_NEAR_PREPS = _PLACE_PREPS | {"outside", "near", "before", "around", "devant", "près", "autour", "aux", "sur"}
_PURPOSE_DEPS = frozenset({"advcl", "xcomp", "prep", "obl", "obl:mod", "obl:arg", "acl", "nmod"})


def _protest_target(ctx: Context, tok: Token) -> list[Token]:
    """Whom a protest with no "against" is aimed at: the first actor of its purpose ("demonstrated
    … calling for independence from Iraq", "a hunger strike to demand the resignation of President
    Ben Bella"), else the state it takes place in ("demonstrated in Serbia")."""
    host = tok.head if tok.pos_ == "NOUN" and tok.dep_ in OBJ else tok  # "staged demonstrations to demand …"
    where = []
    for child in sorted({*tok.children, *host.children}, key=lambda c: c.i):
        if child.i <= tok.i or child.dep_ not in _PURPOSE_DEPS or any(
                e.relation == "opposes" for e in ctx.lex.lookup(child.lemma_, child.pos_, child.text)):
            continue  # "to protest against Sweden's decision": a protest of its own
        place = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
        if place is not None and _case(place) in _PLACE_PREPS:
            # the state named inside the place: "at this jail in northern Israel", "dans la capitale Belgrade"
            inner = [place, *(g for c in place.children for g in ([c] if c.dep_ != "prep" else c.children)
                              if _case(g) in _PLACE_PREPS or (g.dep_ in ("appos", "nmod") and _case(g) is None))]
            state = next((t for t in inner if (a := ctx.actors.actor_at(t)) is not None and a.cls == "State"), None)
            if state is not None:
                where.append(state)  # "in Serbia", "à Belgrade"
                continue
        for t in child.subtree:
            if t.pos_ in ("PROPN", "NOUN") and ctx.resolve(t) is not None and _case(t) not in _NEAR_PREPS:
                return [t]
    return where[:1]


def _is_reflexive(tok: Token) -> bool:
    return any(c.dep_ in ("expl:comp", "expl:pv", "expl") or c.lower_ in ("se", "s'", "s’") for c in tok.children)


def targets(ctx: Context, tok: Token, entry: Entry) -> list[Actor | Thing]:
    """The targets of a predicate word: actors, or things built from the phrase."""
    out: list[Actor | Thing] = []
    collective = entry.relation not in ("deploys", "offers", "aids", "proposes")
    heads = _target_token(ctx, tok, entry)
    if entry.relation == "threatens":  # "menace de réaliser des frappes contre la Corée du Sud": who is threatened
        heads = [a for h in heads if h.pos_ in ("VERB", "AUX") for a in _aimed_at(ctx, h) or [  # or at whom the
            o for o in h.children if o.dep_ in OBJ and o.pos_ != "PRON" and ctx.resolve(o) is not None][:1]] or heads
        # act is done: "menace de sanctionner l'Iran"
    elif entry.relation == "meetsWith" and len(heads) > 1:  # "a rendu visite à Olaf Scholz à Berlin": Berlin is
        places = [h for h in heads if _case(h) in _PLACE_PREPS and ctx.actors.actor_at(h) is not None  # the place
                  and ctx.actors.actor_at(h).cls == "State"]
        heads = [h for h in heads if h not in places] or heads
    elif entry.relation == "requests":  # "pushing for the US to support its plan": the US is asked
        heads = [s for h in heads if h.pos_ in ("VERB", "AUX") for s in h.children
                 if s.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and s.pos_ != "PRON" and ctx.resolve(s)] or heads
    clitic = [a for c in tok.children if c.dep_ in OBJ and c.pos_ == "PRON" and c.i < tok.i
              for a in ctx.object_antecedents(c)] if tok.pos_ == "VERB" and entry.relation in _ACTOR_AIMED else []
    if clitic:  # "L'Algérie et le Maroc ont rompu … La Ligue arabe les a appelés à la retenue": the two
        out.extend(dict.fromkeys(clitic))
        heads = []
    for head in heads:
        group = [head, *_conjuncts(head)] if head.pos_ in ("PROPN", "NOUN") else [head]
        if tok.pos_ == "VERB" and head.pos_ in ("PROPN", "NOUN") and head.head.i == tok.i:
            # "a appelé Washington et les Houthis à …" with
            group.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > head.i
                         and any(g.dep_ == "cc" for g in c.children) and _case(c) is None
                         and ctx.resolve(c) is not None and c not in group)  # "Houthis" hung on the verb
        by_doer = False
        for t in group:
            if _is_time(t):
                continue  # "agreed on Saturday": a date is no target
            pair = ctx._pair(t) if collective and t.pos_ == "NOUN" else []
            if pair:  # "a appelé les deux pays au dialogue": the two named before
                out.extend(a for a in pair if a not in out)
                continue
            held = respective(ctx.doc, t.i + 1, ctx.actors) if t.pos_ == "NOUN" and t.i + 1 in ctx.actors.demonyms \
                else []
            if held:  # "ses homologues azéri et arménien, Ilham Aliev et Serge Sargissian": the two people
                out.extend(p for _, p, _ in held if p not in out)
                continue
            actor = (ctx.resolve(t) if collective else ctx.actors.actor_at(t)) if t.pos_ != "VERB" else None
            if actor is not None:
                out.append(actor)
                out.extend(r.person for r in ctx.coordinated_holders(t) if r.person not in out)
                if actor.cls == "Person" and entry.relation == "meetsWith":  # "a rencontré X, puis Y et Z"
                    out.extend(a for a in named_after(ctx, t, actor) if a not in out)
                if collective and ctx._collective(t) and any(c.i in ctx.actors.demonyms for c in t.children):
                    out.extend(a for a in ctx.resolve_all(t) if a not in out)  # "ses homologues chinois, turc et
                    # saoudien": each state's
                role = ctx.role_at.get(t.i) if collective else None
                if role is not None and role.person is None and role.of == actor and t.lower_[-1:] in ("s", "x"):
                    out.extend(a for a in ctx.resolve_all(t) if a not in out)  # "les présidents russe, turc et iranien"
            elif t.pos_ in ("NOUN", "PROPN", "VERB", "PRON", "NUM", "X") or (
                    t.i == tok.head.i and tok.dep_ in ("acl", "acl:relcl", "relcl") and _nominal(t)) or (
                    t.lower_ in ctx.lex.demonstratives) or (
                    t.pos_ == "ADJ" and t.dep_ == "ccomp"):  # "… que les mesures seraient adéquates"
                if t.pos_ == "PRON" and t.lower_ not in ctx.lex.demonstratives:
                    continue
                doer = _doer(ctx, t, tok) if entry.relation == "accuses" else None
                if doer is not None or by_doer:
                    by_doer = True  # "a dénoncé la politique dangereuse du Kremlin": the Kremlin is accused
                    out.extend([doer] if doer is not None and doer not in out else [])  # (its conjuncts: theirs)
                    continue
                out.append(make_thing(ctx, t, stop=tok.i if t.i != tok.i else None))
            if t is head and out and isinstance(out[-1], Thing):
                break  # a thing's conjuncts stay in its label
    for head in heads:  # "a sanctionné neuf personnes, dont X et Y": each one named
        out.extend(a for t in [head, *_conjuncts(head)] for a in ctx.members(t) if a not in out)
    if entry.represented:  # "summoned Niger's ambassador": a protest to Niger
        held = {r.person.key: r.of for r in ctx.roles if r.person is not None and r.of is not None}
        out = [held.get(o.key, o) if isinstance(o, Actor) else o for o in out]
    if entry.object_kinds:
        out = [o for o in out if (o.kind if isinstance(o, Thing) else "Actor") in entry.object_kinds]
    if entry.relation == "meetsWith":
        out = [o for o in out if isinstance(o, Actor)]  # one meets someone: "a reçu une proposition" is no meeting
    return out


_AGENT_CASES = frozenset({"par", "by"})
_OF_CASES = frozenset({"de", "du", "des", "d'", "d’", "of"})


def _doer(ctx: Context, noun: Token, verb: Token) -> Actor | None:
    """The actor whose act a condemned noun names, when the text says who did it: an agent ("le
    harcèlement par la Chine", "le feu vert donné par Washington"), a nationality ("l'agression
    russe", "Israeli strikes"), an owner ("Russia's aggression"), the "de" complement of a conduct
    noun ("la politique du Kremlin") or of an act aimed "contre" someone ("l'agression de la Russie
    contre l'Ukraine"). The parser may hang the agent on the verb: "a condamné le harcèlement de
    ses navires par la Chine"."""
    if noun.pos_ != "NOUN":
        return None
    aimed = any(_case(c) in ("contre", "against") for c in noun.children)
    conduct = noun.lemma_.lower() in ctx.lex.conduct_nouns or noun.lower_ in ctx.lex.conduct_nouns
    found: list[Token] = []
    for child in noun.children:
        case = _case(child)
        if child.dep_ in PASSIVE_AGENT or case in _AGENT_CASES or child.dep_ in ("poss", "nmod:poss") or (
                case in _OF_CASES and (conduct or aimed) and child.i > noun.i):
            found.append(child)
        elif child.dep_ == "amod" and child.i in ctx.actors.demonyms:
            return ctx.actors.demonyms[child.i]
        elif child.dep_ in ("acl", "acl:relcl") and child.pos_ == "VERB":  # "donné par Washington"
            found.extend(g for g in child.children if g.dep_ in PASSIVE_AGENT or _case(g) in _AGENT_CASES)
        elif child.dep_ in ("amod", "nmod") and child.i > noun.i:  # "la décision prise vendredi par le gouvernement
            found.extend(g for c in child.children for g in [c, *c.children]  # nicaraguayen", "prise" taken for a
                         if g.dep_ in PASSIVE_AGENT)  # noun and the agent hung on the day: a labelled agent
    if not _is_passive(verb):
        found.extend(c for c in verb.children if c.i > noun.i and c.dep_.startswith("obl") and _case(c) in _AGENT_CASES)
    for t in found:
        actor = ctx.resolve(t)
        if actor is not None:
            return actor
    return None


_RELATIVE_OBJECTS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "qui", "quoi", "which", "whom"})
_RELATIVE_SUBJECTS = frozenset({"qui", "who", "which", "that"})
_CONTENT_KINDS = frozenset({"Plan", "Proposal", "Agreement", "Resolution", "Deployment", "Ceasefire"})


def describes_thing(tok: Token, lex=None, ctx: Context | None = None) -> bool:
    """A verb inside a purpose clause or a noun's modifier describes a plan, it is not an event:
    "un plan pour envoyer des troupes", "tout plan visant à envoyer des troupes"."""
    if tok.pos_ != "VERB":
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("for", "pour") and lex is not None and any(
            e.relation in ("requests", "proposes", "offers") for e in lex.lookup(
                tok.head.head.lemma_, tok.head.head.pos_, tok.head.head.text)):
        return True  # "an appeal for deploying troops": what is asked for, not done
    objects = [c for c in tok.head.children if c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN"]
    if tok.dep_ == "advcl" and not objects:
        return False  # "s'est rendu à Pyongyang pour rencontrer Kim": an intended event, not a plan's content
    if tok.dep_ == "advcl" and lex is not None and any(e.relation == "opposes" for e in lex.lookup(
            tok.lemma_, tok.pos_, tok.text)):
        return False  # "shunned work to protest at …", "bloqué les routes pour protester contre …": the act protests
    if tok.dep_ == "advcl" and lex is not None and all(lex.object_kind(o.lemma_.lower()) == "Attack" or any(
            e.relation == "opposes" for e in lex.lookup(o.lemma_, "NOUN", o.text)) for o in objects):
        return False  # "began a hunger strike to protest against Sweden's decision": the aim of a protest
    if any(c.dep_ in PASSIVE_AGENT or (c.dep_.startswith("obl") and _case(c) in ("par", "entre", "between"))
           for c in tok.children):
        return False  # "le plan proposé par Moscou", "l'accord conclu entre X et Y": a fact with its agents
    if tok.dep_ in ("advcl", "acl", "xcomp") and any(  # English "to" is the infinitive's aux
            c.dep_ in ("mark", "aux") and c.lower_ in ("pour", "afin", "to") and c.i < tok.i for c in tok.children):
        return tok.dep_ != "xcomp" or tok.head.pos_ in ("NOUN", "VERB") and tok.head.dep_ == "acl"
    if _object_relative(tok):
        return False  # a relative clause with a subject of its own is an event: "le plan que la Russie a rejeté"
    if lex is not None and _force_participle(tok, lex) and any(
            e.relation == "deploys" for e in lex.lookup(tok.lemma_, tok.pos_, tok.text)):
        return False  # "les troupes russes déployées en Biélorussie": a deployment done
    if apposed_participle(tok, lex) or _possessed_infinitive(tok):
        return False  # "des propos très durs, accusant l'Éthiopie de …": what the clause's subject does
    head = tok
    for _ in range(3):
        if head.dep_ in ("acl", "acl:relcl", "relcl") and head.head.pos_ == "NOUN":
            if ctx is not None and any(c.lower_ in _RELATIVE_SUBJECTS and c.dep_ in SUBJ for c in head.children) \
                    and ctx.resolve(head.head) is not None:
                return False  # an actor's relative clause: "le secrétaire d'État, Marco Rubio, qui a accueilli …"
            own = any(c.dep_ in SUBJ and c.lower_ not in _RELATIVE_SUBJECTS for c in head.children) and not (
                any(c.lower_ in _OBJECT_RELATIVE for c in head.children)  # a noun's content clause: "le fait
                and any(c.dep_ in OBJ and c.pos_ in ("NOUN", "PROPN") for c in head.children)  # que Trump vise
                and head.head.dep_ in OBJ | SUBJ)  # des sites" (not "a déclaré dans un tweet qu'il avait rencontré X")
            content = lex is not None and lex.object_kind(head.head.lemma_.lower()) in _CONTENT_KINDS
            # a relative clause with a subject of its own tells an event, unless it spells out a plan's
            # content: "la visite au cours de laquelle il doit rencontrer Biden" (an event)
            return not own or content
        if head.dep_ not in ("xcomp", "conj"):
            break
        head = head.head
    return False


def requires_ok(tok: Token, entry: Entry) -> bool:
    """The entry's required word is a child (or grandchild) of the predicate, and none of
    its excluded words is a child ("hunger strike" is no attack)."""
    if entry.excludes and any(c.lemma_.lower() in entry.excludes or c.lower_ in entry.excludes
                              for c in tok.children):
        return False
    if not entry.requires:
        return True
    near = {c.lemma_.lower() for c in tok.children} | {c.lower_ for c in tok.children} | {tok.head.lemma_.lower()}
    if tok.head.dep_ == "prep" or _case(tok) in ("de", "d'", "des", "du"):
        near.add(tok.head.head.lemma_.lower() if tok.head.dep_ == "prep" else tok.head.lemma_.lower())
        # "a suspension of air links", "la suspension des vols"
    verb = _governing_verb(tok) if tok.pos_ == "NOUN" else None
    if verb is not None:
        near.add(verb.lemma_.lower())  # "a promis vendredi une riposte"
    near |= {g.lemma_.lower() for c in tok.children for g in c.children}
    near |= {m.lower_ for c in tok.children if c.dep_ in ("obj", "dobj") or c.pos_ in ("PROPN", "NOUN")
             for g in c.children if g.dep_ in ("acl", "xcomp") or (g.pos_ == "VERB" and g.i > c.i)  # the marker of
             for m in g.children if m.dep_ == "mark" or m.lower_ in ("que", "qu'", "qu’")}  # "a appelé X à
    # examiner", "appelant Ankara à «cesser …»", "nous attendons de la Russie qu'elle restaure …"
    near |= {m.lower_ for c in tok.children if c.dep_ in ("obj", "dobj") for g in c.children  # the case of the
             if g.dep_ == "nmod" for m in g.children if m.dep_ == "case"}  # object's complement: "a appelé X au dialogue"
    near |= {c.lemma_.lower() for c in tok.head.children if c.dep_ == "cop"}  # "est … aux côtés de"
    return bool(near & set(entry.requires))


def _enclosing_predicate(tok: Token) -> Token:
    return tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp") else tok


def negated(ctx: Context, tok: Token) -> bool:
    """``n'a pas rejeté``, ``did not reject``: a negation on the word or its auxiliary."""
    head, reported = tok, False
    for _ in range(4):  # "denied that Tehran supplied drones", "a démenti que …" (not "denied … and condemned …")
        if head.dep_ not in ("ccomp", "conj", "xcomp") or head.head is head:
            break
        reported = reported or head.dep_ == "ccomp"
        head = head.head
        if reported and head.lemma_.lower() in ctx.lex.denial_verbs and head.i < tok.i:
            return True
    head = tok
    for _ in range(3):  # "failed to reach an agreement", "a échoué à conclure"
        if head.dep_ != "xcomp" or head.head is head:
            break
        head = head.head
        if head.lemma_.lower() in ctx.lex.negative_verbs:
            return True
    if tok.pos_ == "NOUN" and tok.dep_ in OBJ and tok.head.lemma_.lower() in ctx.lex.negative_verbs:
        return True  # "pour empêcher l'adoption d'une résolution": it was not adopted
    if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and tok.head.lemma_.lower() in ctx.lex.absence_nouns:
        return True  # "s'est plaint de l'absence de contacts avec l'Iran": there were none
    around = [tok, _enclosing_predicate(tok)]
    # the verb of its object: "ne pas apporter de soutien", "n'a pas imposé de sanctions" (a partitive
    # "de" parsed as a case); not a stance on it: "n'a pas rejeté la proposition américaine" (it was made)
    if tok.pos_ == "NOUN" and (tok.dep_ in OBJ | {"obj"} or (tok.dep_ == "obl:arg" and _case(tok) in (
            "de", "d'"))) and not any(e.relation in _AGAINST | {"agreesTo", "supports"}
                                      for e in ctx.lex.lookup(tok.head.lemma_, tok.head.pos_, tok.head.text)):
        around.append(tok.head)
    for t in around:
        for child in t.children:
            if child.dep_ in ("advmod", "neg") and child.lower_ in ctx.lex.negation_words:
                return True
    return False


def modality(ctx: Context, tok: Token, entry: Entry) -> str:
    """Asserted, or Intended / Hypothetical / Conditional from the words around."""
    if entry.modality:
        return entry.modality
    chain = [tok]
    head = tok
    for _ in range(3):
        if head.dep_ in ("xcomp", "ccomp") and head.head is not head:
            head = head.head
            chain.append(head)
        else:
            break
    for t in chain[1:]:
        lemma = t.lemma_.lower()
        if lemma in ctx.lex.intent_cues:
            return "Intended"  # "prévoit de présenter", "devait rencontrer"
        if lemma in ctx.lex.hypothetical_cues:
            return "Hypothetical"  # "pourrait rejeter"
    if any(c.dep_ == "aux" and c.lemma_.lower() in ctx.lex.hypothetical_cues for c in tok.children):
        return "Hypothetical"  # "could reject", "might attack"
    moods = [str(t.morph.get("Mood")) for t in [tok, *tok.children] if t.dep_ in ("cop", "aux", "aux:tense") or t.i == tok.i]
    if any("Cnd" in m for m in moods):
        return "Hypothetical"  # "serait inacceptable"
    if any(c.lower_ in ("si", "if") and c.dep_ in ("mark",) for c in tok.children):
        return "Conditional"
    if tok.dep_ == "advcl" and any(c.lower_ in ("pour", "afin", "to") for c in tok.children if c.i < tok.i):
        return "Intended"  # "pour rencontrer Kim", "to meet Kim"
    return "Asserted"


_RECIPROCAL = ("mutuellement", "réciproquement", "each other", "one another", "l'un l'autre", "l’un l’autre")


def reciprocal(tok: Token, entry: Entry, who: list, whom: list) -> bool:
    """Conjoined agents that act on each other: "le Hamas et Israël se sont accusés mutuellement",
    "Israel and Hamas accused each other" (a reflexive verb with no other actor aimed at, or a
    reciprocal phrase)."""
    if entry.pos != "VERB" or len(who) < 2 or entry.relation not in _ACTOR_AIMED or entry.relation == "meetsWith":
        return False
    if [w for w in whom if isinstance(w, Actor)]:
        return False
    near = " ".join(t.lower_ for t in tok.sent[max(0, tok.i - tok.sent.start - 1):tok.i - tok.sent.start + 5])
    return any(r in near for r in _RECIPROCAL) or (_is_reflexive(tok) and entry.relation in (
        "accuses", "threatens", "attacks"))


def mutual(ctx: Context, tok: Token, entry: Entry, who: list, whom: list):
    """Meetings named by their parties together: "X et Y se sont rencontrés" (a reciprocal
    verb with conjoined subjects), "une rencontre entre X et Y" (a noun with "entre"/"between"),
    "X and Y held talks" (a meeting noun whose agents are conjoined, with no other party):
    each party meets the others. Returns (agents, targets, rule, confidence) or None."""
    parties: list[Actor] = []
    if entry.pos == "VERB" and len(who) >= 2 and not [w for w in whom if isinstance(w, Actor)]:
        if _is_reflexive(tok) or tok.lemma_.lower() in ctx.lex.mutual_verbs:
            parties = who
    elif entry.pos == "VERB" and not who and tok.lemma_.lower() in ctx.lex.gathering_verbs:
        parties = [w for w in whom if isinstance(w, Actor)]  # "le sommet a réuni les présidents russe, turc et …"
    elif entry.pos == "NOUN":
        parties = _between_parties(ctx, tok)  # "une rencontre entre X et Y", "entre Israël et le Hamas ont repris"
        if len(parties) < 2 and len(who) >= 2 and not [w for w in whom if isinstance(w, Actor)]:
            parties = who  # "Israel and Lebanon renewed negotiations", "X et Y ont tenu des pourparlers"
    if sum(p.cls == "Person" for p in parties) >= 2:
        parties = [p for p in parties if p.cls == "Person"]  # "… et ses homologues arménien et azerbaïdjanais, X
        # et Y": the people, not the states their titles name
    if len(parties) < 2:
        return None
    if any(t.lower_ in ctx.lex.counterpart_words for t in tok.subtree):
        return parties[:1], parties[1:], "mutual", 0.75  # "X et ses homologues A et B": X with each
    return parties[:-1], parties[1:], "mutual", 0.75  # every pair once: A-B, A-C, B-C
