"""Actor mentions in a parsed document, resolved within the document.

Sources, in order of trust: the gazetteer's entity ruler (states, bodies,
organisations, capitals as metonyms, known people), the model's person
names, and surnames of people named in full elsewhere in the document
("Starmer" after "Keir Starmer", whatever tag the model gave it).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.calendar import CALENDAR_WORDS
from kg.extract.records import Actor

ACTOR_CLASSES = frozenset({"Person", "State", "InternationalOrganization", "Organization",
                           "GovernmentBody", "ArmedForce", "Group"})
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_ORG_LABELS = frozenset({"ORG"})
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_ARABIC_PARTICLES = frozenset({"al", "el", "ben", "bin", "ibn", "ould", "abu", "abou"})
_NAME_PARTICLES = frozenset({"de", "du", "von", "van", "der", "al", "el", "ben", "bin", "la", "le", "di", "da"})


# Courtesy titles written before a surname ("M. Zarif", "Mme Kallas", "Mr Starmer"):
# not part of the name.
_HONORIFICS = frozenset({"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr"})
# Spellings of one transliterated (Russian, Ukrainian …) name, folded to one form;
# applied in this order to lower-case ASCII words. Only spelling variants of the same
# name meet: "Volodymyr" and "Vladimir", "Dmytro" and "Dmitri" stay apart.
_SPELLINGS = (
    (re.compile(r"(?<=[rv])gu(?=e)"), "g"),                # French "gue": Sergueï, Evgueni -> Sergei, Evgeni
    (re.compile(r"(?<=[aeiou])j$"), "i"),                  # German "-ej": Sergej -> Sergei
    (re.compile(r"(?<=[a-z])(?:iy|yy|ii|y)$"), "i"),       # Dmitry, Dmitriy, Dmitrii, Zelenskyy -> Dmitri, Zelenski
    (re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[aeiou])"), "i"),  # Nebenzya, Tatyana -> Nebenzia, Tatiana
)


def slug(text: str) -> str:
    """A safe IRI segment: lower-case ASCII words joined by hyphens.

    >>> slug("Sergueï  Lavrov")
    'serguei-lavrov'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "x"


def _spelling(word: str) -> str:
    """One spelling for the transliteration variants of a lower-case ASCII word.

    >>> [_spelling(w) for w in ("serguei", "sergey", "dmitry", "dmitrii", "zelenskyy", "volodymyr")]
    ['sergei', 'sergei', 'dmitri', 'dmitri', 'zelenski', 'volodymyr']
    >>> [_spelling(w) for w in ("andriy", "andrii", "nebenzya", "muyaya", "hassan", "miguel")]
    ['andri', 'andri', 'nebenzia', 'muyaya', 'hassan', 'miguel']
    """
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def _without_honorific(name: str) -> list[str]:
    """The words of a name without a leading courtesy title ("M. Zarif" -> ["Zarif"])."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return words


def fold(text: str) -> str:
    """A person's name folded for comparison within a document: no case, accents,
    courtesy title or transliteration differences.

    >>> fold("M. Sergueï Lavrov") == fold("Sergey  Lavrov")
    True
    """
    text = unicodedata.normalize("NFKD", " ".join(_without_honorific(text)).casefold().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[a-z]+", lambda m: _spelling(m.group()), text)


def person_key(name: str) -> str:
    """Key (IRI segment) of a person not in the gazetteer: the slug of the name as
    written, without a courtesy title, with transliteration variants folded together
    ("Sergueï"/"Sergei"/"Sergey", "Dmitri"/"Dmitry"). A surname alone keeps its own
    key ("Lavrov" is not "sergei-lavrov").

    >>> person_key("Sergueï Lavrov") == person_key("Sergey Lavrov") == "sergei-lavrov"
    True
    >>> person_key("Dmitri Peskov") == person_key("Dmitry Peskov"), person_key("M. Zarif")
    (True, 'zarif')
    >>> person_key("Volodymyr Zelenskyy") == person_key("Vladimir Zelensky")
    False
    """
    s = slug(" ".join(_without_honorific(name)))
    return re.sub(r"[a-z]+", lambda m: _spelling(m.group()), s)


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
        """Index ``span`` as naming ``actor``; spans it overlaps are replaced."""
        kept = []
        for s, a in self.spans:
            if s.start < span.end and span.start < s.end:
                for i in range(s.start, s.end):
                    self.by_token.pop(i, None)
            else:
                kept.append((s, a))
        self.spans = kept
        self.spans.append((span, actor))
        for i in range(span.start, span.end):
            self.by_token[i] = actor


_OFFICE_PREPS = frozenset({"au", "aux", "du", "de", "des", "la", "l'", "l’", "d'", "d’", "of", "the"})


def _surname_after(tok: Token) -> bool:
    """A capitalised word the parser made part of the previous name ("Israël Katz", flat:name), that
    names nothing itself."""
    return tok.dep_.startswith("flat") and tok.head.i == tok.i - 1 and tok.text[:1].isupper() \
        and tok.ent_type_ in ("", "PER", "PERSON") and tok.is_alpha


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].pos_ in ("DET", "ADP", "PUNCT"):
        span = span[1:]
    while len(span) > 1 and (span[-1].pos_ in ("PUNCT",) or span[-1].lower_ in ("'s", "’s", "'")):
        span = span[:-1]  # "Saddam Hussein's proposal": the name without the possessive
    return span


def _capitalised_name(span: Span) -> bool:
    """An organisation's name whose first word the tagger took for a common noun: capitalised
    inside a sentence, of three words or more ("les Forces de soutien rapide"; two words are
    as often an office's name: "conseiller à la Sécurité nationale")."""
    first = span[0]
    return len(span) > 2 and first.pos_ == "NOUN" and first.text[:1].isupper() and not first.is_sent_start


def _person_name(span: Span) -> str:
    text = " ".join(t.text for t in span if t.pos_ != "PUNCT" or t.text == "-")
    text = re.sub(r"\b([A-Za-z]['’])\s+(?=[A-Z])", r"\1", text)  # "N' Guesso" -> "N'Guesso"
    return re.sub(r"\s+-\s+", "-", text).strip()


@functools.lru_cache(maxsize=None)
def _title_words(lang: str) -> frozenset[str]:
    """Every word of a title of the lexicon ("ministre", "affaires", "étrangères" …)."""
    from kg.lexicon import load_lexicon

    return frozenset(w for t in load_lexicon(lang).titles for seq in t.words for w in seq)


def find_actors(doc: Doc, lang: str, gazetteer, *, scope: str | None = None) -> DocActors:
    """Index every actor mention of ``doc`` (gazetteer entities, people, surnames).

    ``scope`` (the article id) keeps a person known only by one name ("Duterte") to
    its article: such names never merge across articles.
    """
    from kg.lexicon import load_lexicon

    title_words = _title_words(lang)
    lex = load_lexicon(lang)
    named_places, honorifics = lex.named_place_nouns, lex.honorific_words
    found = DocActors(doc, lang)
    people: dict[str, Actor] = {}  # folded surname / full name -> person
    pending: list[Span] = []
    ents = doc.ents  # Doc.ents builds its spans on every call
    for ent in ents:
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
                if start == span.start:
                    start = _arabic_name_start(doc, span.start, title_words)
                if start < span.start and not _same_person(doc[start:span.start], entry):
                    # "Mojtaba Khamenei" is not "Ali Khamenei": a namesake, not the gazetteer's person
                    name = _person_name(doc[start:span.end])
                    actor = Actor(person_key(name), "Person", name, lang)
                span = doc[start:span.end]
                _remember(people, span.text, actor)
            elif entry.cls == "State" and len(span) == 1 and span.end < len(doc) and _surname_after(doc[span.end]) \
                    and not (span.start and doc[span.start - 1].pos_ in ("DET", "ADP")):  # not "l'émir du Qatar Tamim"
                pending.append(doc[span.start:span.end + 1])  # "Israël Katz": a first name that is a state's
                continue  # name, then a surname: a person
            found.add(span, actor)
        elif label == "DEMONYM" and ent.ent_id_:
            entry = gazetteer.get(ent.ent_id_)
            actor = Actor(key=entry.id, cls=entry.cls, label=entry.labels.get(lang) or ent.text,
                          lang=lang, qid=entry.qid, gazetteer=True)
            for tok in ent:
                found.demonyms[tok.i] = actor
        elif label in _PERSON_LABELS:
            span = _strip_det(ent)
            if span[0].text[:1].islower():  # "président de la République" tagged as a person: a title,
                while len(span) > 1 and span[0].text[:1].islower():  # with a name after it or none
                    span = _strip_det(span[1:])
                if span[0].text[:1].islower() or not any(t.pos_ == "PROPN" for t in span):
                    continue
            if len(span) >= 3 and span.start > 0 and doc[span.start - 1].lower_ in _OFFICE_PREPS:
                span = span[1:]  # "secrétaire au Trésor Steven Mnuchin": the office's word is not the name
            end = span.end
            while end + 1 < len(doc) and re.fullmatch(r"[A-Z]['’]", doc[end].text) and doc[end + 1].text[:1].isupper():
                end += 2  # a surname the NER cut at its elided initial: "Denis Sassou N'Guesso"
            pending.append(doc[span.start:end])
        elif label in _ORG_LABELS:
            span = _strip_det(ent)
            entry = gazetteer.lookup(span.text, lang)
            if entry is not None:
                found.add(span, Actor(entry.id, entry.cls, entry.labels.get(lang) or span.text, lang,
                                      entry.qid, True))
            elif len(span.text) > 2 and (span[0].pos_ == "PROPN" or _capitalised_name(span)) and \
                    span.text.lower() not in honorifics:  # "SEM" (Son Excellence Monsieur)
                found.add(span, Actor(f"org-{slug(span.text)}", "Organization", span.text, lang))
        elif label in _PLACE_LABELS or label == "LOC":
            for tok in ent:
                found.places[tok.i] = ent.text
    # people: longest names first, so that "Starmer" joins "Keir Starmer"
    for span in sorted(pending, key=len, reverse=True):
        name = _person_name(span)
        if not re.search(r"[A-ZÀ-Ý]", name) or len(name) < 3:
            continue
        if len(span) == 1 and (span[0].lower_.rstrip("sx") in title_words or span[0].lower_ in title_words
                               or span[0].lower_ in CALENDAR_WORDS or (
                span.start and doc[span.start - 1].lower_ in ("des", "les", "aux"))):
            continue  # a capitalised title or plural noun, not a name: "le salon des Ambassadeurs"
        if span.start and doc[span.start - 1].lower_ in named_places:
            continue  # a place named after a person: "le salon Napoléon", "l'aéroport Charles-de-Gaulle"

        known = people.get(fold(name)) or (people.get(fold(span[-1].text)) if len(span) == 1 else None)
        entry = gazetteer.lookup(name, lang) if known is None else None
        if entry is not None and entry.cls == "Person":
            known = Actor(entry.id, "Person", entry.labels.get(lang) or entry.labels.get("en") or name,
                          lang, entry.qid, True)
        elif known is None and (entry := gazetteer.person_by_prefix(name)) is not None:
            known = Actor(entry.id, "Person", name, lang, entry.qid, True)  # "Abiy Ahmed" (Abiy Ahmed Ali): the
            # gazetteer's person, labelled as the article names him too
        key = person_key(name)
        if known is None and scope and " " not in name.strip():
            key = f"{slug(scope)}--{key}"  # one name only: this article's person, not a namesake elsewhere
        actor = known or Actor(key, "Person", name, lang)
        _remember(people, name, actor)
        found.add(span, actor)
    # a name spelled out before a known acronym: "la Communauté des Etats d'Afrique de l'Ouest (Cédéao)"
    for ent in ents:
        if ent.label_ in _ORG_LABELS and ent.end + 2 < len(doc) and doc[ent.end].text == "(":
            acronym = found.by_token.get(ent.end + 1)
            span = found.span_of(doc[ent.end + 1])
            named = found.by_token.get(_strip_det(ent).start)
            if acronym is not None and acronym.cls != "Person" and span is not None and span.end < len(doc) \
                    and doc[span.end].text == ")" and (named is None or not named.gazetteer):
                found.add(_strip_det(ent), acronym)
    # surnames of known people wherever they appear, whatever their tag
    surnames = {k: a for k, a in people.items() if " " not in k}
    for tok in doc if surnames else ():
        if tok.i in found.by_token or not tok.text[:1].isupper():
            continue
        actor = surnames.get(fold(tok.text))
        if actor is not None:
            found.add(doc[tok.i:tok.i + 1], actor)
    found.spans.sort(key=lambda sa: sa[0].start)
    return found


def _arabic_name_start(doc: Doc, start: int, title_words: set[str]) -> int:
    """The start of a name whose surname follows a particle, with given names that another
    entity claimed: "Abdel Fatah al Sissi" (where "Fatah" matched the movement). The run must
    open on a capitalised word that no entity claims."""
    k = start
    if k == 0 or doc[k - 1].lower_ not in _ARABIC_PARTICLES:
        return start
    k -= 1
    run = k
    while run > 0 and k - run < 3 and doc[run - 1].pos_ == "PROPN" and doc[run - 1].text[:1].isupper() \
            and doc[run - 1].lower_ not in title_words:
        run -= 1
    if run == k or doc[run].ent_type_ not in ("", *_PERSON_LABELS):
        return start
    return run


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1", r"\1", word)


def _same_person(first_names: Span, entry) -> bool:
    """Whether the first names before a gazetteer surname belong to that entry's names
    (particles aside, doubled letters folded: "Abdel Fatah al" for "Abdel Fattah al-Sissi")."""
    names = {fold(n) for n in entry.labels.values()}
    names |= {fold(n) for names_ in entry.aliases.values() for n in names_}
    words = {_squeeze(w) for n in names for w in re.split(r"[\s-]+", n)}
    return all(_squeeze(fold(t.text)) in words for t in first_names
               if t.lower_ not in _ARABIC_PARTICLES and not t.is_punct)


def _remember(people: dict[str, Actor], name: str, actor: Actor) -> None:
    """Index a person by full name and by surname, for the later mentions of the document.

    The surname is the last word, with its particles ("von der Leyen", "Le Drian")
    and without an "al-"/"el-" prefix ("al-Assad" is also "Assad"). Only within one
    document: across documents, people merge on their full name (:func:`person_key`).
    """
    people.setdefault(fold(name), actor)
    words = _without_honorific(name)
    if len(words) < 2:
        return
    tail = len(words) - 1
    while tail > 1 and words[tail - 1].lower() in _NAME_PARTICLES:
        tail -= 1
    surnames = {" ".join(words[tail:]), words[-1]}
    prefix = re.match(r"(?i)(?:al|el)[-‑](?=\w)", words[-1])
    if prefix:
        surnames.add(words[-1][prefix.end():])
    for surname in surnames:
        if surname.lower() not in _NAME_PARTICLES:
            people.setdefault(fold(surname), actor)
