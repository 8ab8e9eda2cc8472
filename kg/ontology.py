"""The diplomacy ontology and its SHACL shapes: where they are, what they define.

The files live in ``ontology/`` of the source checkout; ``scripts/gen_vocab.py``
copies them into ``kg/data/ontology/`` so that an installed wheel has them too,
and that copy is the one used. This module also reads and writes graph files
for the commands that take one (``kg validate``, ``kg reason``).
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.util import guess_format

from kg.errors import DataFileError, InputError, OutputError

DIP_NS = Namespace("https://w3id.org/dipkg/onto#")
ONTOLOGY_FILE = "diplomacy.ttl"
SHAPES_FILE = "shapes.ttl"
#: ``ontology/`` of the source checkout (absent from an installed wheel).
SOURCE_DIR = Path(__file__).resolve().parent.parent / "ontology"

#: Sections of the vocabulary, in order; each dip: term names one with dip:termGroup.
GROUPS = (
    "classes",
    "modality individuals",
    "event relations",
    "super-properties",
    "role relations and their inverses",
    "actor names",
    "statement annotations",
    "object parts",
    "article",
    "ontology annotations",
)
_KINDS = {
    OWL.Class: "class",
    OWL.NamedIndividual: "individual",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
}
_QUAD_FORMATS = frozenset({"nquads", "trig", "trix"})
_DEFINITION = re.compile(r"^dip:(\w+)\s+a\s", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Term:
    """A term the ontology defines: its local name, OWL kind and section."""

    name: str
    kind: str
    group: str

    @property
    def iri(self) -> URIRef:
        """The term's IRI."""
        return DIP_NS[self.name]


def _data_file(name: str) -> Path:
    """The packaged copy of ``name`` if there is one, else the source file."""
    packaged = files("kg") / "data" / "ontology" / name
    if packaged.is_file():
        return Path(str(packaged))
    return SOURCE_DIR / name


def ontology_path() -> Path:
    """Path of ``diplomacy.ttl`` (OWL, Turtle).

    >>> ontology_path().name
    'diplomacy.ttl'
    """
    return _data_file(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """Path of ``shapes.ttl`` (SHACL, Turtle).

    >>> shapes_path().name
    'shapes.ttl'
    """
    return _data_file(SHAPES_FILE)


def load_ontology(path: Path | None = None) -> Graph:
    """Parse the ontology (or the Turtle file at ``path``) into a new graph.

    Raises:
        DataFileError: the file is missing or is not valid Turtle.

    >>> from kg.vocab import DIP
    >>> (DIP.rejects, None, None) in load_ontology()
    True
    """
    path = path or ontology_path()
    try:
        return Graph().parse(path, format="turtle")
    except Exception as err:  # rdflib raises many kinds of parse errors
        raise DataFileError(f"cannot read the ontology {str(path)!r}: {err}") from err


def defined_terms(path: Path | None = None) -> tuple[Term, ...]:
    """Every dip: term the ontology defines, by section (``GROUPS``), in file order.

    A term is defined when it is the subject of an ``rdf:type`` that is an OWL
    class, property or named individual; within a section, terms keep the
    order of their ``dip:Name a …`` lines in the file.

    Raises:
        DataFileError: a term has no dip:termGroup, or one not in ``GROUPS``.

    >>> [t.name for t in defined_terms() if t.group == "super-properties"]
    ['stanceTowards', 'positiveStanceTowards', 'negativeStanceTowards']
    """
    path = path or ontology_path()
    graph = load_ontology(path)
    text = path.read_text(encoding="utf-8")
    position = {m[1]: m.start() for m in reversed(list(_DEFINITION.finditer(text)))}
    terms: dict[str, Term] = {}
    for owl_type, kind in _KINDS.items():
        for iri in graph.subjects(RDF.type, owl_type):
            if isinstance(iri, URIRef) and iri.startswith(DIP_NS):
                name = iri[len(DIP_NS):]
                group = str(graph.value(iri, DIP_NS.termGroup, default=""))
                if group not in GROUPS:
                    raise DataFileError(f"ontology term dip:{name} has no known dip:termGroup: {group!r}")
                terms.setdefault(name, Term(name, kind, group))
    return tuple(
        sorted(terms.values(), key=lambda t: (GROUPS.index(t.group), position.get(t.name, len(text)), t.name))
    )


def load_graph(path: str | os.PathLike[str]) -> Graph | Dataset:
    """Read an RDF file; N-Quads, TriG and TriX give a ``Dataset``, others a ``Graph``.

    The format comes from the file extension.

    Raises:
        InputError: the file is missing, its extension is unknown, or it does not parse.
    """
    path = Path(path)
    fmt = guess_format(str(path))
    if fmt is None:
        raise InputError(f"unknown RDF file extension {path.suffix!r} of {str(path)!r}")
    if not path.is_file():
        raise InputError(f"no such file: {str(path)!r}")
    graph: Graph = Dataset() if fmt in _QUAD_FORMATS else Graph()
    try:
        graph.parse(path, format=fmt)  # a Dataset returns the graph parsed into
    except Exception as err:  # rdflib raises many kinds of parse errors
        raise InputError(f"cannot read {str(path)!r} as {fmt}: {err}") from err
    return graph


def save_graph(graph: Graph, path: str | os.PathLike[str]) -> None:
    """Write ``graph`` atomically in the format of ``path``'s extension.

    A ``Dataset`` written as Turtle (or another triple format) is merged into
    one graph; a ``Graph`` written as N-Quads or TriG goes to the default graph.

    Raises:
        OutputError: the extension is unknown or the file cannot be written.
    """
    path = Path(path)
    fmt = guess_format(str(path))
    if fmt is None:
        raise OutputError(f"unknown RDF file extension {path.suffix!r} of {str(path)!r}")
    out = _as_format(graph, quads=fmt in _QUAD_FORMATS)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        os.chmod(tmp, _file_mode(path))
        out.serialize(destination=tmp, format=fmt, encoding="utf-8")
        os.replace(tmp, path)
    except Exception as err:  # OSError, or a serializer that cannot write some term
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise OutputError(f"cannot write {str(path)!r}: {reason}") from err
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def _file_mode(path: Path) -> int:
    """The mode to give a new version of ``path``: its current one, else 0o666 minus the umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _as_format(graph: Graph, *, quads: bool) -> Graph:
    """``graph`` as a Dataset (for quad formats) or a plain merged Graph."""
    if quads == isinstance(graph, Dataset):
        return graph
    out: Graph = Dataset() if quads else Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True)
    target = out.default_graph if isinstance(out, Dataset) else out
    triples = graph.quads() if isinstance(graph, Dataset) else graph.triples((None, None, None))
    for s, p, o, *_ in triples:
        target.add((s, p, o))
    return out
