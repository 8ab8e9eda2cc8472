"""Add to a graph what the diplomacy ontology implies, and check the ontology.

``materialise`` is a single pass over the graph with a closure computed once
from the ontology: for each triple it adds the super-properties of its
predicate (``dip:rejects`` → ``dip:negativeStanceTowards`` →
``dip:stanceTowards``; ``dip:headOfStateOf`` → ``dip:officialOf``), the
inverse triples (``dip:hasHeadOfState`` …), and for each ``rdf:type`` the
superclasses (a ``dip:State`` is a ``dip:Actor``, a ``prov:Agent``).
Domains and ranges are not used to type nodes: they are checked by
``kg.validate``. ``check_consistency`` runs the HermiT reasoner (Java) on the
ontology through owlready2.
"""
from __future__ import annotations

import functools
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import KgError
from kg.ontology import load_ontology

Triple = tuple[object, object, object]
_TOP = frozenset({OWL.Thing, RDFS.Resource})


@dataclass(frozen=True, slots=True)
class Closure:
    """What each property and class implies, computed once from the ontology.

    ``properties`` maps a property to ``(implied property, reversed)`` pairs:
    a triple ``s p o`` implies ``s q o`` (or ``o q s`` when reversed).
    ``classes`` maps a class to all its strict superclasses.
    """

    properties: Mapping[URIRef, tuple[tuple[URIRef, bool], ...]]
    classes: Mapping[URIRef, tuple[URIRef, ...]]


@functools.cache
def closure() -> Closure:
    """The closure of the packaged ontology (computed on first use)."""
    return compute_closure(load_ontology())


def compute_closure(ontology: Graph) -> Closure:
    """Close sub-property, equivalent, inverse and symmetric axioms, and sub-classes."""
    supers: dict[URIRef, set[tuple[URIRef, bool]]] = defaultdict(set)
    for sub, sup in _named_pairs(ontology, RDFS.subPropertyOf):
        supers[sub].add((sup, False))
    for a, b in _named_pairs(ontology, OWL.equivalentProperty):
        supers[a].add((b, False))
        supers[b].add((a, False))
    for a, b in _named_pairs(ontology, OWL.inverseOf):
        supers[a].add((b, True))
        supers[b].add((a, True))
    for prop in ontology.subjects(RDF.type, OWL.SymmetricProperty):
        supers[prop].add((prop, True))
    properties = {p: tuple(sorted(_reach(p, supers))) for p in list(supers)}

    parents: dict[URIRef, set[tuple[URIRef, bool]]] = defaultdict(set)
    for sub, sup in _named_pairs(ontology, RDFS.subClassOf):
        parents[sub].add((sup, False))
    for a, b in _named_pairs(ontology, OWL.equivalentClass):
        parents[a].add((b, False))
        parents[b].add((a, False))
    classes = {c: tuple(sorted(s for s, _ in _reach(c, parents) if s not in _TOP)) for c in list(parents)}
    return Closure(
        properties={p: implied for p, implied in properties.items() if implied},
        classes={c: implied for c, implied in classes.items() if implied},
    )


def _named_pairs(graph: Graph, predicate: URIRef) -> Iterator[tuple[URIRef, URIRef]]:
    """Subject-object pairs of ``predicate`` where both are IRIs (no class expressions)."""
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            yield s, o


def _reach(start: URIRef, edges: Mapping[URIRef, set[tuple[URIRef, bool]]]) -> set[tuple[URIRef, bool]]:
    """Every (node, reversed) reachable from ``start``; an inverse edge flips ``reversed``."""
    seen: set[tuple[URIRef, bool]] = set()
    todo = [(start, False)]
    while todo:
        node, flipped = todo.pop()
        for nxt, flip in edges.get(node, ()):
            item = (nxt, flipped != flip)
            if item not in seen:
                seen.add(item)
                todo.append(item)
    seen.discard((start, False))
    return seen


def inferred(triples: Iterable[Triple], rules: Closure | None = None) -> Iterator[Triple]:
    """The triples ``triples`` imply (some may already be in the graph)."""
    rules = rules or closure()
    for s, p, o in triples:
        if p == RDF.type:
            for cls in rules.classes.get(o, ()):
                yield s, RDF.type, cls
            continue
        for q, flipped in rules.properties.get(p, ()):
            if not flipped:
                yield s, q, o
            elif not isinstance(o, Literal):
                yield o, q, s


def materialise(graph: Graph, *, inplace: bool = False) -> Graph:
    """``graph`` with what the ontology implies added; a Dataset per named graph.

    Inferred triples of a ``Dataset`` go to the graph of the triple they come
    from. The input is copied first unless ``inplace`` is true.

    >>> from kg.vocab import DIP
    >>> from rdflib import URIRef
    >>> kremlin, plan = URIRef("urn:kremlin"), URIRef("urn:plan")
    >>> g = Graph().add((kremlin, DIP.rejects, plan))
    >>> (kremlin, DIP.stanceTowards, plan) in materialise(g)
    True
    """
    out = graph if inplace else _copy(graph)
    rules = closure()
    parts = list(out.graphs()) if isinstance(out, Dataset) else [out]
    for part in parts:
        new = list(inferred(part.triples((None, None, None)), rules))
        for triple in new:
            part.add(triple)
    return out


def _copy(graph: Graph) -> Graph:
    """A copy of a Graph or Dataset, with the same graph names and prefixes."""
    if isinstance(graph, Dataset):
        out: Graph = Dataset()
        for part in graph.graphs():
            target = out.graph(part.identifier)
            for triple in part:
                target.add(triple)
    else:
        out = Graph(identifier=graph.identifier)
        for triple in graph:
            out.add(triple)
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True)
    return out


def check_consistency(ontology: Graph | None = None) -> bool:
    """Whether HermiT finds the ontology consistent and every class satisfiable.

    Needs Java (``java`` on the PATH) for owlready2's bundled HermiT.

    Raises:
        KgError: Java is not installed, or the reasoner could not run.
    """
    import owlready2  # imported here: it is slow to import and only needed here

    if shutil.which(owlready2.JAVA_EXE) is None:
        raise KgError(f"cannot run the HermiT reasoner: Java ({owlready2.JAVA_EXE!r}) is not installed")
    ontology = load_ontology() if ontology is None else ontology
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ontology.nt"
        ontology.serialize(destination=path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False
        except Exception as err:  # owlready2 raises bare Exceptions when Java fails
            raise KgError(f"the HermiT reasoner failed: {err}") from err
        return not list(world.inconsistent_classes())
