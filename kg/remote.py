"""A SPARQL 1.1 server as a store: Graph Store Protocol loads, Update fallback.

Endpoint conventions. ``endpoint`` is the *query* endpoint; the others are
derived from it unless given:

==========================  ====================  ==================  =====================
server (recognised by URL)  query                 update              Graph Store (GSP)
==========================  ====================  ==================  =====================
Oxigraph (``…/query``)      ``http://h:p/query``  ``http://h:p/update``  ``http://h:p/store``
Virtuoso (``…/sparql``)     ``http://h:p/sparql``  ``…/sparql``         none: SPARQL Update
anything else               the URL               the URL              none: SPARQL Update
==========================  ====================  ==================  =====================

Virtuoso's Graph Store endpoint (``/sparql-graph-crud-auth``) wants digest
authentication; pass ``gsp_endpoint=`` to use it or another server's.
``gsp_endpoint=""`` turns GSP off.

* A graph is replaced by ``PUT <gsp>?graph=IRI`` with an N-Triples body. When
  the server has no GSP endpoint (404, 405, 501) the store switches to SPARQL
  Update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``, then
  further ``INSERT DATA`` requests of ``batch_size`` triples (10,000 by
  default) for large graphs. That is not one transaction: a failure midway
  leaves part of the graph, and the next load replaces it again.
* Queries go by the SPARQL 1.1 Protocol (POST), asking for
  ``application/sparql-results+json`` or, for CONSTRUCT and DESCRIBE,
  ``application/n-triples``. For Oxigraph the ``union-default-graph``
  parameter makes the default graph the union of the named graphs;
  Virtuoso does this by itself.
* Credentials come only from the environment: ``KG_ENDPOINT_USER`` and
  ``KG_ENDPOINT_PASSWORD`` (HTTP basic) or ``KG_ENDPOINT_TOKEN`` (bearer).
  They are never taken from the URL and never appear in error messages.
* Requests time out; 5xx answers and connection errors are retried with
  exponential backoff (``retries`` tries in all).
"""
from __future__ import annotations

import base64
import os
import time
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.errors import InputError, QueryError, StoreError
from kg.rdffiles import N_TRIPLES, insert_data
from kg.results import PREFIXES, QueryResult
from kg.sparql import Value, inject_values, query_form, with_prefixes
from kg.store import BaseStore, Unreachable

_NO_GSP = {404, 405, 406, 415, 501}
_RESULTS_JSON = "application/sparql-results+json"


def endpoint_defaults(endpoint: str) -> tuple[str, str | None, bool]:
    """The (update endpoint, GSP endpoint or None, union-default-graph) for a query URL.

    Raises:
        InputError: not an http(s) URL, or credentials written in it.

    >>> endpoint_defaults("http://127.0.0.1:7878/query")
    ('http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store', True)
    >>> endpoint_defaults("http://127.0.0.1:8890/sparql")
    ('http://127.0.0.1:8890/sparql', None, False)
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"SPARQL endpoint must be an http:// or https:// URL, not {_redact(endpoint)!r}")
    if parts.username or parts.password:
        raise InputError(f"credentials in the endpoint URL {_redact(endpoint)} are refused: "
                         "set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or KG_ENDPOINT_TOKEN")
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        base = urlunsplit(parts._replace(path=path[: -len("query")], query="", fragment=""))
        return base + "update", base + "store", True
    return endpoint, None, False


def _redact(url: str) -> str:
    """A URL without any user:password part."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def credentials_from_env(environ: Mapping[str, str] | None = None) -> tuple[httpx.Auth | None, tuple[str, ...]]:
    """The auth to send and the secrets to keep out of messages, from the environment.

    Raises:
        InputError: only one of user and password, or both a token and a user.

    >>> auth, secrets = credentials_from_env({"KG_ENDPOINT_TOKEN": "t0k3n"})
    >>> type(auth).__name__, secrets
    ('_Bearer', ('t0k3n',))
    """
    env = os.environ if environ is None else environ
    user, password = env.get("KG_ENDPOINT_USER"), env.get("KG_ENDPOINT_PASSWORD")
    token = env.get("KG_ENDPOINT_TOKEN")
    if token and (user or password):
        raise InputError("set either KG_ENDPOINT_TOKEN or KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, not both")
    if token:
        return _Bearer(token), (token,)
    if bool(user) != bool(password):
        raise InputError("set both KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD for basic authentication")
    if user:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return httpx.BasicAuth(user, password), (token, password, user)
    return None, ()


class RemoteStore(BaseStore):
    """A SPARQL 1.1 server (Oxigraph, Virtuoso, Fuseki, GraphDB …) as a store.

    Args:
        endpoint: the query endpoint URL.
        update_endpoint: the SPARQL Update endpoint (default: see the module doc).
        gsp_endpoint: the Graph Store Protocol endpoint; ``""`` for none.
        union_default_graph: send Oxigraph's ``union-default-graph`` parameter
            (default: for ``…/query`` URLs).
        timeout: seconds for one request (connecting: at most 10).
        retries: tries in all for a request that meets a 5xx or no connection.
        backoff: seconds before the second try, doubled for each next one.
        batch_size: triples per ``INSERT DATA`` request in the Update fallback.
        environ: where to read credentials (default ``os.environ``).

    Raises:
        InputError: a bad URL or incomplete credentials.

    >>> RemoteStore("http://127.0.0.1:8890/sparql").gsp_endpoint is None
    True
    """

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, gsp_endpoint: str | None = None,
                 union_default_graph: bool | None = None, timeout: float = 60.0, retries: int = 3,
                 backoff: float = 0.5, batch_size: int = 10_000,
                 environ: Mapping[str, str] | None = None) -> None:
        update, gsp, union = endpoint_defaults(endpoint)
        for url in (update_endpoint, gsp_endpoint):
            if url:
                endpoint_defaults(url)
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or update
        self.gsp_endpoint = (gsp_endpoint or None) if gsp_endpoint is not None else gsp
        self.union_default_graph = union if union_default_graph is None else union_default_graph
        self.retries, self.backoff, self.batch_size = max(1, retries), backoff, max(1, batch_size)
        auth, self._secrets = credentials_from_env(environ)
        self._client = httpx.Client(auth=auth, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                    headers={"User-Agent": "diplomacy-kg"})

    # -- HTTP ------------------------------------------------------------

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """Send with retries; raise Unreachable when no answer comes back."""
        for attempt in range(self.retries):
            last = attempt == self.retries - 1
            try:
                response = self._client.request(method, url, **kwargs)
            except httpx.TimeoutException as err:
                reason = f"no answer within the timeout ({type(err).__name__})"
            except httpx.TransportError as err:
                text = str(err)
                reason = "connection refused" if "refused" in text.lower() else (text or type(err).__name__)
            else:
                if response.status_code < 500 or last:
                    return response
                reason = f"HTTP {response.status_code}"
            if last:
                raise Unreachable(self._scrub(f"cannot reach SPARQL endpoint {url}: {reason}"))
            time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _fail(self, response: httpx.Response, what: str, error: type[Exception] = StoreError) -> Exception:
        """An error for an unsuccessful answer, quoting the server (without secrets)."""
        code = response.status_code
        if code in (401, 403):
            return StoreError(f"SPARQL endpoint {response.request.url} refused access (HTTP {code}): "
                              "set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or KG_ENDPOINT_TOKEN")
        detail = " ".join(response.text.split())[:300]
        return error(self._scrub(f"{what} failed at {response.request.url} (HTTP {code}): {detail}"))

    # -- loading ---------------------------------------------------------

    def _put(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> int:
        if self.gsp_endpoint:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            response = self._request("PUT", self.gsp_endpoint, params={"graph": graph.value}, content=body,
                                     headers={"Content-Type": N_TRIPLES})
            if response.status_code in _NO_GSP:
                self.gsp_endpoint = None  # no Graph Store here: use SPARQL Update from now on
            elif response.is_success:
                return self._graph_size(graph)
            else:
                raise self._fail(response, f"replacing graph <{graph.value}>")
        # blank node labels are scoped to one request: such a graph goes in one piece
        has_bnodes = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                         for t in triples)
        size = len(triples) if has_bnodes else self.batch_size
        for start in range(0, max(len(triples), 1), max(size, 1)):
            self._update(insert_data(graph, triples[start:start + size], drop=start == 0), graph)
        return self._graph_size(graph)

    def _update(self, update: str, graph: ox.NamedNode) -> None:
        response = self._request("POST", self.update_endpoint, data={"update": update})
        if not response.is_success:
            raise self._fail(response, f"updating graph <{graph.value}>")

    def _graph_size(self, graph: ox.NamedNode) -> int:
        result = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return int(result.rows[0][0].value)

    # -- reading ---------------------------------------------------------

    def query(self, sparql: str, *, bindings: Mapping[str, Value] | None = None) -> QueryResult:
        """Run a query on the endpoint; ``bindings`` are joined as a ``VALUES`` block.

        The prefixes of ``kg.results.PREFIXES`` are declared ahead of the query.

        Raises:
            QueryError: not a query (e.g. an update), a bad binding, or the
                server rejected the query (HTTP 400).
            StoreError: the endpoint cannot be reached, refused access, or failed.
        """
        form = query_form(sparql)
        if bindings:
            sparql = inject_values(sparql, bindings)
        graph = form in ("construct", "describe")
        data = {"query": with_prefixes(sparql, PREFIXES)}
        if self.union_default_graph:
            data["union-default-graph"] = ""
        accept = f"{N_TRIPLES}, text/plain;q=0.5" if graph else _RESULTS_JSON
        response = self._request("POST", self.endpoint, data=data, headers={"Accept": accept})
        if response.status_code == 400:
            raise self._fail(response, "the query", QueryError)
        if not response.is_success:
            raise self._fail(response, "the query")
        try:
            if graph:
                media = response.headers.get("content-type", N_TRIPLES).split(";")[0].strip()
                fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
                return QueryResult(variables=("subject", "predicate", "object"),
                                   triples=tuple(q.triple for q in ox.parse(response.content, format=fmt)))
            answer = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"unreadable answer from {self.endpoint}: {err}") from err
        return QueryResult.from_pyoxigraph(answer)

    def count(self) -> int:
        """The number of triples in the endpoint's named graphs."""
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(result.rows[0][0].value)

    def graphs(self) -> list[str]:
        """The IRIs of the endpoint's non-empty named graphs, sorted."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0].value for row in result.rows)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()
