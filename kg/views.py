"""Graph views: networkx projections of the RDF graph, for analysis and drawing.

Every view reads an RDF file (parsed into an in-memory pyoxigraph store) or an
open store (a ``pyoxigraph.Store``, or a ``kg.store`` store) with SPARQL; the
default graph is the union of the article graphs. Nodes are IRIs, with a
``label`` (English if there is one, else the article's language), a ``kind``
(``actor``, ``thing``, ``place``) and a ``class`` (``State``, ``Plan`` …).

* :func:`stance_network`: one edge per ``rdf:Statement`` of an event relation,
  signed by the ontology: relations under ``dip:positiveStanceTowards``
  (supports, agreesTo, aids, offers) are +1, under ``dip:negativeStanceTowards``
  (rejects, opposes, accuses, threatens, warns, sanctions, attacks) -1, the
  others (proposes, meetsWith, requests, deploys) 0. A stance on a thing is
  also a stance on whoever proposed it (``dip:proposer``/``dip:proposes``,
  through ``dip:refersTo``): an extra edge to the proposer, ``via="proposal"``.
* :func:`actor_proposal_graph`: actors and the things they take a stance on.
* :func:`office_graph`: role relations (head of government of …).
* :func:`ego_network`, :func:`centrality`, :func:`communities`
  (``kg.views_analysis``): analysis.
* :func:`export` and :func:`to_html` (``kg.views_export``): GraphML, GEXF, HTML.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.errors import InputError, QueryError, StoreError
# part of this module's API, kept in companion modules to stay short
from kg.views_analysis import centrality, communities, ego_network, find_node, signed_projection  # noqa: F401
from kg.views_export import export, graph_format, to_html  # noqa: F401

__all__ = ["actor_proposal_graph", "centrality", "communities", "ego_network", "export", "find_node",
           "graph_format", "load_dataset", "office_graph", "relation_signs", "signed_projection",
           "stance_network", "to_html"]

DIP = "https://w3id.org/dipkg/onto#"
_PREFIXES = f"""PREFIX dip: <{DIP}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
_TYPES = "SELECT DISTINCT ?node ?type WHERE { ?node a ?type FILTER(STRSTARTS(STR(?type), STR(dip:))) }"
_LABELS = """SELECT DISTINCT ?node ?label ?alt WHERE {
  { ?node rdfs:label ?label } UNION { ?node skos:altLabel ?label BIND(true AS ?alt) } }"""
_STATEMENTS = """SELECT DISTINCT ?stmt ?s ?p ?o ?evidence ?confidence ?modality ?trigger ?date ?begin ?article
WHERE { VALUES ?p { %s }
  ?stmt a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?stmt dip:evidence ?evidence } OPTIONAL { ?stmt dip:confidence ?confidence }
  OPTIONAL { ?stmt dip:modality ?modality } OPTIONAL { ?stmt dip:trigger ?trigger }
  OPTIONAL { ?stmt nif:beginIndex ?begin } OPTIONAL { ?stmt prov:wasDerivedFrom ?article }
  OPTIONAL { ?stmt dip:date ?stmtDate } OPTIONAL { ?article dcterms:date ?articleDate }
  BIND(COALESCE(?stmtDate, ?articleDate) AS ?date)
} ORDER BY ?article ?begin ?stmt"""
_PROPOSERS = """SELECT DISTINCT ?thing ?actor WHERE {
  { ?thing dip:proposer ?actor } UNION { ?actor dip:proposes ?thing } }"""
_REFERS = "SELECT DISTINCT ?thing ?target WHERE { ?thing dip:refersTo ?target }"
_ROLES = "SELECT DISTINCT ?h ?p ?o WHERE { VALUES ?p { %s } ?h ?p ?o }"


@dataclass(frozen=True, slots=True)
class _Ontology:
    signs: dict[str, int]            # event relation IRI -> +1, -1, 0
    roles: dict[str, str]            # role relation IRI -> itself; its inverse -> it
    super_roles: dict[str, set[str]]  # role relation IRI -> its super-properties
    actor_classes: frozenset[str]
    super_classes: dict[str, set[str]]


@functools.cache
def _ontology() -> _Ontology:
    """What the views need from ``diplomacy.ttl``: signs, roles, class tree."""
    from kg.ontology import ontology_path

    onto = ox.Store()
    onto.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    ask = lambda q: [[_v(t) for t in row] for row in onto.query(_PREFIXES + q)]  # noqa: E731
    stance = {DIP + "positiveStanceTowards": 1, DIP + "negativeStanceTowards": -1}
    signs = dict.fromkeys((p for p, in ask('SELECT ?p WHERE { ?p dip:termGroup "event relations" }')), 0)
    for p, s in ask("SELECT ?p ?s WHERE { ?p rdfs:subPropertyOf+ ?s }"):
        if p in signs and s in stance:
            signs[p] = stance[s]
    roles: dict[str, str] = {}
    for forward, inverse in ask('SELECT ?p ?i WHERE { ?p dip:termGroup "role relations and their inverses" ; '
                                "owl:inverseOf ?i }"):
        roles[forward], roles[inverse] = forward, forward
    super_roles: dict[str, set[str]] = {}
    for p, s in ask("SELECT ?p ?s WHERE { ?p rdfs:subPropertyOf+ ?s }"):
        super_roles.setdefault(p, set()).add(s)
    super_classes: dict[str, set[str]] = {}
    for c, s in ask("SELECT ?c ?s WHERE { ?c rdfs:subClassOf+ ?s FILTER(isIRI(?s)) }"):
        super_classes.setdefault(c, set()).add(s)
    actors = frozenset(c for c, sups in super_classes.items() if DIP + "Actor" in sups) | {DIP + "Actor"}
    return _Ontology(signs, roles, super_roles, actors, super_classes)


def relation_signs() -> dict[str, int]:
    """The sign of each event relation, by local name, as read from the ontology.

    >>> signs = relation_signs()
    >>> signs["rejects"], signs["supports"], signs["meetsWith"]
    (-1, 1, 0)
    """
    return {iri.removeprefix(DIP): sign for iri, sign in sorted(_ontology().signs.items())}


def load_dataset(source: str | os.PathLike | Any) -> Any:
    """An RDF file parsed into an in-memory ``pyoxigraph.Store``; a store is returned as is.

    Raises:
        InputError: unknown extension, unreadable file, or a syntax error.

    >>> load_dataset(ox.Store()).__class__.__name__
    'Store'
    """
    if isinstance(source, (str, os.PathLike)):
        from kg.store import read_dataset

        return read_dataset(Path(source))
    if isinstance(source, ox.Store) or callable(getattr(source, "query", None)):
        return source
    raise InputError(f"not an RDF file or a store: {source!r}")


def _select(source: Any, sparql: str) -> list[dict[str, Any]]:
    """Rows of a SELECT query as dicts of pyoxigraph terms (None when unbound)."""
    if not isinstance(source, ox.Store):  # a kg.store store, embedded or remote
        result = source.query(_PREFIXES + sparql)
        return [dict(zip(result.variables, row)) for row in result.table_rows()]
    try:
        answer = source.query(_PREFIXES + sparql, use_default_graph_as_union=True)
        names = [v.value for v in answer.variables]
        return [{n: solution[n] for n in names} for solution in answer]
    except SyntaxError as err:
        raise QueryError(f"views: invalid SPARQL: {err}") from err
    except OSError as err:
        raise StoreError(f"views: query failed: {err}") from err


def _v(term: Any) -> str | None:
    return None if term is None else term.value


def _local(iri: str | None) -> str | None:
    return None if iri is None else iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class _Graph:
    """The parts of the RDF graph that the views are made of, read once."""

    def __init__(self, source: Any, lang: str) -> None:
        self.source, onto = load_dataset(source), _ontology()
        types: dict[str, set[str]] = {}
        for row in _select(self.source, _TYPES):
            types.setdefault(row["node"].value, set()).add(row["type"].value)
        labels: dict[str, list[tuple[bool, str, str]]] = {}  # (is an altLabel, text, language)
        for row in _select(self.source, _LABELS):
            label = row["label"]
            labels.setdefault(row["node"].value, []).append((row["alt"] is not None, label.value, label.language or ""))
        self.nodes = {}
        for iri in types.keys() | labels.keys():
            classes = types.get(iri, set())
            specific = sorted(c for c in classes if not any(c in onto.super_classes.get(o, ()) for o in classes))
            kind = ("actor" if classes & onto.actor_classes else "place" if DIP + "Place" in classes
                    else "thing" if classes or "/actor/" not in iri else "actor")
            names = sorted(labels.get(iri, []), key=lambda x: (x[0], x[2] != lang, x[2] not in ("en", "fr"), x))
            self.nodes[iri] = {"label": names[0][1] if names else _local(iri), "kind": kind,
                               "class": _local(specific[0]) if specific else None,
                               "names": " | ".join(dict.fromkeys(n for _, n, _ in names))}
        self.proposers: dict[str, set[str]] = {}
        for row in _select(self.source, _PROPOSERS):
            self.proposers.setdefault(row["thing"].value, set()).add(row["actor"].value)
        self.refers = {row["thing"].value: row["target"].value for row in _select(self.source, _REFERS)}

    def statements(self, relations: dict[str, Any]) -> list[dict[str, Any]]:
        """Statements of these relations, with their provenance, in article order."""
        rows = _select(self.source, _STATEMENTS % " ".join(f"<{p}>" for p in sorted(relations)))
        seen, out = set(), []
        for r in rows:
            if r["stmt"].value in seen:
                continue
            seen.add(r["stmt"].value)
            out.append({"s": r["s"].value, "o": r["o"].value, "p": r["p"].value, "statement": r["stmt"].value,
                        "relation": _local(r["p"].value), "evidence": _v(r["evidence"]),
                        "weight": float(r["confidence"].value) if r["confidence"] is not None else 1.0,
                        "modality": _local(_v(r["modality"])), "trigger": _v(r["trigger"]),
                        "date": _v(r["date"]), "begin": int(r["begin"].value) if r["begin"] is not None else -1,
                        "article": _v(r["article"])})
        return out

    def chain(self, thing: str) -> list[str]:
        """The thing and what it refers to (``dip:refersTo``), to the end of the chain."""
        out = [thing]
        while out[-1] in self.refers and self.refers[out[-1]] not in out:
            out.append(self.refers[out[-1]])
        return out

    def proposers_of(self, thing: str) -> list[str]:
        return sorted({who for t in self.chain(thing) for who in self.proposers.get(t, ())})

    def add_node(self, G: nx.MultiDiGraph, iri: str) -> None:
        if iri not in G:
            kind = "actor" if "/actor/" in iri else "thing"  # neither typed nor labelled: guess from the IRI
            G.add_node(iri, **self.nodes.get(iri, {"label": _local(iri), "kind": kind, "class": None, "names": ""}))


def stance_network(source: Any, *, lang: str = "en") -> nx.MultiDiGraph:
    """Actors and things, one signed edge per statement of an event relation.

    Edge keys are statement IRIs; edge data: ``relation``, ``sign``, ``weight``
    (``dip:confidence``, 1.0 when absent), ``statement``, ``evidence``,
    ``article``, ``date``, ``modality``, ``trigger``, ``begin`` (offset), ``via``
    (``direct``, or ``proposal`` for the edge to the proposer of a thing, whose
    key is the statement IRI + ``#proposer``) and ``object`` (the thing).

    Raises:
        InputError: the file cannot be read.
        StoreError, QueryError: the store cannot be queried.

    >>> store = ox.Store()
    >>> store.load(b'''@prefix dip: <https://w3id.org/dipkg/onto#> .
    ... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    ... <urn:x:kremlin> a dip:GovernmentBody . <urn:x:starmer> a dip:Person .
    ... <urn:x:plan> a dip:Plan ; dip:proposer <urn:x:starmer> .
    ... <urn:x:s1> a rdf:Statement ; rdf:subject <urn:x:kremlin> ; rdf:predicate dip:rejects ;
    ...   rdf:object <urn:x:plan> ; dip:confidence 0.8 .''', format=ox.RdfFormat.TURTLE)
    >>> G = stance_network(store)
    >>> sorted((u[6:], v[6:], d["sign"], d["weight"], d["via"]) for u, v, d in G.edges(data=True))
    [('kremlin', 'plan', -1, 0.8, 'direct'), ('kremlin', 'starmer', -1, 0.8, 'proposal')]
    """
    data, signs = _Graph(source, lang), _ontology().signs
    G = nx.MultiDiGraph(view="stance")
    for st in data.statements(signs):
        attrs = {k: v for k, v in st.items() if k not in ("s", "o", "p")} | {"sign": signs[st["p"]],
                                                                            "object": st["o"]}
        data.add_node(G, st["s"])
        data.add_node(G, st["o"])
        G.add_edge(st["s"], st["o"], key=st["statement"], via="direct", **attrs)
        for who in data.proposers_of(st["o"]):
            if who != st["s"]:
                data.add_node(G, who)
                G.add_edge(st["s"], who, key=st["statement"] + "#proposer", via="proposal", **attrs)
    return G


def actor_proposal_graph(source: Any, *, lang: str = "en") -> nx.MultiDiGraph:
    """Bipartite: actors (``bipartite=0``) and the things (``bipartite=1``) they act on.

    A thing that refers to another (``dip:refersTo``, "la proposition
    rapportée") stands for it: edges go to the end of the chain, and keep the
    thing named in the sentence as ``object``. Proposers are linked by
    ``proposes`` statements or, failing those, by a ``proposer`` edge.
    """
    data, signs = _Graph(source, lang), _ontology().signs
    G = nx.MultiDiGraph(view="proposals")
    for st in data.statements(signs):
        if data.nodes.get(st["o"], {}).get("kind") != "thing" or data.nodes.get(st["s"], {}).get("kind") == "thing":
            continue
        target = data.chain(st["o"])[-1]
        data.add_node(G, st["s"])
        data.add_node(G, target)
        attrs = {k: v for k, v in st.items() if k not in ("s", "o", "p")}
        G.add_edge(st["s"], target, key=st["statement"], sign=signs[st["p"]], object=st["o"], **attrs)
    for thing, actors in sorted(data.proposers.items()):
        target = data.chain(thing)[-1]
        for who in sorted(actors):
            if not G.has_edge(who, target) or all(d["relation"] != "proposes" for d in G[who][target].values()):
                data.add_node(G, who)
                data.add_node(G, target)
                G.add_edge(who, target, key=f"proposer:{thing}", relation="proposer", sign=0, weight=1.0,
                           object=thing, via="proposer")
    for node, kind in G.nodes(data="kind"):
        G.nodes[node]["bipartite"] = int(kind == "thing")
    return G


def office_graph(source: Any, *, lang: str = "en") -> nx.MultiDiGraph:
    """Who holds which office for whom: one edge per role relation (key: its name).

    Inverse relations (``dip:hasHeadOfGovernment``) are read the other way
    round; a super-property edge (``officialOf``) is left out when a more
    specific one joins the same pair. Edge data: ``relation``, ``statements``
    (how many statements say it, 0 for gazetteer facts), ``articles`` and one
    ``evidence`` sentence.
    """
    data, onto = _Graph(source, lang), _ontology()
    said: dict[tuple[str, str, str], list[dict]] = {}
    for st in data.statements(dict.fromkeys(r for r, f in onto.roles.items() if r == f)):
        said.setdefault((st["s"], st["p"], st["o"]), []).append(st)
    facts = set(said)
    for row in _select(data.source, _ROLES % " ".join(f"<{p}>" for p in sorted(onto.roles))):
        h, p, o = row["h"].value, row["p"].value, row["o"].value
        facts.add((h, p, o) if onto.roles[p] == p else (o, onto.roles[p], h))
    G = nx.MultiDiGraph(view="offices")
    for h, p, o in sorted(facts):
        if any((h, q, o) in facts and p in onto.super_roles.get(q, ()) for q in onto.roles):
            continue
        data.add_node(G, h)
        data.add_node(G, o)
        sts = said.get((h, p, o), [])
        G.add_edge(h, o, key=_local(p), relation=_local(p), statements=len(sts),
                   articles=len({s["article"] for s in sts}), evidence=sts[0]["evidence"] if sts else None)
    return G
