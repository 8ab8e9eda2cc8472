"""Triple stores: embedded pyoxigraph by default, any SPARQL 1.1 server on request.

A store holds one named graph per article (see ``docs/graph-shape.md``), and
loading never duplicates: every load *replaces* whole named graphs, so loading
the same file twice changes nothing. Queries see the union of all named
graphs as their default graph.

* N-Quads and TriG files keep their named graphs; each one is replaced whole.
  Triples they hold in the default graph go to the file's graph (below).
* A triples-only file (``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``/``.xml``/``.owl``,
  ``.n3``) goes into one named graph named after the file, ``<file:///abs/path>``,
  which the next load of that file replaces. It is not split by article: a
  Turtle export has merged the article graphs (actor descriptions are shared),
  so load the ``.nq`` or ``.trig`` export to keep one graph per article.

>>> with open_store() as store:
...     store.replace_graph("https://example.org/g", b'<https://example.org/a> <https://example.org/p> "x" .\\n')
...     store.replace_graph("https://example.org/g", b'<https://example.org/a> <https://example.org/p> "y" .\\n')
...     store.count(), store.query("SELECT ?o WHERE { ?s ?p ?o }").values()
1
1
(1, [{'o': 'y'}])
"""
from __future__ import annotations

import io
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import InputError, KgError, QueryError, StoreError
from kg.rdffiles import (N_TRIPLES, FileSlice, graph_node, insert_data, line_slices, may_hold_blank_nodes,
                         parse_triples, rdf_format, read_dataset, scan_dataset)
from kg.results import PREFIXES, QueryResult
from kg.sparql import Value, check_bindings, inject_values, query_form, short_error


# a part of a parallel bulk load: smaller files load in one call (threads cost more than they save)
_MIN_PART_BYTES = 4 << 20
_READ_BUFFER = 1 << 20


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Unreachable(StoreError):
    """The store cannot be reached at all: a load stops instead of going on."""


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What a load did: graphs replaced, triples now in them, graphs that failed.

    >>> print(LoadReport("mini.trig", graphs=("https://example.org/g",), triples=3))
    mini.trig: 1 graph, 3 triples loaded
    """

    source: str
    graphs: tuple[str, ...] = ()
    triples: int = 0
    failed: tuple[tuple[str, str], ...] = ()  # (graph IRI, reason)

    @property
    def ok(self) -> bool:
        """True when every graph of the file was loaded."""
        return not self.failed

    def __str__(self) -> str:
        plural = "" if len(self.graphs) == 1 else "s"
        lines = [f"{self.source}: {len(self.graphs)} graph{plural}, {self.triples} triples loaded"]
        lines += [f"  failed <{graph}>: {reason}" for graph, reason in self.failed]
        return "\n".join(lines)


class Store(Protocol):
    """What every store offers; see :class:`EmbeddedStore` and ``kg.remote.RemoteStore``."""

    def replace_graph(self, graph_iri: str, data: bytes, *, format: str = N_TRIPLES) -> int: ...
    def load_file(self, path: str | Path) -> LoadReport: ...
    def query(self, sparql: str, *, bindings: Mapping[str, Value] | None = None) -> QueryResult: ...
    def count(self) -> int: ...
    def graphs(self) -> list[str]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...


class BaseStore:
    """Shared behaviour: file loads in terms of one graph replacement, context manager."""

    def _put(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> int:
        """Replace ``graph`` by ``triples``; return the triples now in it."""
        raise NotImplementedError

    def _put_all(self, items: list[tuple[ox.NamedNode, list[ox.Triple]]]):
        """Replace each graph; yield (graph, triples now in it, or the error)."""
        for graph, triples in items:
            try:
                yield graph, self._put(graph, triples)
            except Unreachable:
                raise
            except KgError as err:
                yield graph, err

    def replace_graph(self, graph_iri: str, data: bytes, *, format: str = N_TRIPLES) -> int:
        """Replace a named graph by the triples in ``data``, all or nothing.

        Args:
            graph_iri: the graph's name (an article IRI).
            data: the graph, serialized; triples only.
            format: its media type (or extension): N-Triples by default.

        Returns:
            The number of triples now in the graph.

        Raises:
            InputError: invalid IRI, unknown format, or data that does not parse
                (then the store is untouched).
            StoreError: the store failed; the old graph is still there.
        """
        graph = graph_node(graph_iri)
        return self._put(graph, parse_triples(data, format=format, base_iri=graph_iri))

    def load_file(self, path: str | Path) -> LoadReport:
        """Load an RDF file, replacing each of its named graphs whole.

        The file is parsed completely first: a syntax error leaves the store
        as it was. A graph that the store refuses is reported in
        :attr:`LoadReport.failed` and the others are still loaded.

        Raises:
            InputError: unknown extension, unreadable file or syntax error.
            StoreError: the store cannot be reached at all.
        """
        dataset = read_dataset(path)
        graphs = sorted(dataset.named_graphs(), key=lambda g: g.value)
        items = [(g, [q.triple for q in dataset.quads_for_pattern(None, None, None, g)]) for g in graphs]
        loaded, failed, total = [], [], 0
        for graph, outcome in self._put_all(items):
            if isinstance(outcome, KgError):
                failed.append((graph.value, str(outcome)))
            else:
                loaded.append(graph.value)
                total += outcome
        return LoadReport(str(path), tuple(sorted(loaded)), total, tuple(sorted(failed)))

    def close(self) -> None:
        """Release the store."""

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EmbeddedStore(BaseStore):
    """An on-disk (or in-memory) pyoxigraph store.

    Each graph replacement is one SPARQL update (``DROP SILENT GRAPH`` then
    ``INSERT DATA``), which pyoxigraph applies as a single transaction: when
    it fails, the old graph is still there. In :meth:`load_file`, the graphs
    that are not in the store yet are bulk-loaded together (much faster; if
    that fails they are all reported failed, and the next load replaces
    whatever part of them was written).

    Args:
        path: the store directory (created if missing), or None for memory.
        create: when False, a missing directory is an error.

    Raises:
        StoreError: the directory is locked by another process (or by another
            open store in this one), is not a store, or is missing and
            ``create`` is False.
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        self.path = None if path is None else Path(path)
        if self.path is not None and not create and not self.path.is_dir():
            raise StoreError(f"no store directory at {self.path}")
        try:
            self._store = ox.Store(None if self.path is None else str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(f"store directory {self.path} is locked by another process "
                                 "(another kg command or an oxigraph server?)") from err
            raise StoreError(f"cannot open store directory {self.path}: {err}") from err

    def _put(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> int:
        try:
            self._store.update(insert_data(graph, triples, drop=True))
        except (OSError, SyntaxError) as err:
            raise StoreError(f"cannot replace graph <{graph.value}> in {self._where()}: {err}") from err
        return self._graph_size(graph)

    def _put_all(self, items: list[tuple[ox.NamedNode, list[ox.Triple]]]):
        """Graphs new to the store are bulk-loaded together; the others replaced one by one."""
        new = [(g, t) for g, t in items if not self._store.contains_named_graph(g)]
        yield from super()._put_all([(g, t) for g, t in items if self._store.contains_named_graph(g)])
        if not new:
            return
        try:
            self._store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, g) for g, ts in new for t in ts)
        except OSError as err:
            error = StoreError(f"cannot load into {self._where()}: {err}")
            yield from ((graph, error) for graph, _ in new)
        else:
            yield from ((graph, len(triples)) for graph, triples in new)

    def load_file(self, path: str | Path) -> LoadReport:
        """Load an RDF file, replacing each of its named graphs whole (see :class:`BaseStore`).

        A dataset file whose graphs are all new to the store, with no triple outside a named
        graph, is bulk-loaded straight from the file by pyoxigraph (no Python object per
        triple): the common case of a first load. A large N-Quads file is cut into parts on
        line boundaries that load in parallel, one thread per core.

        * Into an empty store the file is loaded at once. If that fails in any way, the store
          is emptied again and the file takes the checked path below, which names the error
          (a syntax error with its line) or reports the graphs that failed.
        * Otherwise a first streaming parse checks the file and lists its graphs before
          anything is written.
        """
        fmt = rdf_format(path)
        if not fmt.supports_datasets:
            return super().load_file(path)
        if self._is_empty():
            report = self._load_into_empty(path, fmt)
            if report is not None:
                return report
        scan = scan_dataset(path)  # raises InputError on a syntax error: the store is untouched
        graphs = sorted(scan.graphs, key=lambda g: g.value)
        if scan.default_triples or any(self._store.contains_named_graph(g) for g in graphs):
            return super().load_file(path)
        try:
            self._bulk_load(path, fmt)
        except (OSError, SyntaxError) as err:
            error = f"cannot load into {self._where()}: {err}"
            return LoadReport(str(path), (), 0, tuple((g.value, error) for g in graphs))
        return LoadReport(str(path), tuple(g.value for g in graphs), scan.quads, ())

    def _is_empty(self) -> bool:
        return next(self._store.quads_for_pattern(None, None, None), None) is None

    def _load_into_empty(self, path: str | Path, fmt: ox.RdfFormat) -> LoadReport | None:
        """Bulk-load a file into the empty store unchecked; None (and the store emptied
        again) when it fails or puts triples in the default graph."""
        try:
            self._bulk_load(path, fmt)
        except (OSError, SyntaxError, ValueError):
            self._store.clear()
            return None
        if next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
            self._store.clear()
            return None
        graphs = sorted(graph.value for graph in self._store.named_graphs())
        return LoadReport(str(path), tuple(graphs), len(self._store), ())

    def _bulk_load(self, path: str | Path, fmt: ox.RdfFormat) -> None:
        """``bulk_load`` the file; a large N-Quads file without blank nodes in parallel parts.

        Raises:
            OSError, SyntaxError: the first error of any part (the other parts still ran).
        """
        parts = min(2 * _cores(), os.path.getsize(path) // _MIN_PART_BYTES)
        if fmt != ox.RdfFormat.N_QUADS or parts < 2 or may_hold_blank_nodes(path):
            self._store.bulk_load(path=str(path), format=fmt)
            return
        errors: list[BaseException] = []

        def load(start: int, end: int) -> None:
            try:
                with io.BufferedReader(FileSlice(path, start, end), _READ_BUFFER) as part:
                    self._store.bulk_load(part, format=fmt)
            except (OSError, SyntaxError, ValueError) as err:
                errors.append(err)

        threads = [threading.Thread(target=load, args=span) for span in line_slices(path, parts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]

    def _graph_size(self, graph: ox.NamedNode) -> int:
        answer = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return int(next(answer)["n"].value)

    def _where(self) -> str:
        return "the in-memory store" if self.path is None else f"store {self.path}"

    def query(self, sparql: str, *, bindings: Mapping[str, Value] | None = None) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of the named graphs.

        The prefixes of ``kg.results.PREFIXES`` (``dip:``, ``dipr:``, ``rdfs:`` …)
        are predeclared.

        ``bindings`` bind variables to values (str, int, float, or ``"<iri>"``)
        without touching the query text: pyoxigraph's ``substitutions`` when
        it accepts them (it requires the variable to be in the SELECT
        projection), otherwise a ``VALUES`` block at the top of the WHERE
        clause (see ``kg.sparql``).

        Raises:
            QueryError: the query is not valid SPARQL (or is an update), or a
                binding is unusable.
            StoreError: the store failed while reading.

        >>> with open_store() as store:
        ...     store.query("SELECT ?n WHERE { BIND(?x + 1 AS ?n) }", bindings={"x": 41}).values()
        [{'n': '42'}]
        """
        options = {"use_default_graph_as_union": True, "prefixes": PREFIXES}
        query_form(sparql)  # an update is refused with a clear message
        try:
            if not bindings:
                return QueryResult.from_pyoxigraph(self._store.query(sparql, **options))
            terms = check_bindings(bindings)
            substitutions = {ox.Variable(name): term for name, term in terms.items()}
            try:
                answer = self._store.query(sparql, substitutions=substitutions, **options)
            except RuntimeError:  # a variable outside the projection: bind with VALUES
                answer = self._store.query(inject_values(sparql, terms), **options)
            return QueryResult.from_pyoxigraph(answer)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL query: {short_error(err)}") from err
        except OSError as err:
            raise StoreError(f"query failed on {self._where()}: {err}") from err

    def count(self) -> int:
        """The number of quads in the store.

        >>> open_store().count()
        0
        """
        return len(self._store)

    def graphs(self) -> list[str]:
        """The named graphs' IRIs, sorted."""
        return sorted(graph.value for graph in self._store.named_graphs())

    def close(self) -> None:
        """Flush to disk and release the directory lock."""
        store = self.__dict__.pop("_store", None)
        if store is not None and self.path is not None:
            store.flush()
        del store


def open_store(path: str | Path | None = None, *, endpoint: str | None = None,
               create: bool = True, **remote_opts) -> Store:
    """Open the embedded store at ``path`` (memory when both are None), or an endpoint.

    Args:
        path: directory of an on-disk pyoxigraph store.
        endpoint: URL of a SPARQL 1.1 query endpoint (see ``kg.remote.RemoteStore``
            for the update and Graph Store endpoints it derives).
        create: create a missing store directory (embedded only).
        **remote_opts: options of ``kg.remote.RemoteStore``.

    Raises:
        InputError: both a path and an endpoint, remote options without an
            endpoint, or an endpoint that is not http(s).
        StoreError: the store directory cannot be opened (e.g. locked).

    >>> with open_store() as store:
    ...     store.graphs()
    []
    """
    if endpoint is not None:
        if path is not None:
            raise InputError(f"give a store directory or an endpoint, not both ({path}, {endpoint})")
        from kg.remote import RemoteStore

        return RemoteStore(endpoint, **remote_opts)
    if remote_opts:
        raise InputError(f"options {', '.join(sorted(remote_opts))} need an endpoint")
    return EmbeddedStore(path, create=create)
