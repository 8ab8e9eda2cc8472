"""Predicate and title lexicons, loaded from YAML data files and validated.

A lexicon maps words (lemma + part of speech) to the core relations of the
ontology, with the frame that says where the agent and the target are; see
the header of ``kg/data/lexicon/fr.yaml`` for the fields.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from kg.errors import DataFileError

POS = frozenset({"VERB", "NOUN", "ADJ"})
TARGETS = frozenset({"object", "subject", "action", "governor"})
MODALITIES = frozenset({"Intended", "Hypothetical"})
EVENT_RELATIONS = frozenset({
    "proposes", "offers", "supports", "agreesTo", "meetsWith", "requests", "rejects",
    "opposes", "warns", "threatens", "accuses", "sanctions", "deploys", "attacks", "aids"})
ROLE_RELATIONS = frozenset({
    "headOfStateOf", "headOfGovernmentOf", "foreignMinisterOf", "spokespersonFor",
    "memberOf", "governmentOf", "officialOf"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One predicate frame: words of one part of speech that express a relation."""

    id: str
    relation: str
    pos: str
    lemmas: tuple[str, ...]
    example: str
    target: str = "object"
    preps: tuple[str, ...] = ()
    agent_preps: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    object_kinds: tuple[str, ...] = ()
    modality: str | None = None
    represented: bool = False  # an official target stands for the state or body it represents
    negative: bool = False  # the frame is negated itself: "n'exclut pas le recours à la force"
    owned_as_object: bool = False  # a noun that is its clause subject's act only as its object ("a lancé une
    # attaque"; not "a riposté au raid", "après l'adoption de nouvelles sanctions")


@dataclass(frozen=True, slots=True)
class Title:
    """An office title (token sequences) and the role relation it gives."""

    id: str
    role: str
    words: tuple[tuple[str, ...], ...]
    example: str


@dataclass(frozen=True)
class Lexicon:
    """Everything language-specific that the rules read."""

    lang: str
    entries: tuple[Entry, ...]
    titles: tuple[Title, ...]
    speech_verbs: frozenset[str]
    according_to: frozenset[str]
    intent_cues: frozenset[str]
    hypothetical_cues: frozenset[str]
    negation_words: frozenset[str]
    negative_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    light_verbs: frozenset[str]
    demonstratives: frozenset[str]
    pronouns: dict[str, dict[str, str]]
    objects: dict[str, str]  # lower-case head word -> class name
    leader_words: frozenset[str]
    state_leaders: frozenset[str] = frozenset()
    honorific_words: frozenset[str] = frozenset()  # "l'ayatollah", "le cheikh" between a title and a name
    cabinet_words: frozenset[str] = frozenset()  # "ministre": a state's office, its state from the context
    counterpart_words: frozenset[str] = frozenset()
    title_bodies: dict[str, str] = field(default_factory=dict)  # "(chef de la diplomatie) européenne" -> eu
    collective: frozenset[str] = frozenset()  # nouns that stand for a state or body with a demonym
    group_nouns: frozenset[str] = frozenset()  # nouns of groups that do not act for their state
    organization_nouns: frozenset[str] = frozenset()  # "l'organisation régionale": the body named before
    neighbour_nouns: frozenset[str] = frozenset()  # "son voisin": the other state named before
    named_place_nouns: frozenset[str] = frozenset()  # "le salon Napoléon": a person's name names a place
    pair_nouns: dict[str, str] = field(default_factory=dict)  # "les deux dirigeants" -> Person: the two named before
    pair_words: frozenset[str] = frozenset()  # "deux", "two", "both"
    count_words: dict[str, int] = field(default_factory=dict)  # "trois" -> 3: "les trois pays" named before
    legislature_words: frozenset[str] = frozenset()  # words naming a parliament or assembly
    condition_cues: tuple[str, ...] = ()
    ultimatum_cues: tuple[tuple[str, ...], ...] = ()  # "will withdraw … unless X": a conditional threat
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word -> lemma where the model errs
    ethnic_words: frozenset[str] = frozenset()  # "ethnic Turks": a people, not the state
    mutual_verbs: frozenset[str] = frozenset()  # "X et Y ont discuté": each meets the other
    list_cues: tuple[tuple[str, ...], ...] = ()  # "neuf personnes, dont X et Y": the members named
    gathering_verbs: frozenset[str] = frozenset()  # "le sommet a réuni X, Y et Z": they meet each other
    threat_words: frozenset[str] = frozenset()  # a warning of these is a threat ("a averti qu'il riposterait")
    retaliation_words: frozenset[str] = frozenset()  # "répondra à chaque agression américaine": a threat
    vow_verbs: frozenset[str] = frozenset()  # "a promis une riposte": announces the retaliation it names
    punish_verbs: frozenset[str] = frozenset()  # "punira X": X is threatened
    route_words: frozenset[str] = frozenset()  # "blocked roads": a way blocked is the means of a protest, not its target
    member_nouns: frozenset[str] = frozenset()  # "membre de l'OTAN", "a member of NATO"
    composition_words: frozenset[str] = frozenset()  # "le groupe de Minsk, formé par la France, …"
    aim_verbs: frozenset[str] = frozenset()  # "viser", "target": an attack, or a sanction among sanctions
    absence_nouns: frozenset[str] = frozenset()  # "l'absence de contacts avec X": the event did not happen
    conduct_nouns: frozenset[str] = frozenset()  # "la politique du Kremlin": the "de" complement is the doer
    blame_nouns: frozenset[str] = frozenset()  # "l'agression russe" in a speaker's words accuses Russia
    blame_adjectives: frozenset[str] = frozenset()  # "la politique dangereuse du Kremlin": a conduct blamed
    tally_nouns: frozenset[str] = frozenset()  # "deux contre (Russie et Bolivie)" in a sentence of these
    vote_words: frozenset[str] = frozenset()  # "ont voté contre" with no object: on the text named before
    consequence_nouns: frozenset[str] = frozenset()  # "devra supporter les conséquences": a threat to the subject
    bear_verbs: frozenset[str] = frozenset()  # supporter, assumer, s'attendre à … (the consequences)
    question_words: frozenset[str] = frozenset()  # "asked why …", "a demandé si …": a question, no request
    asking_verbs: frozenset[str] = frozenset()  # "a demandé si la France enverrait …": an indirect question
    hostile_promises: frozenset[str] = frozenset()  # "a promis l'enfer", "de s'en prendre à": no offer
    blocking_verbs: frozenset[str] = frozenset()  # "son veto pour empêcher l'adoption d'une résolution"
    adoption_verbs: frozenset[str] = frozenset()  # "le Conseil a adopté une résolution": the text's author
    index: dict[tuple[str, str], tuple[Entry, ...]] = field(default_factory=dict)

    def lookup(self, lemma: str, pos: str, text: str = "") -> tuple[Entry, ...]:
        """Entries for a lemma (or, failing that, the word as written) and a coarse
        part of speech (PROPN counts as NOUN)."""
        pos = {"PROPN": "NOUN", "AUX": "VERB"}.get(pos, pos)
        lemma = lemma.lower()
        found = self.index.get((lemma, pos)) or self.index.get((text.lower(), pos), ())
        if not found and pos == "VERB" and self.lang == "fr" and lemma.endswith("e"):
            found = self.index.get((lemma + "r", pos), ())  # a present tense left as its own lemma: "réclame"
        return found

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every lemma and word form the entries are indexed by."""
        return frozenset(word for word, _ in self.index)

    def may_match(self, word: str) -> bool:
        """Whether :meth:`lookup` (or the participle reading of the rules) could find an entry
        for a token with this lemma or form: a cheap test to skip the other tokens."""
        word = word.lower()
        return word in self.words or (self.lang == "fr" and (
            (word.endswith("e") and word + "r" in self.words) or word.endswith(("é", "ée", "és", "ées"))))

    def object_kind(self, word: str) -> str | None:
        """The object class named by a head word ("plan" -> "Plan")."""
        word = word.lower()
        return self.objects.get(word) or self.objects.get(word.rstrip("s"))


def _fail(path: str, what: str) -> DataFileError:
    return DataFileError(f"{path}: {what}")


def _words(raw, path: str, where: str) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise _fail(path, f"{where}: expected a list of words, got {raw!r}")
    return tuple(w.strip() for w in raw)


def _entry(raw: dict, path: str) -> Entry:
    where = f"entry {raw.get('id', '?')!r}"
    for key in ("id", "relation", "pos", "lemmas", "example"):
        if key not in raw:
            raise _fail(path, f"{where}: missing {key!r}")
    if raw["relation"] not in EVENT_RELATIONS:
        raise _fail(path, f"{where}: unknown relation {raw['relation']!r}")
    if raw["pos"] not in POS:
        raise _fail(path, f"{where}: pos must be one of {sorted(POS)}")
    target = raw.get("target", "object")
    if target not in TARGETS:
        raise _fail(path, f"{where}: target must be one of {sorted(TARGETS)}")
    if raw.get("modality") not in (None, *MODALITIES):
        raise _fail(path, f"{where}: modality must be one of {sorted(MODALITIES)}")
    lemmas = _words(raw["lemmas"], path, where)
    if any(" " in lemma for lemma in lemmas):
        raise _fail(path, f"{where}: lemmas are single words ({lemmas!r})")
    unknown = set(raw) - {"id", "relation", "pos", "lemmas", "example", "target", "preps",
                          "agent_preps", "requires", "excludes", "object_kinds", "modality", "represented", "negative",
                          "owned_as_object"}
    if unknown:
        raise _fail(path, f"{where}: unknown keys {sorted(unknown)}")
    return Entry(id=raw["id"], relation=raw["relation"], pos=raw["pos"], lemmas=lemmas,
                 example=raw["example"], target=target,
                 preps=_words(raw.get("preps", []), path, where),
                 agent_preps=_words(raw.get("agent_preps", []), path, where),
                 requires=_words(raw.get("requires", []), path, where),
                 excludes=_words(raw.get("excludes", []), path, where),
                 object_kinds=_words(raw.get("object_kinds", []), path, where),
                 modality=raw.get("modality"), represented=bool(raw.get("represented", False)),
                 negative=bool(raw.get("negative", False)),
                 owned_as_object=bool(raw.get("owned_as_object", False)))


def _read(name: str) -> tuple[dict, str]:
    ref = resources.files("kg") / "data" / "lexicon" / name
    path = str(ref)
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"lexicon file not found: {path}") from None
    except yaml.YAMLError as err:
        raise _fail(path, f"not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise _fail(path, "expected a mapping at the top level")
    return data, path


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Load and validate the lexicon of a language.

    Raises:
        DataFileError: a file is missing or an entry is malformed (the message
            names the file and the entry).

    >>> lex = load_lexicon("fr")
    >>> [e.relation for e in lex.lookup("rejeter", "VERB")]
    ['rejects']
    """
    data, path = _read(f"{lang}.yaml")
    entries = tuple(_entry(raw, path) for raw in data.get("entries", []))
    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        raise _fail(path, f"duplicate entry ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    index: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        for lemma in entry.lemmas:
            index.setdefault((lemma.lower(), entry.pos), []).append(entry)
    objects = {}
    for cls, words in (data.get("objects") or {}).items():
        for word in _words(words, path, f"objects.{cls}"):
            objects.setdefault(word.lower(), cls)
    tdata, tpath = _read(f"titles_{lang}.yaml")
    titles = []
    for raw in tdata.get("titles", []):
        if raw.get("role") not in ROLE_RELATIONS:
            raise _fail(tpath, f"title {raw.get('id')!r}: unknown role {raw.get('role')!r}")
        words = tuple(tuple(w.lower() for w in seq) for seq in raw.get("words", []))
        if not words:
            raise _fail(tpath, f"title {raw.get('id')!r}: no words")
        titles.append(Title(id=raw["id"], role=raw["role"], words=words, example=raw.get("example", "")))
    return Lexicon(
        lang=lang, entries=entries, titles=tuple(titles),
        speech_verbs=frozenset(_words(data.get("speech_verbs", []), path, "speech_verbs")),
        according_to=frozenset(_words(data.get("according_to", []), path, "according_to")),
        intent_cues=frozenset(_words(data.get("intent_cues", []), path, "intent_cues")),
        hypothetical_cues=frozenset(_words(data.get("hypothetical_cues", []), path, "hypothetical_cues")),
        negation_words=frozenset(_words(data.get("negation_words", []), path, "negation_words")),
        negative_verbs=frozenset(_words(data.get("negative_verbs", []), path, "negative_verbs")),
        denial_verbs=frozenset(_words(data.get("denial_verbs", []), path, "denial_verbs")),
        reaction_verbs=frozenset(_words(data.get("reaction_verbs", []), path, "reaction_verbs")),
        light_verbs=frozenset(_words(data.get("light_verbs", []), path, "light_verbs")),
        demonstratives=frozenset(_words(data.get("demonstratives", []), path, "demonstratives")),
        pronouns={k.lower(): dict(v or {}) for k, v in (data.get("personal_pronouns") or {}).items()},
        objects=objects,
        leader_words=frozenset(_words(tdata.get("leader_words", []), tpath, "leader_words")),
        state_leaders=frozenset(_words(tdata.get("state_leaders", []), tpath, "state_leaders")),
        cabinet_words=frozenset(_words(tdata.get("cabinet_words", []), tpath, "cabinet_words")),
        honorific_words=frozenset(w.lower() for w in _words(tdata.get("honorific_words", []), tpath,
                                                             "honorific_words")),
        counterpart_words=frozenset(_words(tdata.get("counterpart_words", []), tpath, "counterpart_words")),
        title_bodies={str(k).lower(): str(v) for k, v in (tdata.get("title_bodies") or {}).items()},
        collective=frozenset(w.lower() for w in _words(tdata.get("collective_nouns", []), tpath, "collective_nouns")),
        group_nouns=frozenset(w.lower() for w in _words(tdata.get("group_nouns", []), tpath, "group_nouns")),
        organization_nouns=frozenset(w.lower() for w in _words(tdata.get("organization_nouns", []), tpath,
                                                               "organization_nouns")),
        neighbour_nouns=frozenset(w.lower() for w in _words(tdata.get("neighbour_nouns", []), tpath,
                                                            "neighbour_nouns")),
        named_place_nouns=frozenset(w.lower() for w in _words(tdata.get("named_place_nouns", []), tpath,
                                                               "named_place_nouns")),
        pair_nouns={w.lower(): cls for cls, words in (tdata.get("pair_nouns") or {}).items()
                    for w in _words(words, tpath, "pair_nouns")},
        pair_words=frozenset(w.lower() for w in _words(tdata.get("pair_words", []), tpath, "pair_words")),
        count_words={str(k).lower(): int(v) for k, v in (tdata.get("count_words") or {}).items()},
        legislature_words=frozenset(w.lower() for w in _words(tdata.get("legislature_words", []), tpath,
                                                               "legislature_words")),
        condition_cues=_words(data.get("condition_cues", []), path, "condition_cues"),
        ultimatum_cues=tuple(tuple(c.lower().split()) for c in _words(data.get("ultimatum_cues", []), path,
                                                                         "ultimatum_cues")),
        ethnic_words=frozenset(w.lower() for w in _words(tdata.get("ethnic_words", []), tpath, "ethnic_words")),
        mutual_verbs=frozenset(_words(data.get("mutual_verbs", []), path, "mutual_verbs")),
        gathering_verbs=frozenset(_words(data.get("gathering_verbs", []), path, "gathering_verbs")),
        threat_words=frozenset(_words(data.get("threat_words", []), path, "threat_words")),
        route_words=frozenset(_words(data.get("route_words", []), path, "route_words")),
        retaliation_words=frozenset(_words(data.get("retaliation_words", []), path, "retaliation_words")),
        vow_verbs=frozenset(_words(data.get("vow_verbs", []), path, "vow_verbs")),
        punish_verbs=frozenset(_words(data.get("punish_verbs", []), path, "punish_verbs")),
        absence_nouns=frozenset(_words(data.get("absence_nouns", []), path, "absence_nouns")),
        conduct_nouns=frozenset(_words(data.get("conduct_nouns", []), path, "conduct_nouns")),
        vote_words=frozenset(_words(data.get("vote_words", []), path, "vote_words")),
        adoption_verbs=frozenset(_words(data.get("adoption_verbs", []), path, "adoption_verbs")),
        blocking_verbs=frozenset(_words(data.get("blocking_verbs", []), path, "blocking_verbs")),
        hostile_promises=frozenset(_words(data.get("hostile_promises", []), path, "hostile_promises")),
        question_words=frozenset(_words(data.get("question_words", []), path, "question_words")),
        asking_verbs=frozenset(_words(data.get("asking_verbs", []), path, "asking_verbs")),
        consequence_nouns=frozenset(_words(data.get("consequence_nouns", []), path, "consequence_nouns")),
        bear_verbs=frozenset(_words(data.get("bear_verbs", []), path, "bear_verbs")),
        tally_nouns=frozenset(_words(data.get("tally_nouns", []), path, "tally_nouns")),
        blame_nouns=frozenset(_words(data.get("blame_nouns", []), path, "blame_nouns")),
        blame_adjectives=frozenset(_words(data.get("blame_adjectives", []), path, "blame_adjectives")),
        aim_verbs=frozenset(_words(data.get("aim_verbs", []), path, "aim_verbs")),
        member_nouns=frozenset(_words(data.get("member_nouns", []), path, "member_nouns")),
        composition_words=frozenset(_words(data.get("composition_words", []), path, "composition_words")),
        list_cues=tuple(tuple(c.lower().split()) for c in _words(data.get("list_cues", []), path, "list_cues")),
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in (data.get("lemma_fixes") or {}).items()},
        index={k: tuple(v) for k, v in index.items()},
    )
