"""Check a graph against the SHACL shapes of the diplomacy ontology.

Before the check, the graph gets the ontology's class and property hierarchy
(so a ``dip:State`` is a ``dip:Actor`` and a ``dip:rejects`` triple is a
``dip:negativeStanceTowards`` one) but not its domains and ranges: those are
what the shapes check, and inferring them would make every check pass. A
``Dataset`` is validated as the union of its graphs (each article graph is
self-contained). Each violation is reported as one plain sentence.
"""
from __future__ import annotations

import functools
import os
import string
from dataclasses import dataclass, field

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.errors import InputError, ValidationError
from kg.ontology import load_graph, load_ontology, shapes_path
from kg.reason import materialise

# The rest of the sentence for each kind of failed constraint, after "<Noun> <node>".
# {path} and {value} come from the result; other fields are the shape's sh: parameter.
_TEMPLATES = {
    SH.MinCountConstraintComponent: "has no {path}",
    SH.MaxCountConstraintComponent: "has more than {maxCount} {path}",
    SH.DatatypeConstraintComponent: "has {path} {value}, which is not of type {datatype}",
    SH.MinInclusiveConstraintComponent: "has {path} {value}, below the minimum {minInclusive}",
    SH.MaxInclusiveConstraintComponent: "has {path} {value}, above the maximum {maxInclusive}",
    SH.ClassConstraintComponent: "has {path} {value}, which is not a {class}",
    SH.NodeKindConstraintComponent: "has {path} {value}, which is not a {nodeKind}",
    SH.InConstraintComponent: "has {path} {value}, which is not one of the allowed values",
    SH.PatternConstraintComponent: "has {path} {value}, which does not match {pattern}",
    SH.MaxLengthConstraintComponent: "has {path} {value}, longer than {maxLength} characters",
    SH.LessThanOrEqualsConstraintComponent: "has {path} {value}, greater than its {lessThanOrEquals}",
}
_FALLBACK = "does not conform ({component}): {message}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and why not, one sentence a violation."""

    conforms: bool
    violations: list[str] = field(default_factory=list)


def validate(data: Graph | str | os.PathLike[str], *, inference: str = "ontology") -> ValidationReport:
    """Check ``data`` (a Graph, a Dataset, or an RDF file) against the shapes.

    Args:
        data: the graph, or the path of an RDF file (format from its extension).
        inference: how the class and property hierarchy is added before the
            check: ``"ontology"`` (default) with ``kg.reason.materialise``, in
            one pass; ``"rdfs"`` with pyshacl's RDFS inference over the
            ontology, which gives the same results several times slower.

    Raises:
        InputError: ``data`` is a file that is missing or does not parse, or
            is neither a graph nor a path.
        ValidationError: the validator itself failed, or ``inference`` is unknown.

    >>> report = validate(Graph())
    >>> report.conforms, report.violations
    (True, [])
    """
    if isinstance(data, (str, os.PathLike)):
        data = load_graph(data)
    if not isinstance(data, Graph):
        raise InputError(f"cannot validate a {type(data).__name__}: expected an RDF graph or file")
    if inference not in ("ontology", "rdfs"):
        raise ValidationError(f"unknown inference {inference!r}: use 'ontology' or 'rdfs'")
    graph = _union(data)
    if inference == "ontology":
        options = {"inference": "none"}
        materialise(graph, inplace=True)
    else:
        options = {"inference": "rdfs", "ont_graph": _hierarchy()}
    shapes = _shapes()
    try:
        conforms, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, advanced=True, inplace=True, **options
        )
    except Exception as err:  # pyshacl has no common base class for its errors
        raise ValidationError(f"the SHACL validator failed: {err}") from err
    found = results.subjects(RDF.type, SH.ValidationResult)
    violations = sorted({_sentence(results, shapes, result) for result in found})
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _union(data: Graph) -> Graph:
    """A new graph with the triples of ``data``, of all its graphs if it is a Dataset."""
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace, override=True)
    for s, p, o, *_ in data.quads() if isinstance(data, Dataset) else data:
        union.add((s, p, o))
    return union


@functools.cache
def _shapes() -> Graph:
    """The SHACL shapes graph (parsed once; not to be modified)."""
    return load_ontology(shapes_path())


@functools.cache
def _hierarchy() -> Graph:
    """The ontology without rdfs:domain and rdfs:range (parsed once; not to be modified)."""
    graph = load_ontology()
    graph.remove((None, RDFS.domain, None))
    graph.remove((None, RDFS.range, None))
    return graph


def _sentence(results: Graph, shapes: Graph, result: URIRef | BNode) -> str:
    """One violation as a sentence: '<Noun> <focus> <what is wrong>'."""
    shape = results.value(result, SH.sourceShape)
    component = results.value(result, SH.sourceConstraintComponent)
    message = shapes.value(shape, SH.message)
    if message is not None:
        rest = str(message)
    elif component in _TEMPLATES:
        rest = _fill(_TEMPLATES[component], shapes, shape, results, result)
    else:
        original = results.value(result, SH.resultMessage)
        rest = _FALLBACK.format(component=_name(shapes, component), message=original)
    return f"{_noun(shapes, shape)} {_name(shapes, results.value(result, SH.focusNode))} {rest}"


def _fill(template: str, shapes: Graph, shape: object, results: Graph, result: object) -> str:
    """Fill ``template`` from the result's path and value and the shape's parameters."""
    keys = {key for _, key, _, _ in string.Formatter().parse(template) if key}
    fields = {key: _name(shapes, shapes.value(shape, SH[key])) for key in keys - {"path", "value"}}
    fields["path"] = _name(shapes, results.value(result, SH.resultPath))
    fields["value"] = _name(shapes, results.value(result, SH.value))
    if fields.get("maxCount") == "1":
        template = "has more than one {path}"
    return template.format(**fields)


def _noun(shapes: Graph, shape: object) -> str:
    """The label of the node shape that ``shape`` is (or is a property of)."""
    parent = shapes.value(predicate=SH.property, object=shape) or shape
    return str(shapes.value(parent, RDFS.label) or "Node")


def _name(graph: Graph, node: object) -> str:
    """A short readable form of an RDF term: a CURIE, <iri>, or the literal's value."""
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.curie(node, generate=False)
        except (KeyError, ValueError):
            return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        if node.datatype is None or node.datatype == RDF.langString or isinstance(node.value, str):
            return '"' + (text if len(text) <= 60 else text[:57] + "...") + '"'
        return text
    return "(none)" if node is None else f"_:{node}"
