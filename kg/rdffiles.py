"""Reading RDF for the stores: formats from file extensions, files into named graphs.

Loading never pastes text into SPARQL: graph data is parsed by pyoxigraph
first, and an update is written from the parsed terms, whose N-Triples form
pyoxigraph escapes.
"""
from __future__ import annotations

import io
import mmap
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

N_TRIPLES = "application/n-triples"
# extensions pyoxigraph does not know, mapped to the format they usually hold
_EXTRA_EXTENSIONS = {"owl": ox.RdfFormat.RDF_XML}


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension.

    Raises:
        InputError: the extension is not one of an RDF format.

    >>> rdf_format("out/seed.nq").name
    'N-Quads'
    """
    ext = Path(path).suffix.lstrip(".").lower()
    fmt = ox.RdfFormat.from_extension(ext) if ext else None
    fmt = fmt or _EXTRA_EXTENSIONS.get(ext)
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file extension {('.' + ext) if ext else '(none)'} "
                         "(use .nq, .trig, .ttl, .nt, .jsonld, .rdf)")
    return fmt


def graph_node(graph_iri: str) -> ox.NamedNode:
    """A graph name as a NamedNode.

    Raises:
        InputError: not an absolute IRI.
    """
    try:
        return ox.NamedNode(graph_iri)
    except ValueError as err:
        raise InputError(f"invalid graph IRI {graph_iri!r}: {err}") from err


def parse_triples(data: bytes, *, format: str = N_TRIPLES, base_iri: str | None = None) -> list[ox.Triple]:
    """Parse a graph given as bytes (media type or extension as ``format``).

    Raises:
        InputError: unknown format, or the data does not parse.
    """
    fmt = ox.RdfFormat.from_media_type(format) or ox.RdfFormat.from_extension(format)
    if fmt is None:
        raise InputError(f"unknown RDF format {format!r}")
    try:
        return [q.triple for q in ox.parse(data, format=fmt, base_iri=base_iri, without_named_graphs=True)]
    except (SyntaxError, ValueError) as err:
        raise InputError(f"cannot parse the {fmt.name} data: {err}") from err


@dataclass(frozen=True)
class DatasetScan:
    """What a streaming pass over a dataset file found: its named graphs, its quads, and
    whether any triple is outside a named graph."""

    graphs: frozenset[ox.NamedNode]
    quads: int
    default_triples: bool


def scan_dataset(path: str | Path) -> DatasetScan:
    """Check a dataset file's syntax in one streaming pass, keeping only its graph names
    (no quad is kept: a million quads take about a second).

    Raises:
        InputError: unknown extension, unreadable file, or a syntax error (with its line).
    """
    path = Path(path)
    fmt = rdf_format(path)
    graphs: set[ox.NamedNode] = set()
    quads, default = 0, False
    try:
        for quad in ox.parse(path=path, format=fmt, base_iri=path.resolve().as_uri()):
            quads += 1
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode):
                graphs.add(graph)
            else:
                default = True
    except SyntaxError as err:
        raise InputError(f"{path}: cannot parse as {fmt.name}: {err}") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err}") from err
    return DatasetScan(frozenset(graphs), quads, default)


def read_dataset(path: str | Path) -> ox.Store:
    """Parse an RDF file into an in-memory store whose triples are all in named graphs.

    Triples outside a named graph go to ``<file:///abs/path>`` of the file.

    Raises:
        InputError: unknown extension, unreadable file, or a syntax error (with its line).
    """
    path = Path(path)
    fmt = rdf_format(path)
    file_graph = ox.NamedNode(path.resolve().as_uri())
    dataset = ox.Store()
    try:
        if fmt.supports_datasets:
            dataset.load(path=path, format=fmt, base_iri=file_graph.value)
            default = list(dataset.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            if default:
                dataset.extend(ox.Quad(q.subject, q.predicate, q.object, file_graph) for q in default)
                dataset.clear_graph(ox.DefaultGraph())
        else:
            dataset.load(path=path, format=fmt, base_iri=file_graph.value, to_graph=file_graph)
    except SyntaxError as err:
        raise InputError(f"{path}: cannot parse as {fmt.name}: {err}") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err}") from err
    return dataset


def line_slices(path: str | Path, parts: int) -> list[tuple[int, int]]:
    """Cut a line-based file (N-Quads, N-Triples) into at most ``parts`` byte ranges that
    begin and end on line boundaries; empty ranges are left out.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".nq") as f:
    ...     _ = f.write(b"aaaa\\nbb\\ncccccc\\n"); f.flush()
    ...     line_slices(f.name, 2)
    [(0, 8), (8, 15)]
    """
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as file:
        for part in range(1, parts):
            file.seek(max(size * part // parts - 1, cuts[-1]))
            file.readline()
            cuts.append(min(file.tell(), size))
    cuts.append(size)
    return [(start, end) for start, end in zip(cuts, cuts[1:]) if end > start]


def may_hold_blank_nodes(path: str | Path) -> bool:
    """False only when the file cannot hold a blank node label (no ``_:`` anywhere in it).

    Parsers rename blank nodes per call, so a file read in several parts must not hold any.
    """
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size == 0:
            return False
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(b"_:") >= 0


class FileSlice(io.RawIOBase):
    """The bytes ``start`` to ``end`` of a file, as a readable binary stream."""

    def __init__(self, path: str | Path, start: int, end: int) -> None:
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 - closed with the stream
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self._left)
        if wanted <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:wanted]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def insert_data(graph: ox.NamedNode, triples: Iterable[ox.Triple], *, drop: bool) -> str:
    """A SPARQL update: [``DROP SILENT GRAPH <g> ;``] ``INSERT DATA { GRAPH <g> { … } }``.

    Terms are written in their escaped N-Triples form by pyoxigraph.
    """
    body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    head = f"DROP SILENT GRAPH {graph} ;\n" if drop else ""
    return f"{head}INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"
