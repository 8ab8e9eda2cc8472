"""A SPARQL 1.1 server as a store: an Oxigraph server on loopback, and tiny fake servers.

The Oxigraph server (``oxigraph serve`` from the virtualenv) is started once
per session on a free loopback port and killed at the end.
"""
from __future__ import annotations

import base64
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kg.commands.store import load, query
from kg.errors import InputError, QueryError, StoreError
from kg.remote import RemoteStore, credentials_from_env, endpoint_defaults
from kg.store import open_store
from tests.test_queries import EN, MINI, PARAMS, rows, run_canned
from tests.test_queries import canned_queries as _canned

pytestmark = pytest.mark.server
OXIGRAPH = Path(sys.executable).with_name("oxigraph")
MINI_TRIPLES = 199


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """``oxigraph serve`` on 127.0.0.1:PORT; yields its base URL."""
    if not OXIGRAPH.exists():
        pytest.skip(f"no oxigraph server binary at {OXIGRAPH} (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / "oxigraph.log").open("wb")
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # at most ~20 s
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}")
            try:
                if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("oxigraph serve did not answer within 20 s")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture
def endpoint(oxigraph_server) -> str:
    """The query endpoint of an emptied server."""
    httpx.post(f"{oxigraph_server}/update", data={"update": "DROP ALL"}, timeout=10).raise_for_status()
    return f"{oxigraph_server}/query"


@pytest.fixture
def remote(endpoint):
    with open_store(endpoint=endpoint) as store:
        yield store


@pytest.fixture(scope="module")
def embedded():
    with open_store() as store:
        store.load_file(MINI)
        yield store


# -- the Oxigraph server ---------------------------------------------------------


def test_endpoint_conventions(oxigraph_server):
    store = RemoteStore(f"{oxigraph_server}/query")
    assert (store.update_endpoint, store.gsp_endpoint) == (f"{oxigraph_server}/update", f"{oxigraph_server}/store")
    assert store.union_default_graph


def test_load_mini_twice_keeps_the_count(remote, embedded):
    first = remote.load_file(MINI)
    assert first.ok and first.triples == MINI_TRIPLES
    assert remote.count() == MINI_TRIPLES
    assert remote.load_file(MINI) == first
    assert remote.count() == MINI_TRIPLES and remote.graphs() == embedded.graphs()


@pytest.mark.parametrize("name", sorted(_canned()))
def test_example_queries_give_the_same_rows(remote, embedded, name):
    remote.load_file(MINI)
    expected = rows(run_canned(embedded, name))
    assert expected and rows(run_canned(remote, name)) == expected


def test_default_graph_is_the_union(remote):
    remote.load_file(MINI)
    assert remote.query("ASK { ?s dip:rejects ?o }").boolean is True
    graph = remote.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a dip:Plan ; rdfs:label ?l }")
    assert graph.kind == "graph" and len(graph) == 1


def test_replace_graph_by_graph_store_protocol(remote):
    remote.load_file(MINI)
    nt = b'<https://example.org/a> <https://example.org/p> "x" .\n'
    assert remote.replace_graph(EN, nt) == 1
    assert remote.count() == MINI_TRIPLES - 97 + 1


def test_update_fallback_in_batches(endpoint, embedded):
    with open_store(endpoint=endpoint, gsp_endpoint="", batch_size=10) as store:
        assert store.gsp_endpoint is None
        assert store.load_file(MINI).triples == MINI_TRIPLES
        assert store.load_file(MINI).ok
        assert store.count() == MINI_TRIPLES
        assert rows(run_canned(store, "proposals")) == rows(run_canned(embedded, "proposals"))


def test_missing_graph_store_endpoint_switches_to_update(endpoint, oxigraph_server):
    with open_store(endpoint=endpoint, gsp_endpoint=f"{oxigraph_server}/no-such-store") as store:
        assert store.load_file(MINI).ok
        assert store.gsp_endpoint is None and store.count() == MINI_TRIPLES


def test_hostile_parameter_remote(remote):
    remote.load_file(MINI)
    for name in ['Kremlin" } ; DROP ALL', "\\u0022 } ; DROP ALL #"]:
        assert len(run_canned(remote, "actor-timeline", name=name)) == 0
    assert len(run_canned(remote, "actor-timeline", **PARAMS["actor-timeline"])) == 2
    assert remote.count() == MINI_TRIPLES


def test_query_errors_from_the_server(remote):
    with pytest.raises(QueryError, match=r"HTTP 400"):
        remote.query("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="not SPARQL updates"):
        remote.query("DROP ALL")


def test_cli_against_the_server(endpoint):
    runner = CliRunner()
    for _ in range(2):
        out = runner.invoke(load, [str(MINI), "--endpoint", endpoint])
        assert out.exit_code == 0, out.output
        assert out.output.endswith(f"store: 2 graphs, {MINI_TRIPLES} triples\n")
    out = runner.invoke(query, ["office-holders", "--endpoint", endpoint, "--format", "csv"])
    assert out.exit_code == 0 and "Keir Starmer,https://w3id.org/dipkg/onto#headOfGovernmentOf,Royaume-Uni" in out.output


# -- servers that are down or picky ------------------------------------------------


def test_server_that_is_down_is_an_error_not_a_traceback():
    url = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    out = CliRunner().invoke(query, ["who-rejects-what", "--endpoint", url])
    assert out.exit_code == 1
    assert out.output == f"Error: cannot reach SPARQL endpoint {url}: connection refused\n"
    out = CliRunner().invoke(load, [str(MINI), "--endpoint", url])
    assert out.exit_code == 1 and out.output.startswith("Error: cannot reach SPARQL endpoint http://127.0.0.1:")


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request from a script of (status, body); records the requests."""

    script: list[tuple[int, bytes]] = []
    seen: list[dict] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        status, payload = type(self).script.pop(0) if type(self).script else (200, b'{"head":{},"boolean":true}')
        payload = payload.replace(b"$AUTH", (self.headers.get("Authorization") or "").encode())
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_server():
    Recorder.script, Recorder.seen = [], []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


SECRET = "s3cr3t-Pa55"


def test_basic_auth_is_sent_and_never_shown(fake_server, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_USER", "analyst")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", SECRET)
    token = base64.b64encode(f"analyst:{SECRET}".encode()).decode()
    with open_store(endpoint=f"{fake_server}/sparql") as store:
        assert store.query("ASK {}").boolean is True
    assert Recorder.seen[0]["auth"] == f"Basic {token}"
    # a server that echoes the credentials in its errors, then refuses them
    Recorder.script = [(400, b"bad query from $AUTH " + SECRET.encode()), (401, b"who are you, $AUTH?")]
    runner = CliRunner()
    for expected in ("HTTP 400", "refused access (HTTP 401)"):
        out = runner.invoke(query, ["ASK {}", "--endpoint", f"{fake_server}/sparql"])
        assert out.exit_code == 1 and expected in out.output
        assert SECRET not in out.output and token not in out.output and "Traceback" not in out.output


def test_bearer_token(fake_server, monkeypatch):
    monkeypatch.setenv("KG_ENDPOINT_TOKEN", SECRET)
    Recorder.script = [(500, b"oops " + SECRET.encode())] * 3
    store = RemoteStore(f"{fake_server}/sparql", backoff=0.01)
    with pytest.raises(StoreError) as err:
        store.query("ASK {}")
    assert SECRET not in str(err.value)
    assert Recorder.seen[0]["auth"] == f"Bearer {SECRET}"


def test_retries_5xx_with_backoff(fake_server):
    Recorder.script = [(503, b"busy"), (502, b"busy")]
    store = RemoteStore(f"{fake_server}/sparql", backoff=0.01)
    assert store.query("ASK {}").boolean is True
    assert len(Recorder.seen) == 3


def test_update_fallback_reports_failed_graphs_and_goes_on(fake_server):
    # Update endpoint: the first graph's update fails, the other's works; counts answer 7
    count = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [
        {"n": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}})
    Recorder.script = [(400, b"no"), (200, b""), (200, count.encode())]
    store = RemoteStore(f"{fake_server}/sparql")
    report = store.load_file(MINI)
    assert report.graphs == ("https://w3id.org/dipkg/id/article/mini-fr-001",) and report.triples == 7
    assert report.failed[0][0] == EN and "HTTP 400" in report.failed[0][1]
    assert b"DROP+SILENT+GRAPH" in Recorder.seen[0]["body"]


def test_credentials_are_only_from_the_environment():
    with pytest.raises(InputError) as err:
        endpoint_defaults(f"http://analyst:{SECRET}@127.0.0.1:7878/query")
    assert SECRET not in str(err.value) and "KG_ENDPOINT_USER" in str(err.value)
    with pytest.raises(InputError, match="both"):
        credentials_from_env({"KG_ENDPOINT_USER": "analyst"})
    with pytest.raises(InputError, match="not both"):
        credentials_from_env({"KG_ENDPOINT_TOKEN": "t", "KG_ENDPOINT_USER": "u", "KG_ENDPOINT_PASSWORD": "p"})
    assert credentials_from_env({}) == (None, ())


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/sparql", "file:///tmp/store", "127.0.0.1:7878/query"])
def test_only_http_endpoints(url):
    with pytest.raises(InputError, match="http:// or https://"):
        RemoteStore(url)
