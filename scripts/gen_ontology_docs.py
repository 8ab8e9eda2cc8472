#!/usr/bin/env python
"""Generate ``ontology/REFERENCE.md`` from ``ontology/diplomacy.ttl``.

One table a section of the vocabulary (labels in English and French,
definition), then for properties their domain, range, super-properties,
inverse and, for event relations, the PLOVER / CAMEO alignment.

Usage:
    python scripts/gen_ontology_docs.py            # regenerate
    python scripts/gen_ontology_docs.py --check    # exit 1 if out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ontology import DIP_NS, GROUPS, ONTOLOGY_FILE, Term, defined_terms, load_ontology

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "ontology" / ONTOLOGY_FILE
REFERENCE = ROOT / "ontology" / "REFERENCE.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/dipkg/onto")
SCHEMA = "https://schema.org/"
_PROPERTY_KINDS = {"object property", "datatype property", "annotation property"}


def render_reference(path: Path = SOURCE) -> str:
    """The text of ``REFERENCE.md`` for the ontology at ``path``."""
    graph = load_ontology(path)
    terms = defined_terms(path)
    out = _header(graph)
    out += ["## Class hierarchy", "", "```"]
    out += _tree(graph, [t for t in terms if t.kind == "class"])
    out += ["```", ""]
    for group in GROUPS:
        members = [t for t in terms if t.group == group]
        out += [f"## {group[0].upper()}{group[1:]}", ""]
        out += _label_table(graph, members)
        properties = [t for t in members if t.kind in _PROPERTY_KINDS and t.group != "ontology annotations"]
        if properties:
            out += _property_table(graph, properties)
    out += _reused(graph)
    return "\n".join(out).rstrip("\n") + "\n"


def _header(graph: Graph) -> list[str]:
    """Title, IRI, version and description of the ontology."""
    return [
        f"# {_text(graph, ONTOLOGY_IRI, _dc('title'))}",
        "",
        "Generated from `ontology/diplomacy.ttl` by `scripts/gen_ontology_docs.py`; do not edit by hand.",
        "",
        f"* IRI: <{ONTOLOGY_IRI}>, prefix `dip:` = <{DIP_NS}>",
        f"* version: {graph.value(ONTOLOGY_IRI, OWL.versionInfo)}",
        f"* French title: {_text(graph, ONTOLOGY_IRI, _dc('title'), 'fr')}",
        "",
        " ".join(_text(graph, ONTOLOGY_IRI, _dc("description")).split()),
        "",
    ]


def _tree(graph: Graph, classes: list[Term]) -> list[str]:
    """The dip: class hierarchy as an indented list, in file order."""
    names = {t.iri: t for t in classes}
    children: dict[URIRef | None, list[Term]] = {}
    for term in classes:
        parents = [p for p in graph.objects(term.iri, RDFS.subClassOf) if p in names]
        children.setdefault(parents[0] if parents else None, []).append(term)

    def walk(node: URIRef | None, depth: int) -> list[str]:
        lines = []
        for term in children.get(node, []):
            lines.append(f"{'  ' * depth}dip:{term.name}  ({_text(graph, term.iri, RDFS.label)})")
            lines += walk(term.iri, depth + 1)
        return lines

    return walk(None, 0)


def _label_table(graph: Graph, terms: list[Term]) -> list[str]:
    """Term, English and French labels, definition (and superclasses for classes)."""
    classes = any(t.kind == "class" for t in terms)
    head = "| term | label (en) | label (fr) | " + ("subclass of | " if classes else "") + "definition |"
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for t in terms:
        cells = [f"`dip:{t.name}`", _text(graph, t.iri, RDFS.label), _text(graph, t.iri, RDFS.label, "fr")]
        if classes:
            cells.append(_nodes(graph, graph.objects(t.iri, RDFS.subClassOf)))
        definition = _text(graph, t.iri, SKOS.definition)
        matches = _nodes(graph, graph.objects(t.iri, SKOS.closeMatch))
        cells.append(definition + (f" Close match: {matches}." if matches != "—" else ""))
        lines.append(_row(cells))
    return lines + [""]


def _property_table(graph: Graph, terms: list[Term]) -> list[str]:
    """Kind, domain, range, super-properties, inverse, and alignment when present."""
    aligned = any((t.iri, DIP_NS.ploverType, None) in graph for t in terms)
    head = "| property | kind | domain | range | sub-property of | inverse |"
    head += " PLOVER | CAMEO |" if aligned else ""
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for t in terms:
        inverse = [*graph.objects(t.iri, OWL.inverseOf), *graph.subjects(OWL.inverseOf, t.iri)]
        cells = [
            f"`dip:{t.name}`",
            t.kind,
            _bounds(graph, t.iri, RDFS.domain, URIRef(SCHEMA + "domainIncludes")),
            _bounds(graph, t.iri, RDFS.range, URIRef(SCHEMA + "rangeIncludes")),
            _nodes(graph, graph.objects(t.iri, RDFS.subPropertyOf)),
            _nodes(graph, inverse),
        ]
        if aligned:
            cells += [_values(graph, t.iri, DIP_NS.ploverType), _values(graph, t.iri, DIP_NS.cameoCode)]
        lines.append(_row(cells))
    return lines + [""]


def _reused(graph: Graph) -> list[str]:
    """Terms of other vocabularies that the ontology declares (OWL kind)."""
    lines = ["## Terms reused from other vocabularies", "", "| term | declared as |", "| --- | --- |"]
    rows = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for iri in graph.subjects(RDF.type, kind):
            if isinstance(iri, URIRef) and not iri.startswith(DIP_NS):
                rows.add((_curie(graph, iri), _curie(graph, kind)))
    return lines + [_row([f"`{term}`", kind]) for term, kind in sorted(rows)] + [""]


def _bounds(graph: Graph, iri: URIRef, strict: URIRef, usual: URIRef) -> str:
    """A domain or range: the declared one, else 'any', plus the schema:*Includes hints."""
    declared = _nodes(graph, graph.objects(iri, strict))
    hints = _nodes(graph, graph.objects(iri, usual))
    if hints == "—":
        return "any" if declared == "—" else declared
    return f"{'any' if declared == '—' else declared} (usually {hints})"


def _nodes(graph: Graph, nodes) -> str:
    """IRIs and class unions as CURIEs, comma-separated, sorted; '—' when none."""
    names = sorted(_node(graph, n) for n in nodes)
    return ", ".join(names) if names else "—"


def _node(graph: Graph, node: object) -> str:
    """A CURIE, a union ('a or b'), or a literal's text."""
    if isinstance(node, BNode) and (members := graph.value(node, OWL.unionOf)) is not None:
        return " or ".join(_curie(graph, m) for m in Collection(graph, members))
    if isinstance(node, Literal):
        return str(node)
    return _curie(graph, node)


def _values(graph: Graph, iri: URIRef, predicate: URIRef) -> str:
    """Literal values of ``predicate``, sorted, comma-separated."""
    return ", ".join(sorted(str(v) for v in graph.objects(iri, predicate))) or "—"


def _text(graph: Graph, iri: URIRef, predicate: URIRef, lang: str = "en") -> str:
    """The ``lang`` value of a text annotation (or '' when missing)."""
    for value in graph.objects(iri, predicate):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _curie(graph: Graph, iri: object) -> str:
    """``prefix:name`` for a bound namespace, else ``<iri>``."""
    try:
        return graph.namespace_manager.curie(iri, generate=False)
    except (KeyError, ValueError):
        return f"<{iri}>"


def _row(cells: list[str]) -> str:
    """A Markdown table row, with pipes escaped and whitespace collapsed."""
    return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"


def _dc(name: str) -> URIRef:
    """A Dublin Core term."""
    return URIRef("http://purl.org/dc/terms/" + name)


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with ``--check``, verify) ``ontology/REFERENCE.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, exit 1 if out of date")
    args = parser.parse_args(argv)
    text = render_reference()
    if args.check:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.is_file() else ""
        if current != text:
            print("out of date: ontology/REFERENCE.md (run scripts/gen_ontology_docs.py)")
            return 1
        return 0
    REFERENCE.write_text(text, encoding="utf-8")
    print(f"wrote {REFERENCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
