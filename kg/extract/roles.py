"""Role relations from titles and appositions.

* title + nationality + name: "le Premier ministre britannique Keir Starmer"
* title + complement + name: "le porte-parole du Kremlin, Dmitri Peskov"
* name + apposed title: "Keir Starmer, le Premier ministre britannique"
* title alone ("le leader britannique", "son homologue russe"): a description
  that refers back to a person of that country named in the article.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.tokens import Doc

from kg.extract.mentions import DocActors
from kg.extract.records import Actor
from kg.gazetteer import _APOSTROPHES, Gazetteer, _strip_accents
from kg.lexicon import Lexicon, Title
from kg.nlp import indices_where

_OF_WORDS = frozenset({"de", "du", "des", "d'", "d’", "of", "the", "la", "le", "l'", "l’", "from"})
_SKIP = frozenset({",", "M.", "Mme", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "-", "—"})
_GOVERNMENT_WORDS = frozenset({"gouvernement", "ministère", "présidence", "armée", "government", "ministry"})
_PORTFOLIO_WORDS = frozenset({"for", "pour", "chargé", "chargée", "à", "au", "aux", "et", "and"})
_POSTING_PREPS = frozenset({"to", "auprès", "en", "in", "à", "au", "at"})
_CLOSING_QUOTES = frozenset({'"', "»", "”", "’", "'"})
_BODY_CLASSES = frozenset({"State", "GovernmentBody", "InternationalOrganization", "Organization"})


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A title in the text, with the person and the state or body it names."""

    title: Title
    start: int  # token span of the title words (with their complements)
    end: int
    person: Actor | None
    of: Actor | None
    of_is_context: bool  # the state was taken from the sentence, not the title


_REGNAL = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,2})$")


@functools.lru_cache(maxsize=8)
def _by_first_word(titles: tuple[Title, ...]) -> dict[str, list[tuple[Title, tuple[str, ...]]]]:
    """Title word sequences indexed by their first word (so a token is checked against few)."""
    index: dict[str, list[tuple[Title, tuple[str, ...]]]] = {}
    for title in titles:
        for words in title.words:
            words = tuple(_fold(w) for w in words)
            index.setdefault(words[0], []).append((title, words))
    return index


@functools.lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    """Lower case, straight apostrophe, no accents: "l’Etat" is "l'etat", as "l'état" is."""
    return _strip_accents(word.lower().translate(_APOSTROPHES))


def _match_title(doc: Doc, i: int, index: dict[str, list[tuple[Title, tuple[str, ...]]]],
                 actors: DocActors) -> tuple[Title, int, Actor | None] | None:
    """The longest title starting at token i (nationality adjectives may sit inside);
    ``index``: the titles by first word (:func:`_by_first_word`)."""
    best = None
    first = _fold(doc[i].lower_)
    candidates = index.get(first, ())
    plural = index.get(first[:-1]) if first[-1:] in ("s", "x") else None  # "les ministres des Affaires étrangères"
    if plural:
        candidates = [*candidates, *plural]
    for title, words in candidates:
        j, k, nat = i, 0, None
        while k < len(words) and j < len(doc):
            text = _fold(doc[j].lower_)
            if text == words[k] or (text[-1:] in ("s", "x") and text[:-1] == words[k] and words[k][-1:] != "s"):
                j, k = j + 1, k + 1
            elif k > 0 and j in actors.demonyms and nat is None:
                nat, j = actors.demonyms[j], j + 1
            else:
                break
        if k == len(words) and (best is None or j - i > best[1] - i):
            best = (title, j, nat)
    return best


def _title_starts(doc: Doc, index: dict[str, list]) -> list[int]:
    """Indices of the tokens that may start a title: their folded form, or its singular, is
    the first word of one (each distinct word of the document tested once)."""
    def starts(word: str) -> bool:
        w = _fold(word)
        return w in index or (w[-1:] in ("s", "x") and w[:-1] in index)
    return indices_where(doc, starts, (LOWER,))


def find_roles(doc: Doc, lex: Lexicon, actors: DocActors) -> list[RoleMention]:
    """Every title in the document with the person and the body it attaches to."""
    out: list[RoleMention] = []
    index = _by_first_word(lex.titles)  # once: hashing the titles for the cache costs
    resume = 0
    for i in _title_starts(doc, index):  # the tokens that may start a title (most cannot)
        if i < resume or (i in actors.by_token and actors.by_token[i].cls == "Person"):
            continue
        if i > 0 and doc[i - 1].lower_ == "en" and doc[i].lower_ == "chef":
            continue  # "le négociateur en chef côté russe": a rank of the title before, not a head
        hit = _match_title(doc, i, index, actors)
        if hit is None:
            continue
        title, j, nat = hit
        of = nat or _body_before(doc, i, actors, title)
        # nationality adjective right after the title ("britannique"), or "de/du X"
        while j < len(doc):
            if j in actors.demonyms and of is None:
                of, j = actors.demonyms[j], j + 1
            elif doc[j].lower_ in _OF_WORDS and j + 1 < len(doc):
                k = j
                while k < len(doc) and doc[k].lower_ in _OF_WORDS:
                    k += 1
                cand = actors.by_token.get(k)
                if cand is None and k + 1 < len(doc) and doc[k].lower_ in _GOVERNMENT_WORDS \
                        and k + 1 in actors.demonyms and of is None:
                    of, j = actors.demonyms[k + 1], k + 2  # "du gouvernement congolais"
                    continue
                if cand is not None and cand.cls in _BODY_CLASSES and of is None:
                    of = cand
                    span = actors.span_of(doc[k])
                    j = span.end if span is not None else k + 1
                else:
                    break
            elif doc[j].lower_ in _POSTING_PREPS and of is not None and j + 2 < len(doc) and (
                    actors.by_token.get(j + 1) or actors.by_token.get(j + 2)):
                k = j + 1 if j + 1 in actors.by_token else j + 2  # "ambassador to the United Nations"
                span = actors.span_of(doc[k])
                j = span.end if span is not None else k + 1
            elif doc[j].text == "(" and of is not None and _acronym_of(doc, j, of, actors):
                j += 3  # the body's acronym: "le chef de l'Agence internationale … (AIEA), Rafael Grossi"
            elif of is None and lex.title_bodies.get(doc[j].lower_) in Gazetteer.load():
                entry = Gazetteer.load().get(lex.title_bodies[doc[j].lower_])  # "la chef de la diplomatie européenne"
                of, j = Actor(entry.id, entry.cls, entry.labels.get(actors.lang) or doc[j].text, actors.lang,
                              entry.qid, True), j + 1
            elif doc[j].pos_ == "ADJ" and j not in actors.by_token:
                j += 1  # another adjective: "le président français sortant"
            elif doc[j].lower_ in ("et", "and") and j + 2 < len(doc) and doc[j - 1].pos_ == "ADJ" and (
                    doc[j + 1].pos_ == "ADJ" or (doc[j + 1].is_lower and doc[j + 2].lower_ in _OF_WORDS)) \
                    and j + 1 not in actors.by_token and j + 1 not in actors.demonyms:  # not "russe et américain"
                j += 2  # "ambassadeur extraordinaire et plénipotentiaire de la République fédérale d'Allemagne"
            elif doc[j].lower_ == "par" and j + 1 < len(doc) and doc[j + 1].lower_ == "intérim":
                j += 2  # "le président syrien par intérim Ahmed al-Charaa"
            elif doc[j].pos_ in ("ADV", "VERB", "NOUN") and _then_name(doc, j, actors):
                j += 1  # "le président vénézuélien tout juste réélu, Nicolas Maduro"
            elif doc[j].pos_ == "ADJ" and actors.by_token[j].cls in _BODY_CLASSES:
                of = of or actors.by_token[j]  # "le chef de la diplomatie française" (a body's name)
                j += 1
            else:
                break
        pairs = respective(doc, j - 1, actors) if of is not None and j - 1 in actors.demonyms else []
        if pairs:  # "les chefs d'Etat sénégalais et ghanéen, Macky Sall et Nana Akufo-Addo": in order
            out.extend(RoleMention(title, i if n == 0 else pos, j if n == 0 else pos + 1, person, state, False)
                       for n, (state, person, pos) in enumerate(pairs))
            resume = max(j, i + 1)
            continue
        # a name right after the title
        k = j
        while k < len(doc) and doc[k].text in _SKIP:
            k += 1
        if k + 2 < len(doc) and doc[k].pos_ == "DET" and doc[k + 1].lower_ in lex.honorific_words and \
                actors.by_token.get(k + 2) is not None:
            k += 2  # "le guide suprême d'Iran, l'ayatollah Ali Khamenei"
        person = actors.by_token.get(k) if k < len(doc) else None
        if person is not None and person.cls != "Person":
            person = _misread_name(doc, k, actors) if j < k else None
        if person is None and k < len(doc) and k not in actors.by_token:
            person = _unknown_name(doc, k, actors)  # a name the NER mislabelled, right after a title
        if person is None:
            person, body = _name_after_portfolio(doc, j, actors)
            of = of or body
        if person is None:
            person = _name_before(doc, i, actors)
        if of is None and person is not None and k < len(doc):
            of = _body_after_name(doc, k, actors)  # "le roi Abdallah II de Jordanie", "King Abdullah of Jordan"
        out.append(RoleMention(title, i, j, person, of, False))
        if person is not None:
            out.extend(_coordinated(doc, title, k, actors))
        resume = max(j, i + 1)
    return _share_names(doc, out, actors)


def _acronym_of(doc: Doc, j: int, body: Actor, actors: DocActors) -> bool:
    """A one-word parenthesis at ``j`` naming ``body`` again: "(AIEA)", "(OIEA)"."""
    if j + 2 >= len(doc) or doc[j + 2].text != ")":
        return False
    inside = actors.by_token.get(j + 1)
    return (inside is not None and inside.key == body.key) or (
        doc[j + 1].is_upper and len(doc[j + 1]) >= 2 and inside is None)


def _then_name(doc: Doc, j: int, actors: DocActors) -> bool:
    """Adverbs and participles up to a comma and a person's name ("tout juste réélu, Nicolas Maduro")."""
    k = j
    while k < len(doc) and k - j < 4 and (doc[k].pos_ == "ADV" or (
            doc[k].pos_ in ("VERB", "ADJ") and "Part" in doc[k].morph.get("VerbForm")) or (
            doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[k].lower_.endswith(("é", "u", "i")))):
        k += 1  # a participle the model took for a noun ("réélu")
    if k == j or k + 1 >= len(doc) or doc[k].text != ",":
        return False
    person = actors.by_token.get(k + 1)
    return person is not None and person.cls == "Person"


def _share_names(doc: Doc, roles: list[RoleMention], actors: DocActors) -> list[RoleMention]:
    """Coordinated titles of one person: "Nigerian president and ECOWAS chairman Bola
    Tinubu", "ministre de la Défense et porte-parole du gouvernement X": the first title,
    with no name of its own, takes the name of the next when only "and"/"et" and the next
    title's body lie between them."""
    out = list(roles)
    for n in range(len(out) - 2, -1, -1):
        first, second = out[n], out[n + 1]
        if first.person is not None or second.person is None or second.start - first.end > 3:
            continue
        between = doc[first.end:second.start]
        if len(between) and between[0].lower_ in ("and", "et") and all(
                t.pos_ in ("PROPN", "ADJ", "CCONJ") or t.lower_ in _OF_WORDS or t.i in actors.by_token
                for t in between):
            out[n] = replace(first, person=second.person)
    return out


def _body_before(doc: Doc, i: int, actors: DocActors, title: Title | None = None) -> Actor | None:
    """The state or body named right before an English title: "Russian Foreign Minister",
    "Kremlin spokesman", "NATO Secretary General", "Britain's Prime Minister", "Russia's
    permanent representative", "Putin's spokesman"."""
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and k not in actors.demonyms and i - k <= 2:
        k -= 1  # "permanent", "deputy"
    if k >= 0 and doc[k].lower_ in ("'s", "’s"):
        k -= 1
    if k < 0:
        return None
    if doc[k].pos_ == "PROPN" and k not in actors.by_token:
        # a ministry spelled out before the title: "Iranian Ministry of Foreign Affairs spokesman"
        m = k
        while m >= 0 and k - m < 6 and (doc[m].pos_ == "PROPN" or doc[m].lower_ in ("of", "for", "and")) \
                and doc[m].lower_ not in _GOVERNMENT_WORDS:
            m -= 1
        if m >= 1 and doc[m].lower_ in _GOVERNMENT_WORDS and m - 1 in actors.demonyms:
            return actors.demonyms[m - 1]
    if k in actors.demonyms:
        return actors.demonyms[k]
    cand = actors.by_token.get(k)
    if cand is not None and cand.cls == "Person" and title is not None and title.role == "spokespersonFor":
        return cand  # "Putin's spokesman Dmitry Peskov"
    return cand if cand is not None and cand.cls in _BODY_CLASSES else None


def respective(doc: Doc, k: int, actors: DocActors) -> list[tuple[Actor, Actor, int]]:
    """Holders named in the order of their nationalities: from the nationality adjective at ``k``,
    "azéri et arménien, Ilham Aliev et Serge Sargissian" -> (Azerbaijan, Aliev), (Armenia, Sargsyan),
    each with the index of its nationality word; empty unless there are as many names as
    nationalities, two or more."""
    states, at, n = [actors.demonyms[k]], [k], k + 1
    while n + 1 < len(doc) and doc[n].lower_ in (",", "et", "and") and n + 1 in actors.demonyms:
        states.append(actors.demonyms[n + 1])
        at.append(n + 1)
        n += 2
    if len(states) < 2 or n >= len(doc) or doc[n].text != ",":
        return []
    people: list[Actor] = []
    n += 1
    while n < len(doc) and len(people) < len(states):
        person = actors.by_token.get(n)
        if person is None or person.cls != "Person":
            return []
        people.append(person)
        span = actors.span_of(doc[n])
        n = span.end if span is not None else n + 1
        if len(people) < len(states):
            if n >= len(doc) or doc[n].lower_ not in (",", "et", "and"):
                return []
            n += 1
    if len(people) != len(states) or len(set(states)) != len(states):
        return []
    return list(zip(states, people, at))


def _coordinated(doc: Doc, title: Title, k: int, actors: DocActors) -> list[RoleMention]:
    """Further holders of a plural title: "les présidents américain Donald Trump et
    ukrainien Volodymyr Zelensky" (conjunction, nationality, name)."""
    out = []
    span = actors.span_of(doc[k])
    n = span.end if span is not None else k + 1
    while n + 2 < len(doc) and doc[n].lower_ in ("et", "and", ",") and n + 1 in actors.demonyms:
        state = actors.demonyms[n + 1]
        person = actors.by_token.get(n + 2)
        if person is None or person.cls != "Person":
            break
        out.append(RoleMention(title, n + 1, n + 2, person, state, False))
        span = actors.span_of(doc[n + 2])
        n = span.end if span is not None else n + 3
    return out


def _body_after_name(doc: Doc, k: int, actors: DocActors) -> Actor | None:
    """The state or body named right after a title's holder by "de"/"of": "le roi Abdallah II
    de Jordanie", "Queen Elizabeth of Britain"."""
    span = actors.span_of(doc[k])
    n = span.end if span is not None else k + 1
    if n < len(doc) and _REGNAL.match(doc[n].text):
        n += 1
    if n + 1 >= len(doc) or doc[n].lower_ not in _OF_WORDS:
        return None
    while n < len(doc) and doc[n].lower_ in _OF_WORDS:
        n += 1
    cand = actors.by_token.get(n) if n < len(doc) else None
    return cand if cand is not None and cand.cls in _BODY_CLASSES else None


def _name_after_portfolio(doc: Doc, j: int, actors: DocActors) -> tuple[Actor | None, Actor | None]:
    """A person named after the title's portfolio, and the body the portfolio names: "le
    vice-ministre iranien des Affaires étrangères, Abbas Araghchi", "deputy minister for trade,
    Ana Díaz", "l'envoyé spécial pour le Moyen-Orient Steve Witkoff", "le conseiller adjoint à la
    sécurité nationale de la Maison Blanche, Daleep Singh", "le ministre de la Défense, le général X"."""
    k, body = j, None
    while k < len(doc) and k - j < 10 and (
            doc[k].lower_ in _OF_WORDS or doc[k].lower_ in _PORTFOLIO_WORDS
            or (doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and k not in actors.by_token)
            or (k in actors.by_token and actors.by_token[k].cls in _BODY_CLASSES)):
        if k in actors.by_token and body is None:
            body = actors.by_token[k]
        elif k in actors.demonyms and body is None:
            body = actors.demonyms[k]  # "le vice-ministre des Affaires étrangères russe, Sergueï Riabkov"
        k += 1
    if k >= len(doc) or (k == j and doc[k].text != ","):
        return None, None
    if doc[k].text == "," and k + 1 < len(doc):
        k += 1
        n = k
        while n < len(doc) and n - k < 2 and doc[n].pos_ in ("DET", "NOUN") and doc[n].is_lower:
            n += 1  # ", le général Hossein Dehghan"
        cand = actors.by_token.get(n)
    elif any(doc[m].lower_ in _PORTFOLIO_WORDS or doc[m].lower_ in _OF_WORDS for m in range(j, k)):
        cand = actors.by_token.get(k)  # no comma: a portfolio with a preposition, then the name
    else:
        return None, None
    return (cand, body) if cand is not None and cand.cls == "Person" else (None, None)


def _misread_name(doc: Doc, k: int, actors: DocActors) -> Actor | None:
    """A name the NER took for an organisation, apposed after a title and a comma
    ("Russia's permanent representative to the United Nations, Vassily Nebenzia"):
    two or three capitalised proper nouns that the gazetteer does not know are a person."""
    from kg.extract.mentions import person_key

    actor, span = actors.by_token[k], actors.span_of(doc[k])
    if actor.gazetteer or span is None or span.start != k or not 2 <= len(span) <= 3 \
            or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in span):
        return None
    person = Actor(person_key(span.text), "Person", span.text, actors.lang)
    actors.add(span, person)
    return person


def _unknown_name(doc: Doc, k: int, actors: DocActors) -> Actor | None:
    """Two or more capitalised proper nouns right after a title, taken as a person's name."""
    from kg.extract.mentions import person_key

    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and end not in actors.by_token and end - k < 4:
        end += 1
    if k < end < len(doc) and _REGNAL.match(doc[end].text):
        end += 1  # a regnal number: "le roi Abdallah II", "King Charles III"
    known = actors.by_token.get(end) if end < len(doc) else None
    if known is not None and known.cls == "Person" and k < end and (
            doc[k:end].text in known.label or " " not in known.label):
        span = actors.span_of(doc[end])  # "Jens" + "Stoltenberg", a surname known from the article
        full = doc[k:span.end if span is not None else end + 1]
        if " " not in known.label:  # the article's other mentions gave the surname alone
            known = Actor(person_key(full.text), "Person", full.text, actors.lang)
        actors.add(full, known)
        return known
    if end - k < 2:
        return None
    name = doc[k:end].text
    actor = Actor(person_key(name), "Person", name, actors.lang)
    actors.add(doc[k:end], actor)
    return actor


def _name_before(doc: Doc, i: int, actors: DocActors) -> Actor | None:
    """A person apposed before the title: "Keir Starmer, le Premier ministre",
    "Robert Wood, deputy U.S. ambassador"."""
    k = i - 1
    while k >= 0 and i - k <= 4 and (doc[k].pos_ in ("DET", "ADJ") or doc[k].is_lower or k in actors.demonyms or (
            k in actors.by_token and actors.by_token[k].cls != "Person") or doc[k].lower_ in ("'s", "’s")):
        k -= 1
    if k >= 1 and doc[k].text == ",":
        if k >= 2 and doc[k - 1].text in _CLOSING_QUOTES:
            k -= 1  # a quotation that ends on the name: « … M. Vincent Karega », ambassadeur du Rwanda
        cand = actors.by_token.get(k - 1)
        if cand is not None and cand.cls == "Person":
            return cand
    return None


def context_state(doc: Doc, start: int, actors: DocActors) -> Actor | None:
    """The state a title without nationality belongs to: the nearest state named
    before it in the same sentence ("La Russie …, le ministre des Affaires étrangères")."""
    sent = doc[start].sent
    states = [(k, actors.by_token[k]) for k in range(start - 1, sent.start - 1, -1)
              if k in actors.by_token and actors.by_token[k].cls == "State"]
    for k, actor in states:  # the subject of the sentence first, then a state outside a phrase
        if doc[k].dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            return actor
    for k, actor in states:
        if not any(c.dep_ == "case" for c in doc[k].children) and doc[k].dep_ not in ("pobj", "nmod", "obl"):
            return actor
    return None
