"""The shipped gazetteer of actors: states, organisations, government bodies, persons.

The data file ``kg/data/gazetteer.jsonl`` is built by
``scripts/build_gazetteer.py`` (Wikidata ids from public data files only,
names curated by the project; see ``kg/data/NOTICE.md``). One JSON object a
line::

    {"id": "russia", "class": "State", "qid": "Q159",
     "labels": {"en": "Russia", "fr": "Russie"},
     "aliases": {"fr": ["Fédération de Russie"]},
     "demonyms": {"fr": ["russe", "russes"]},
     "metonyms": {"fr": ["Moscou"]}, "iso2": "RU"}

Names are matched after :func:`fold` (case, accents, hyphens, dots and a
leading article are ignored), except acronyms, which keep their case:
"US" and "U.S." find the United States, "us" finds nothing.

>>> gaz = Gazetteer.load()
>>> gaz.lookup("le Kremlin").government_of
'russia'
>>> gaz.demonym("britanniques").id
'united-kingdom'
"""
from __future__ import annotations

import functools

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kg.errors import DataFileError

__all__ = ["CLASSES", "Entry", "Gazetteer", "fold"]

#: Entry classes, in the order used to break ties between equal names.
CLASSES: tuple[str, ...] = (
    "State",
    "InternationalOrganization",
    "GovernmentBody",
    "ArmedForce",
    "Organization",
    "Group",
    "Person",
)

_REQUIRED_KEYS = ("id", "class", "labels")
_NAME_MAP_KEYS = ("aliases", "demonyms", "metonyms")
_STR_KEYS = ("qid", "iso2", "government_of", "country")
_ALLOWED_KEYS = frozenset((*_REQUIRED_KEYS, *_NAME_MAP_KEYS, *_STR_KEYS, "member_of"))
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_ISO2_RE = re.compile(r"^[A-Z]{2}$")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "ð": "d", "þ": "th"})
_NOT_NAME_CHARS = re.compile(r"[^a-z0-9']+")
_LEADING_ARTICLE = re.compile(r"^(?:l'\s*|(?:le|la|les|the)\s+(?=\S))")
# A leading article in original spelling, for the acronym case check.
_RAW_ARTICLE = re.compile(r"^(?:[lL]['’]\s*|(?:[lL][eE][sS]?|[lL][aA]|[tT][hH][eE])\s+(?=\S))")
_PATTERN_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})


def _strip_accents(text: str) -> str:
    """Remove combining marks after canonical decomposition ("Élysée" -> "Elysee")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Fold a name for matching: lower case, no accents, no dots, no leading article.

    Hyphens and other punctuation become spaces, apostrophes are unified, and
    one leading article (le, la, les, l', the) is dropped.

    Args:
        text: a name as written in a text or a data file.

    Returns:
        The folded key; an empty string when nothing is left.

    >>> fold("la Maison-Blanche")
    'maison blanche'
    >>> fold("l’OTAN")
    'otan'
    >>> fold("Etats-Unis") == fold("les États-Unis")
    True
    >>> fold("U.S.")
    'us'
    """
    text = _strip_accents(text.translate(_APOSTROPHES)).casefold().translate(_LETTERS)
    text = text.replace(".", "")
    text = _NOT_NAME_CHARS.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text).strip()


def _is_acronym(name: str) -> bool:
    """True for names written without any lower-case letter ("UN", "U.S.", "G7")."""
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)


def _case_matches(surface: str, query: str) -> bool:
    """Whether ``query`` may stand for the acronym ``surface``, given its case.

    Acronyms of up to three letters must be written in capitals ("US", not
    "us" or "Us"); longer ones may also be written with a capital initial
    ("Nato", "Otan") but not all in lower case.
    """
    if not _is_acronym(surface):
        return True
    letters = [c for c in _RAW_ARTICLE.sub("", query.strip()) if c.isalpha()]
    if sum(c.isalpha() for c in surface) <= 3:
        return not any(c.islower() for c in letters)
    return any(c.isupper() for c in letters)


def _freeze_names(value: Mapping[str, Iterable[str]] | None) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({lang: tuple(names) for lang, names in (value or {}).items()})


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the gazetteer.

    Attributes:
        id: the entry id, a slug (``russia``, ``white-house``).
        cls: the class: one of :data:`CLASSES`.
        qid: the Wikidata id, or None when the data files give none.
        labels: the preferred name by language.
        aliases: other names by language.
        demonyms: adjectives and inhabitant nouns by language, all forms.
        metonyms: names that stand for the entry (capitals for states).
        iso2: ISO 3166-1 alpha-2 code of a state.
        government_of: for a government body, the id of its state.
        country: for a person or an armed force, the id of its state.
        member_of: ids of the organisations a state belongs to (NATO, EU).
    """

    id: str
    cls: str
    qid: str | None = None
    labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    demonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    metonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    iso2: str | None = None
    government_of: str | None = None
    country: str | None = None
    member_of: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, else in English, else any label.

        >>> Gazetteer.load().get("russia").label("fr")
        'Russie'
        """
        return self.labels.get(lang) or self.labels.get("en") or next(iter(self.labels.values()))

    def names(self, lang: str | None = None) -> Iterator[tuple[str, str]]:
        """Yield ``(kind, name)`` for labels, aliases and metonyms (not demonyms).

        Args:
            lang: only names in this language; all languages when None.
        """
        for code, label in self.labels.items():
            if lang in (None, code):
                yield "label", label
        for kind, table in (("alias", self.aliases), ("metonym", self.metonyms)):
            for code, names in table.items():
                if lang in (None, code):
                    for name in names:
                        yield kind, name


_KIND_RANK = {"label": 0, "alias": 1, "metonym": 2}


class Gazetteer:
    """Entries of the gazetteer with lookups by id, name and demonym.

    Build one with :meth:`load` (the shipped file, cached) or
    :meth:`from_lines`.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: dict[str, Entry] = {}
        # fold(name) -> [(rank, entry, surface, lang)], rank orders candidates
        self._names: dict[str, list[tuple[tuple[int, int, str], Entry, str, str]]] = {}
        self._demonyms: dict[str, list[tuple[Entry, str]]] = {}
        for entry in entries:
            self._entries[entry.id] = entry
            for lang, names in _langs_of(entry):
                for kind, name in names:
                    rank = (_KIND_RANK[kind], CLASSES.index(entry.cls), entry.id)
                    self._names.setdefault(fold(name), []).append((rank, entry, name, lang))
            for lang, forms in entry.demonyms.items():
                for form in forms:
                    self._demonyms.setdefault(fold(form), []).append((entry, lang))
        for candidates in self._names.values():
            candidates.sort(key=lambda item: item[0])

    # -- construction ---------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Load a gazetteer file (default: the shipped one); cached per path.

        Args:
            path: a JSONL gazetteer file; None for ``kg/data/gazetteer.jsonl``.

        Returns:
            The gazetteer.

        Raises:
            DataFileError: a line is not valid JSON or not a valid entry
                (the message names the file and the line).
            OSError: the file cannot be read.

        >>> len(Gazetteer.load()) > 1000
        True
        """
        return _load_cached(None if path is None else str(Path(path).resolve()))

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, source: str = "<gazetteer>") -> Gazetteer:
        """Parse and validate JSON lines (blank lines are skipped).

        Args:
            lines: the lines of a gazetteer file.
            source: the file name used in error messages.

        Raises:
            DataFileError: a line is malformed, an id is repeated, or a
                reference (``government_of``, ``country``, ``member_of``)
                names no entry.

        >>> gaz = Gazetteer.from_lines(['{"id": "x", "class": "Group", "labels": {"en": "X"}}'])
        >>> gaz.get("x").cls
        'Group'
        """
        entries: list[Entry] = []
        where: dict[str, int] = {}
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            entry = _parse_line(line, source, lineno)
            if entry.id in where:
                raise DataFileError(
                    f"{source}, line {lineno}: id {entry.id!r} repeats line {where[entry.id]}"
                )
            where[entry.id] = lineno
            entries.append(entry)
        for entry in entries:
            refs = [("government_of", entry.government_of), ("country", entry.country)]
            refs += [("member_of", ref) for ref in entry.member_of]
            for key, ref in refs:
                if ref is not None and ref not in where:
                    raise DataFileError(
                        f"{source}, line {where[entry.id]}: {key} {ref!r} names no entry"
                    )
        return cls(entries)

    # -- access -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def get(self, entry_id: str) -> Entry:
        """The entry with this id.

        Raises:
            KeyError: no entry has this id.

        >>> Gazetteer.load().get("nato").labels["fr"]
        'OTAN'
        """
        try:
            return self._entries[entry_id]
        except KeyError:
            raise KeyError(f"no gazetteer entry with id {entry_id!r}") from None

    def lookup(self, name: str, lang: str | None = None) -> Entry | None:
        """The entry a name (label, alias or metonym) stands for, or None.

        Names in ``lang`` are preferred; names in other languages are tried
        next. Between equal names, labels win over aliases and metonyms, then
        states over organisations, bodies and persons.

        Args:
            name: the name as written ("le Kremlin", "l'OTAN", "Moscou").
            lang: the language of the text, or None.

        >>> gaz = Gazetteer.load()
        >>> gaz.lookup("Moscou").id, gaz.lookup("l'OTAN").id, gaz.lookup("U.S.").id
        ('russia', 'nato', 'united-states')
        >>> gaz.lookup("us") is None
        True
        """
        candidates = [
            (lang is None or code != lang, rank, entry)
            for rank, entry, surface, code in self._names.get(fold(name), ())
            if _case_matches(surface, name)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda item: item[:2])[2]

    @functools.cached_property
    def _person_prefixes(self) -> dict[str, Entry | None]:
        """fold(first two words) -> the one person whose longer label starts with them (None when
        several do): "Abiy Ahmed" for "Abiy Ahmed Ali"."""
        out: dict[str, Entry | None] = {}
        for entry in self._entries.values():
            if entry.cls != "Person":
                continue
            for label in set(entry.labels.values()):
                words = label.split()
                if len(words) >= 3 and all(w[:1].isupper() and len(w) >= 3 for w in words[:2]):
                    key = fold(" ".join(words[:2]))
                    out[key] = entry if out.get(key, entry) is entry else None
        return out

    def person_by_prefix(self, name: str) -> Entry | None:
        """The one person whose full label begins with this two-word name ("Abiy Ahmed"), or None.

        >>> Gazetteer.load().person_by_prefix("Abiy Ahmed").id
        'abiy-ahmed-ali'
        """
        return self._person_prefixes.get(fold(name)) if len(name.split()) == 2 else None

    def demonym(self, word: str, lang: str | None = None) -> Entry | None:
        """The entry a demonym or adjective refers to, or None.

        >>> gaz = Gazetteer.load()
        >>> gaz.demonym("américaines").id, gaz.demonym("Israeli", "en").id
        ('united-states', 'israel')
        """
        candidates = self._demonyms.get(fold(word), ())
        preferred = [entry for entry, code in candidates if code == lang]
        found = preferred or [entry for entry, _ in candidates]
        return found[0] if found else None

    # -- spaCy patterns ---------------------------------------------------

    def patterns(self, lang: str) -> list[dict[str, Any]]:
        """Token patterns for a spaCy ``EntityRuler`` / ``SpanRuler``.

        One pattern (or a few, for tokenisation variants) per label, alias and
        metonym in ``lang``; ``label`` is the entry class and ``id`` the entry
        id. Tokens match on ``LOWER``; a leading article is left out so that
        "le Kremlin" matches on "Kremlin"; acronyms match on ``ORTH`` ("US",
        not "us"); a one-word capitalised name must be capitalised in the text
        too (so "grenade" is not Grenada).

        >>> pats = Gazetteer.load().patterns("fr")
        >>> {"label": "GovernmentBody", "pattern": [{"LOWER": "downing"}, {"LOWER": "street"}],
        ...  "id": "downing-street"} in pats
        True
        """
        out: dict[str, dict[str, Any]] = {}
        for entry in self._entries.values():
            for kind, name in entry.names(lang):
                for tokens in _name_patterns(name):
                    pattern = {"label": entry.cls, "pattern": tokens, "id": entry.id}
                    out.setdefault(json.dumps(pattern, sort_keys=True, ensure_ascii=False), pattern)
        return [out[key] for key in sorted(out)]

    def demonym_patterns(self, lang: str) -> list[dict[str, Any]]:
        """Token patterns (label ``DEMONYM``, ``id`` = entry id) for the demonyms in ``lang``.

        >>> {"label": "DEMONYM", "pattern": [{"LOWER": "russes"}], "id": "russia"} in (
        ...     Gazetteer.load().demonym_patterns("fr"))
        True
        """
        out: dict[str, dict[str, Any]] = {}
        for entry in self._entries.values():
            for form in entry.demonyms.get(lang, ()):
                for words in _token_variants(form):
                    pattern = {"label": "DEMONYM", "pattern": [{"LOWER": w.lower()} for w in words],
                               "id": entry.id}
                    out.setdefault(json.dumps(pattern, sort_keys=True, ensure_ascii=False), pattern)
        return [out[key] for key in sorted(out)]


def _langs_of(entry: Entry) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Group an entry's names by language."""
    langs = sorted({*entry.labels, *entry.aliases, *entry.metonyms})
    for lang in langs:
        yield lang, list(entry.names(lang))


def _token_variants(name: str) -> list[list[str]]:
    """Token sequences a spaCy tokenizer may produce for ``name``.

    French keeps "États-Unis" as one token but splits "Maison-Blanche" and
    "d'Orsay"; English splits hyphens but keeps "d'Orsay". Both forms are
    given, with straight and curly apostrophes and without accents.
    """
    words = name.split()
    if words and words[0].lower() in _PATTERN_ARTICLES and len(words) > 1:
        words = words[1:]
    elif words and re.match(r"^[lL]['’]\S", words[0]):
        words = [words[0][2:], *words[1:]]
    variants: list[list[str]] = []
    for split_hyphens in (False, True):
        for split_elision in (False, True):
            tokens: list[str] = []
            for word in words:
                parts = [word]
                if split_elision:
                    parts = [p for w in parts for p in re.split(r"(?<=^[dDlLjJnNsScCmMtT]['’])", w) if p]
                if split_hyphens:
                    parts = [p for w in parts for p in re.split(r"([-+])", w) if p]  # "5+1": "5", "+", "1"
                tokens.extend(parts)
            variants.append(tokens)
    more = [[t.replace("'", "’") for t in v] for v in variants if any("'" in t for t in v)]
    more += [[_strip_accents(t) for t in v] for v in variants if _strip_accents(" ".join(v)) != " ".join(v)]
    # capitals often lose their accent in print ("Département d'Etat"): only the capital stripped
    more += [[_strip_capital_accent(t) for t in v] for v in variants + more
             if any(_strip_capital_accent(t) != t for t in v)]
    seen: dict[str, list[str]] = {}
    for tokens in variants + more:
        seen.setdefault("\x00".join(tokens), tokens)
    return list(seen.values())


def _strip_capital_accent(token: str) -> str:
    """``token`` with the accent of a capital letter removed ("d'État" -> "d'Etat")."""
    return "".join(_strip_accents(c) if c.isupper() else c for c in token)


def _name_patterns(name: str) -> list[list[dict[str, Any]]]:
    """Token patterns for one name (see :meth:`Gazetteer.patterns`)."""
    out: list[list[dict[str, Any]]] = []
    if _is_acronym(name):
        for tokens in _token_variants(name):
            out.append([{"ORTH": t} for t in tokens])
            if sum(c.isalpha() for c in name) >= 4 and len(tokens) == 1:
                out.append([{"ORTH": tokens[0][0] + tokens[0][1:].lower()}])
        return out
    for tokens in _token_variants(name):
        if len(tokens) == 1 and tokens[0][:1].isupper():
            out.append([{"LOWER": tokens[0].lower(), "IS_TITLE": True}])
            out.append([{"LOWER": tokens[0].lower(), "IS_UPPER": True}])
        else:
            out.append([{"LOWER": t.lower()} for t in tokens])
    return out


def _parse_line(line: str, source: str, lineno: int) -> Entry:
    """Validate one JSON line and turn it into an :class:`Entry`."""
    where = f"{source}, line {lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{where}: not valid JSON ({exc.msg}): {line.strip()[:80]!r}") from None
    if not isinstance(obj, dict):
        raise DataFileError(f"{where}: expected a JSON object, got {line.strip()[:80]!r}")
    missing = [key for key in _REQUIRED_KEYS if key not in obj]
    if missing:
        raise DataFileError(f"{where}: missing key(s) {', '.join(missing)}")
    unknown = sorted(set(obj) - _ALLOWED_KEYS)
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(unknown)}")
    if not isinstance(obj["id"], str) or not _ID_RE.match(obj["id"]):
        raise DataFileError(f"{where}: id {obj['id']!r} is not a slug [a-z0-9-]")
    if obj["class"] not in CLASSES:
        raise DataFileError(f"{where}: class {obj['class']!r} is not one of {', '.join(CLASSES)}")
    for key in _STR_KEYS:
        if key in obj and not isinstance(obj[key], str):
            raise DataFileError(f"{where}: {key} must be a string, got {obj[key]!r}")
    if "qid" in obj and not _QID_RE.match(obj["qid"]):
        raise DataFileError(f"{where}: qid {obj['qid']!r} is not a Wikidata id")
    if "iso2" in obj and not _ISO2_RE.match(obj["iso2"]):
        raise DataFileError(f"{where}: iso2 {obj['iso2']!r} is not an ISO 3166-1 alpha-2 code")
    labels = obj["labels"]
    if (not isinstance(labels, dict) or not labels
            or not all(_LANG_RE.match(k) and isinstance(v, str) and v for k, v in labels.items())):
        raise DataFileError(f"{where}: labels must map language codes to names, got {labels!r}")
    for key in _NAME_MAP_KEYS:
        value = obj.get(key, {})
        if not isinstance(value, dict) or not all(
            _LANG_RE.match(k) and isinstance(v, list) and all(isinstance(s, str) and s for s in v)
            for k, v in value.items()
        ):
            raise DataFileError(f"{where}: {key} must map language codes to lists of names, got {value!r}")
    member_of = obj.get("member_of", [])
    if not isinstance(member_of, list) or not all(isinstance(m, str) for m in member_of):
        raise DataFileError(f"{where}: member_of must be a list of ids, got {member_of!r}")
    return Entry(
        id=obj["id"],
        cls=obj["class"],
        qid=obj.get("qid"),
        labels=MappingProxyType(dict(labels)),
        aliases=_freeze_names(obj.get("aliases")),
        demonyms=_freeze_names(obj.get("demonyms")),
        metonyms=_freeze_names(obj.get("metonyms")),
        iso2=obj.get("iso2"),
        government_of=obj.get("government_of"),
        country=obj.get("country"),
        member_of=tuple(member_of),
    )


@lru_cache(maxsize=8)
def _load_cached(path: str | None) -> Gazetteer:
    if path is None:
        resource = resources.files("kg") / "data" / "gazetteer.jsonl"
        with resource.open("r", encoding="utf-8") as handle:
            return Gazetteer.from_lines(handle, source="kg/data/gazetteer.jsonl")
    with open(path, encoding="utf-8") as handle:
        return Gazetteer.from_lines(handle, source=path)
