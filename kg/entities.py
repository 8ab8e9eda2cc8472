"""The actors of a graph, one row each, and the merges that look wrong.

Every actor should be one resource however it is named ("Sergueï Lavrov",
"Sergey Lavrov", "Lavrov"), and one resource should be one actor.
:func:`list_entities` reads the actors of an RDF file or a store with a few
aggregate SPARQL queries (fast on big graphs); :func:`suspicious_merges`
points at the rows a person should look at: two resources that share a name
or a Wikidata id (a missed merge), one resource whose names belong to
different people, or that has two classes or two ids (a wrong merge).

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(b'''@prefix dip: <https://w3id.org/dipkg/onto#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://w3id.org/dipkg/id/actor/zarif> a dip:Person ; rdfs:label "M. Zarif"@fr .
... <https://w3id.org/dipkg/id/actor/mohammad-zarif> a dip:Person ; rdfs:label "Zarif"@en .
... ''', format=ox.RdfFormat.TURTLE)
>>> rows = list_entities(store)
>>> [(row.iri.rsplit("/", 1)[1], row.labels, row.cls) for row in rows]
[('mohammad-zarif', ('Zarif',), 'Person'), ('zarif', ('M. Zarif',), 'Person')]
>>> [(s.kind, s.names) for s in suspicious_merges(rows)]
[('same-name', ('Zarif', 'M. Zarif'))]
"""
from __future__ import annotations

import difflib
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, QueryError, StoreError

__all__ = ["ACTOR_CLASSES", "EntityRow", "Suspicion", "list_entities", "name_key", "suspicious_merges"]

DIP = "https://w3id.org/dipkg/onto#"
WD = "http://www.wikidata.org/entity/"
#: Actor classes of the ontology, most specific first (a row's class is the first it has).
ACTOR_CLASSES: tuple[str, ...] = ("Person", "State", "InternationalOrganization", "GovernmentBody",
                                  "ArmedForce", "Group", "Organization")
# Disjoint branches of the ontology (owl:AllDisjointClasses): one actor is in one only.
_BRANCH = {"Person": "Person", "State": "State", "Group": "Group", "Organization": "Organization",
           "InternationalOrganization": "Organization", "GovernmentBody": "Organization",
           "ArmedForce": "Organization"}

_PREFIXES = f"""PREFIX dip: <{DIP}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_VALUES = "VALUES ?c { " + " ".join(f"dip:{c}" for c in ACTOR_CLASSES) + " }"
# one query per column, each a single pass over the graph
_Q_CLASSES = f"SELECT DISTINCT ?e ?c WHERE {{ {_VALUES} ?e a ?c }}"
_Q_NAMES = f"""SELECT DISTINCT ?e ?p ?l WHERE {{ {_VALUES} ?e a ?c .
  VALUES ?p {{ rdfs:label skos:altLabel }} ?e ?p ?l }}"""
_Q_LINKS = f"""SELECT DISTINCT ?e ?w WHERE {{ {_VALUES} ?e a ?c ; owl:sameAs ?w
  FILTER(STRSTARTS(STR(?w), "{WD}")) }}"""
_Q_STATEMENTS = """SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a rdf:Statement . { ?s rdf:subject ?e } UNION { ?s rdf:object ?e } } GROUP BY ?e"""
_Q_ARTICLES = f"""SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{
  {{ {_VALUES} GRAPH ?a {{ ?e a ?c }} ?a a dip:Article }}
  UNION {{ ?s prov:wasDerivedFrom ?a . {{ ?s rdf:subject ?e }} UNION {{ ?s rdf:object ?e }}
           UNION {{ ?s dip:speaker ?e }} }}
}} GROUP BY ?e"""


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One actor of a graph.

    Attributes:
        iri: the actor's IRI.
        labels: its ``rdfs:label`` texts in every language, sorted, without repeats.
        cls: its most specific actor class (local name: ``Person``, ``State`` …).
        wikidata: its Wikidata id (``Q159``), or None; the first of :attr:`qids`.
        statements: ``rdf:Statement`` nodes with the actor as subject or object.
        articles: articles that name it (graphs that describe it, provenance of its claims).
        alt_labels: its ``skos:altLabel`` texts, sorted.
        classes: all its actor classes, most specific first.
        qids: all the Wikidata ids of its ``owl:sameAs`` links, sorted.
    """

    iri: str
    labels: tuple[str, ...]
    cls: str
    wikidata: str | None
    statements: int
    articles: int
    alt_labels: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    qids: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The last segment of the IRI (``russia``, ``keir-starmer``)."""
        return self.iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Suspicion:
    """Resources that may be merged wrongly, or not merged though they should be.

    Attributes:
        kind: ``same-name``, ``name-in-two-classes`` or ``same-link`` (two
            resources, likely one actor),
            ``part-name`` (a person named by one word that is part of another
            person's name), ``mixed-names``, ``mixed-classes`` or ``mixed-links``
            (one resource, likely two actors).
        iris: the resources concerned.
        names: the names that raised it.
        reason: one sentence for a person.
    """

    kind: str
    iris: tuple[str, ...]
    names: tuple[str, ...]
    reason: str


def list_entities(source: Any, *, cls: str | None = None) -> list[EntityRow]:
    """The actors of a graph, most statements first.

    Args:
        source: an RDF file (``.nq``, ``.trig``, ``.ttl`` …; loaded into an
            in-memory pyoxigraph store), a ``pyoxigraph.Store``, or a store of
            :func:`kg.store.open_store`. The default graph is the union of the
            named graphs.
        cls: only actors of this class (``Person``, ``State`` …).

    Returns:
        One row per actor IRI, sorted by statements, then articles (both
        descending), then IRI.

    Raises:
        InputError: an unknown class, or a file that cannot be read or parsed.
        QueryError, StoreError: the store failed to answer.
    """
    if cls is not None and cls not in ACTOR_CLASSES:
        raise InputError(f"unknown actor class {cls!r} (one of {', '.join(ACTOR_CLASSES)})")
    data = _open(source)
    classes: dict[str, set[str]] = defaultdict(set)
    for e, c in _select(data, _Q_CLASSES):
        classes[e.value].add(c.value.removeprefix(DIP))
    labels: dict[str, set[str]] = defaultdict(set)
    alt: dict[str, set[str]] = defaultdict(set)
    for e, p, label in _select(data, _Q_NAMES):
        (labels if p.value.endswith("#label") else alt)[e.value].add(label.value)
    qids: dict[str, set[str]] = defaultdict(set)
    for e, w in _select(data, _Q_LINKS):
        qids[e.value].add(w.value.removeprefix(WD))
    statements = {e.value: int(n.value) for e, n in _select(data, _Q_STATEMENTS) if e is not None}
    articles = {e.value: int(n.value) for e, n in _select(data, _Q_ARTICLES) if e is not None}
    rows = []
    for iri, found in classes.items():
        ordered = tuple(c for c in ACTOR_CLASSES if c in found)
        if cls is not None and ordered[0] != cls:
            continue
        links = tuple(sorted(qids.get(iri, ()), key=_qid_order))
        rows.append(EntityRow(iri=iri, labels=tuple(sorted(labels.get(iri, ()))), cls=ordered[0],
                              wikidata=links[0] if links else None, statements=statements.get(iri, 0),
                              articles=articles.get(iri, 0), alt_labels=tuple(sorted(alt.get(iri, ()))),
                              classes=ordered, qids=links))
    return sorted(rows, key=lambda r: (-r.statements, -r.articles, r.iri))


def suspicious_merges(rows: Iterable[EntityRow]) -> list[Suspicion]:
    """Rows that look like a missed merge or a wrong merge, for a person to check.

    * ``one-name``: people named by one name only in several articles; they are
      kept apart on purpose (never merged on a surname alone), but may be one;
    * ``same-name``: two actors of one class share a name once case, accents,
      a courtesy title ("M.") and transliteration ("Sergueï"/"Sergey") are
      folded away (labels and alternative labels).
    * ``name-in-two-classes``: actors of two classes share a name
      ("Vassily Nebenzia" tagged as a person here, an organisation there).
    * ``same-link``: two actors have the same Wikidata id.
    * ``part-name``: a person named by one word only ("Josep", "Zarif") that is
      the first name or surname of another person; such a name is never merged
      across articles, so it may be either of them.
    * ``mixed-names``: the names one actor was given in the texts belong to
      different people or things (names from the gazetteer are not compared:
      "Allemagne" and "Germany" are curated).
    * ``mixed-classes``: one actor in two disjoint classes (a person and a state).
    * ``mixed-links``: one actor with two Wikidata ids.

    >>> row = EntityRow("https://w3id.org/dipkg/id/actor/x", ("Ali Khamenei", "Mojtaba Khamenei"),
    ...                 "Person", None, 0, 2)
    >>> [s.kind for s in suspicious_merges([row])]
    ['mixed-names']
    """
    rows = list(rows)
    found: list[Suspicion] = []
    found += _same_names(rows)
    found += _names_in_two_classes(rows)
    found += _same_links(rows)
    found += _part_names(rows)
    for row in rows:
        found += _mixed(row)
    return found


# -- the checks -----------------------------------------------------------------


def _same_names(rows: list[EntityRow]) -> list[Suspicion]:
    """Two actors of one class whose names fold to the same text."""
    owners: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (class, key) -> iri -> name
    for row in rows:
        for name in (*row.labels, *row.alt_labels):
            key = name_key(name, person=row.cls == "Person")
            if key:
                owners[(row.cls, key)].setdefault(row.iri, name)
    out = []
    for (cls, key), by_iri in sorted(owners.items()):
        if len(by_iri) > 1:
            iris = tuple(sorted(by_iri))
            if sum("--" not in iri for iri in iris) <= 1:
                # people known by one name only stay in their article (IRIs with "--"), on purpose
                out.append(Suspicion("one-name", iris, tuple(by_iri[i] for i in iris),
                                     f"{len(iris)} articles name a {cls} only {key!r}: the same actor?"))
                continue
            out.append(Suspicion("same-name", iris, tuple(by_iri[i] for i in iris),
                                 f"{len(iris)} {cls} resources are named {key!r}: one actor?"))
    return _dedupe(out)


def _names_in_two_classes(rows: list[EntityRow]) -> list[Suspicion]:
    """Actors of two classes with the same name (a name the model tagged two ways)."""
    owners: dict[str, dict[str, EntityRow]] = defaultdict(dict)  # key -> iri -> row
    for row in rows:
        for name in (*row.labels, *row.alt_labels):
            key = name_key(name, person=True)
            if key:
                owners[key].setdefault(row.iri, row)
    out = []
    for key, by_iri in sorted(owners.items()):
        classes = {r.cls for r in by_iri.values()}
        if len(classes) > 1:
            iris = tuple(sorted(by_iri))
            out.append(Suspicion("name-in-two-classes", iris, tuple(_name(by_iri[i]) for i in iris),
                                 f"{key!r} names {_and(classes)}: one actor, "
                                 "tagged differently?"))
    return _dedupe(out)


def _same_links(rows: list[EntityRow]) -> list[Suspicion]:
    """Two actors linked to the same Wikidata id."""
    owners: dict[str, list[EntityRow]] = defaultdict(list)
    for row in rows:
        for qid in row.qids:
            owners[qid].append(row)
    return [Suspicion("same-link", tuple(r.iri for r in group), tuple(_name(r) for r in group),
                      f"{len(group)} resources are the same Wikidata item {qid}")
            for qid, group in sorted(owners.items()) if len(group) > 1]


def _part_names(rows: list[EntityRow]) -> list[Suspicion]:
    """A person named by one word that is a word of another person's full name."""
    people = [r for r in rows if r.cls == "Person"]
    words: dict[str, set[str]] = defaultdict(set)  # folded first name or surname -> full-name IRIs
    for row in people:
        for name in (*row.labels, *row.alt_labels):
            parts = name_key(name, person=True).split()
            if len(parts) >= 2:
                words[parts[0]].add(row.iri)
                words[parts[-1]].add(row.iri)
    out = []
    for row in people:
        keys = {name_key(n, person=True) for n in row.labels}
        if not keys or any(" " in k for k in keys):
            continue
        others = sorted({iri for k in keys for iri in words.get(k, ()) if iri != row.iri})
        if others:
            out.append(Suspicion("part-name", (row.iri, *others), (_name(row),),
                                 f"{_name(row)!r} alone is part of the name of {len(others)} other "
                                 "person(s): the same person, or an unresolved mention?"))
    return out


def _mixed(row: EntityRow) -> list[Suspicion]:
    """One actor that looks like several: names of different people, classes, ids."""
    out = []
    branches = {_BRANCH[c] for c in row.classes}
    if len(branches) > 1:
        out.append(Suspicion("mixed-classes", (row.iri,), row.labels,
                             f"one resource is {_and(branches)}"))
    if len(row.qids) > 1:
        out.append(Suspicion("mixed-links", (row.iri,), row.labels,
                             f"one resource has {len(row.qids)} Wikidata ids: {', '.join(row.qids)}"))
    if _from_gazetteer(row):
        return out
    for a, b in combinations(row.labels, 2):
        if not _same_actor_names(a, b, person=row.cls == "Person"):
            out.append(Suspicion("mixed-names", (row.iri,), (a, b),
                                 f"{a!r} and {b!r} look like the names of different "
                                 f"{'people' if row.cls == 'Person' else 'actors'}"))
    return out


# -- names ------------------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def name_key(name: str, *, person: bool = False) -> str:
    """A name folded for comparison: case, accents, punctuation and a leading
    article are ignored; for a person, also a courtesy title and transliteration.

    >>> name_key("M. Sergueï Lavrov", person=True) == name_key("Sergey Lavrov", person=True)
    True
    >>> name_key("le Kremlin"), name_key("DR Congo")
    ('kremlin', 'dr congo')
    """
    from kg.extract.mentions import fold as fold_person
    from kg.gazetteer import fold

    return fold(fold_person(name) if person else name)


def _same_actor_names(a: str, b: str, *, person: bool) -> bool:
    """Whether two names found in texts may name one actor.

    People: same surname (or a transliteration of it), and first names that
    agree when both are given ("Dmitri"/"Dmitry", "J."/"Joe"). Others: similar
    texts, or one contained in the other ("Reuters", "Reuters news agency").
    """
    ka, kb = name_key(a, person=person), name_key(b, person=person)
    if ka == kb or ka in kb or kb in ka:
        return True
    if not person:
        return _similar(ka, kb, 0.6)
    wa, wb = ka.split(), kb.split()
    if not _similar(wa[-1], wb[-1], 0.8):
        return False
    if len(wa) < 2 or len(wb) < 2:
        return True
    fa, fb = wa[0], wb[0]
    return fa.startswith(fb) or fb.startswith(fa) or _similar(fa, fb, 0.75)


def _similar(a: str, b: str, threshold: float) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= threshold


def _from_gazetteer(row: EntityRow) -> bool:
    """Actors of the shipped gazetteer carry curated names, not names from texts."""
    from kg.gazetteer import Gazetteer

    return row.key in Gazetteer.load()


def _and(classes: Iterable[str]) -> str:
    """ "a Person and an Organization" """
    return " and ".join(f"{'an' if c[0] in 'AEIOU' else 'a'} {c}" for c in sorted(classes))


def _name(row: EntityRow) -> str:
    return row.labels[0] if row.labels else row.key


def _dedupe(items: list[Suspicion]) -> list[Suspicion]:
    """One suspicion per set of resources (the first name that raised it)."""
    seen: dict[tuple[str, tuple[str, ...]], Suspicion] = {}
    for item in items:
        seen.setdefault((item.kind, item.iris), item)
    return list(seen.values())


def _qid_order(qid: str) -> tuple[int, str]:
    digits = qid.lstrip("Q")
    return (int(digits), qid) if digits.isdigit() else (0, qid)


# -- reading ----------------------------------------------------------------------


def _open(source: Any) -> Any:
    """A queryable dataset: a file parsed into memory; a store as it is."""
    if isinstance(source, (str, os.PathLike)):
        from kg.store import read_dataset

        path = Path(source)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        return read_dataset(path)
    if isinstance(source, ox.Store) or callable(getattr(source, "query", None)):
        return source
    raise InputError(f"not an RDF file or a store: {source!r}")


def _select(data: Any, sparql: str) -> list[tuple[Any, ...]]:
    """Rows of a SELECT query as tuples of pyoxigraph terms (None when unbound)."""
    if not isinstance(data, ox.Store):  # a kg.store store, embedded or remote
        return data.query(_PREFIXES + sparql).table_rows()
    try:
        answer = data.query(_PREFIXES + sparql, use_default_graph_as_union=True)
        names = [v.value for v in answer.variables]
        return [tuple(solution[n] for n in names) for solution in answer]
    except SyntaxError as err:
        raise QueryError(f"entities: invalid SPARQL: {err}") from err
    except OSError as err:
        raise StoreError(f"entities: query failed: {err}") from err
