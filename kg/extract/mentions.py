"""Actor mentions in a parsed document, resolved within the document.

Sources, in order of trust: the gazetteer's entity ruler (states, bodies,
organisations, capitals as metonyms, known people), the model's person
names, and surnames of people named in full elsewhere in the document
("Starmer" after "Keir Starmer", whatever tag the model gave it).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.records import Actor

ACTOR_CLASSES = frozenset({"Person", "State", "InternationalOrganization", "Organization",
                           "GovernmentBody", "ArmedForce", "Group"})
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_ORG_LABELS = frozenset({"ORG"})
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_NAME_PARTICLES = frozenset({"de", "du", "von", "van", "der", "al", "el", "ben", "bin", "la", "le", "di", "da"})


def slug(text: str) -> str:
    """A safe IRI segment: lower-case ASCII words joined by hyphens.

    >>> slug("Sergueï  Lavrov")
    'sergue-lavrov'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "x"


def fold(text: str) -> str:
    """Case- and accent-folded text, for comparing names."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def person_key(name: str) -> str:
    """Key of a person not in the gazetteer: transliteration variants fold together
    ("Sergueï"/"Sergei"/"Sergey", "Dmitri"/"Dmitry")."""
    s = slug(name)
    s = re.sub(r"(?<=[a-z])(ue|ey|ei)(?=-|$)", "ei", s)
    s = re.sub(r"(?<=[a-z])(iy|y|ii)(?=-|$)", "i", s)
    return s


@dataclass
class DocActors:
    """Which tokens of a document name which actors; filled in one pass."""

    doc: Doc
    lang: str
    by_token: dict[int, Actor] = field(default_factory=dict)
    spans: list[tuple[Span, Actor]] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)  # token -> place name (not an actor)
    demonyms: dict[int, Actor] = field(default_factory=dict)  # adjective token -> state

    def actor_at(self, tok: Token) -> Actor | None:
        """The actor a token is part of the name of, if any."""
        return self.by_token.get(tok.i)

    def span_of(self, tok: Token) -> Span | None:
        for span, _ in self.spans:
            if span.start <= tok.i < span.end:
                return span
        return None

    def add(self, span: Span, actor: Actor) -> None:
        self.spans.append((span, actor))
        for i in range(span.start, span.end):
            self.by_token[i] = actor


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].pos_ in ("DET", "ADP", "PUNCT"):
        span = span[1:]
    while len(span) > 1 and span[-1].pos_ in ("PUNCT",):
        span = span[:-1]
    return span


def _person_name(span: Span) -> str:
    text = " ".join(t.text for t in span if t.pos_ != "PUNCT" or t.text == "-")
    return re.sub(r"\s+-\s+", "-", text).strip()


def find_actors(doc: Doc, lang: str, gazetteer) -> DocActors:
    """Index every actor mention of ``doc`` (gazetteer entities, people, surnames)."""
    from kg.lexicon import load_lexicon

    title_words = {w for t in load_lexicon(lang).titles for seq in t.words for w in seq}
    found = DocActors(doc, lang)
    people: dict[str, Actor] = {}  # folded surname / full name -> person
    pending: list[Span] = []
    for ent in doc.ents:
        label = ent.label_
        if label in ACTOR_CLASSES and ent.ent_id_:
            entry = gazetteer.get(ent.ent_id_)
            actor = Actor(key=entry.id, cls=entry.cls, label=entry.labels.get(lang) or ent.text,
                          lang=lang, qid=entry.qid, gazetteer=True)
            span = _strip_det(ent)
            if entry.cls == "Person":  # "Dmitry Peskov" where the gazetteer matched "Peskov"
                start = span.start
                while start > 0 and start > span.start - 2 and doc[start - 1].pos_ == "PROPN" \
                        and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in title_words \
                        and doc[start - 1].ent_type_ in ("", *_PERSON_LABELS):
                    start -= 1
                span = doc[start:span.end]
                _remember(people, span.text, actor)
            found.add(span, actor)
        elif label == "DEMONYM" and ent.ent_id_:
            entry = gazetteer.get(ent.ent_id_)
            actor = Actor(key=entry.id, cls=entry.cls, label=entry.labels.get(lang) or ent.text,
                          lang=lang, qid=entry.qid, gazetteer=True)
            for tok in ent:
                found.demonyms[tok.i] = actor
        elif label in _PERSON_LABELS:
            pending.append(_strip_det(ent))
        elif label in _ORG_LABELS:
            span = _strip_det(ent)
            entry = gazetteer.lookup(span.text, lang)
            if entry is not None:
                found.add(span, Actor(entry.id, entry.cls, entry.labels.get(lang) or span.text, lang,
                                      entry.qid, True))
            elif span[0].pos_ == "PROPN" and len(span.text) > 2:
                found.add(span, Actor(slug(span.text), "Organization", span.text, lang))
        elif label in _PLACE_LABELS or label == "LOC":
            for tok in ent:
                found.places[tok.i] = ent.text
    # people: longest names first, so that "Starmer" joins "Keir Starmer"
    for span in sorted(pending, key=len, reverse=True):
        name = _person_name(span)
        if not re.search(r"[A-ZÀ-Ý]", name) or len(name) < 3:
            continue
        known = people.get(fold(name)) or (people.get(fold(span[-1].text)) if len(span) == 1 else None)
        entry = gazetteer.lookup(name, lang) if known is None else None
        if entry is not None and entry.cls == "Person":
            known = Actor(entry.id, "Person", entry.labels.get(lang) or entry.labels.get("en") or name,
                          lang, entry.qid, True)
        actor = known or Actor(person_key(name), "Person", name, lang)
        _remember(people, name, actor)
        found.add(span, actor)
    # surnames of known people wherever they appear, whatever their tag
    surnames = {k: a for k, a in people.items() if " " not in k}
    for tok in doc:
        if tok.i in found.by_token or not tok.text[:1].isupper():
            continue
        actor = surnames.get(fold(tok.text))
        if actor is not None:
            found.add(doc[tok.i:tok.i + 1], actor)
    found.spans.sort(key=lambda sa: sa[0].start)
    return found


def _remember(people: dict[str, Actor], name: str, actor: Actor) -> None:
    people.setdefault(fold(name), actor)
    parts = [p for p in name.split() if p.lower() not in _NAME_PARTICLES]
    if len(parts) >= 2:
        people.setdefault(fold(parts[-1]), actor)
