"""The embedded store, SPARQL helpers, result formats and the ``load``/``query`` commands."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.commands.store import load, query
from kg.errors import InputError, QueryError, StoreError
from kg.rdffiles import line_slices
from kg.results import QueryResult, format_result
from kg.sparql import inject_values, query_form
from kg.store import EmbeddedStore, LoadReport, open_store
from tests.test_queries import EN, FR, MINI

MINI_TRIPLES = 199
EN_TRIPLES = 97
NT = b'<https://example.org/a> <https://example.org/p> "x"@fr .\n<https://example.org/a> <https://example.org/q> "y" .\n'


@pytest.fixture
def store():
    with open_store() as store:
        yield store


def graph_size(store, graph: str) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(result.values()[0]["n"])


# -- loading never duplicates ------------------------------------------------


def test_loading_the_mini_graph_twice_changes_nothing(store):
    first = store.load_file(MINI)
    assert first.ok and first.graphs == (EN, FR) and first.triples == MINI_TRIPLES
    assert store.count() == MINI_TRIPLES
    second = store.load_file(MINI)
    assert second == first
    assert store.count() == MINI_TRIPLES and store.graphs() == [EN, FR]


def test_on_disk_store_keeps_the_graphs(tmp_path):
    with open_store(tmp_path / "kg") as store:
        store.load_file(MINI)
    with open_store(tmp_path / "kg") as store:
        store.load_file(MINI)
        assert store.count() == MINI_TRIPLES


def test_replace_one_article_graph(store):
    store.load_file(MINI)
    assert graph_size(store, EN) == EN_TRIPLES
    assert store.replace_graph(EN, NT) == 2
    assert graph_size(store, EN) == 2 and store.count() == MINI_TRIPLES - EN_TRIPLES + 2
    assert graph_size(store, FR) == MINI_TRIPLES - EN_TRIPLES


def test_replace_graph_accepts_turtle(store):
    turtle = b'@prefix ex: <https://example.org/> . ex:a ex:p "x", "y" .'
    assert store.replace_graph("https://example.org/g", turtle, format="text/turtle") == 2


def test_unparsable_data_leaves_the_old_graph(store):
    store.load_file(MINI)
    with pytest.raises(InputError, match="cannot parse"):
        store.replace_graph(EN, b"<https://example.org/a> <https://example.org/p> \"unterminated .\n")
    assert graph_size(store, EN) == EN_TRIPLES


class _FailingUpdates:
    """A pyoxigraph store whose writes fail, as a full disk would."""

    def __init__(self, store):
        self._store = store

    def update(self, *args, **kwargs):
        raise OSError("No space left on device")

    def __len__(self):
        return len(self._store)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_failed_write_leaves_the_old_graph(store):
    store.load_file(MINI)
    store._store = _FailingUpdates(store._store)
    with pytest.raises(StoreError, match="No space left on device") as err:
        store.replace_graph(EN, NT)
    assert EN in str(err.value)
    assert graph_size(store, EN) == EN_TRIPLES and store.count() == MINI_TRIPLES
    report = store.load_file(MINI)  # existing graphs: reported failed, the others untouched
    assert not report.ok and {g for g, _ in report.failed} == {EN, FR}
    assert store.count() == MINI_TRIPLES


def test_syntax_error_in_a_file_changes_nothing(store, tmp_path):
    store.load_file(MINI)
    bad = tmp_path / "bad.nq"
    bad.write_text(f'<https://example.org/a> <https://example.org/p> "x" <{EN}> .\n<oops> .\n')
    with pytest.raises(InputError, match=r"bad\.nq: cannot parse as N-Quads"):
        store.load_file(bad)
    assert store.count() == MINI_TRIPLES and graph_size(store, EN) == EN_TRIPLES


def test_unknown_extension_names_the_file(store, tmp_path):
    path = tmp_path / "graph.docx"
    path.write_text("nothing")
    with pytest.raises(InputError, match=r"graph\.docx: unknown RDF file extension \.docx"):
        store.load_file(path)


def test_triples_only_file_goes_to_the_files_graph(store, tmp_path):
    path = tmp_path / "plain.nt"
    path.write_bytes(NT)
    report = store.load_file(path)
    assert report.graphs == (path.resolve().as_uri(),)
    store.load_file(path)
    assert store.count() == 2


@pytest.mark.parametrize("name, named", [
    ("mixed.trig", '<https://example.org/g> { <https://example.org/a> <https://example.org/p> "y" }'),
    ("mixed.nq", '<https://example.org/a> <https://example.org/p> "y" <https://example.org/g> .'),
])
def test_default_graph_triples_of_a_dataset_go_to_the_files_graph(store, tmp_path, name, named):
    path = tmp_path / name
    path.write_text(f'<https://example.org/a> <https://example.org/p> "x" .\n{named}\n')
    report = store.load_file(path)
    assert set(report.graphs) == {"https://example.org/g", path.resolve().as_uri()}
    assert store.count() == 2


# -- parallel bulk loads of large N-Quads files -------------------------------


def _quads(store) -> set[str]:
    return {str(q) for q in store._store}


def _many_graphs(path: Path, graphs: int = 40, lines: int = 25) -> Path:
    rows = [f'<https://example.org/s{i}> <https://example.org/p> "{g}-{i} « é »"@fr <https://example.org/g{g}> .'
            for g in range(graphs) for i in range(lines)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of 2 kB, so that a small file takes the parallel path."""
    monkeypatch.setattr("kg.store._MIN_PART_BYTES", 2048)


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_file_loaded_in_parts_equals_one_load(tmp_path, small_parts, on_disk):
    path = _many_graphs(tmp_path / "many.nq")
    reference = ox.Store()
    reference.load(path=path, format=ox.RdfFormat.N_QUADS)
    with open_store(tmp_path / "kg" if on_disk else None) as store:
        report = store.load_file(path)
        assert report.ok and report.triples == len(reference) == 1000
        assert report.graphs == tuple(sorted(f"https://example.org/g{g}" for g in range(40)))
        assert _quads(store) == {str(q) for q in reference}
        store.load_file(path)  # a second load replaces the same graphs
        assert _quads(store) == {str(q) for q in reference}


def test_a_file_loaded_in_parts_next_to_other_graphs(store, tmp_path, small_parts):
    store.load_file(MINI)
    report = store.load_file(_many_graphs(tmp_path / "many.nq"))
    assert report.ok and len(report.graphs) == 40 and store.count() == MINI_TRIPLES + 1000


def test_blank_nodes_keep_one_identity_across_the_file(store, tmp_path, small_parts):
    path = _many_graphs(tmp_path / "blank.nq")
    with path.open("a") as file:  # one blank node named at both ends of the file
        file.write('_:b1 <https://example.org/last> "z" <https://example.org/g0> .\n')
    text = path.read_text()
    path.write_text('_:b1 <https://example.org/first> "a" <https://example.org/g0> .\n' + text)
    store.load_file(path)
    answer = store.query("SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p ?o FILTER isBlank(?b) }").values()
    assert answer == [{"n": "1"}]


def test_syntax_error_late_in_a_file_leaves_the_empty_store_empty(store, tmp_path, small_parts):
    path = _many_graphs(tmp_path / "late.nq")
    with path.open("a") as file:
        file.write("<oops> .\n")
    with pytest.raises(InputError, match=r"late\.nq: cannot parse as N-Quads.*1001"):
        store.load_file(path)
    assert store.count() == 0


@pytest.mark.parametrize("parts", [1, 2, 3, 7, 50])
def test_line_slices_cover_the_file_on_line_boundaries(tmp_path, parts):
    path = tmp_path / "lines.nq"
    data = b"".join(b"x" * (i % 13) + b"\n" for i in range(40))
    path.write_bytes(data)
    slices = line_slices(path, parts)
    assert slices[0][0] == 0 and slices[-1][1] == len(data) and len(slices) <= parts
    for (_, end), (start, _) in zip(slices, slices[1:]):
        assert end == start and data[end - 1:end] == b"\n"


def test_load_report_text():
    report = LoadReport("x.nq", ("g1", "g2"), 10, (("g3", "HTTP 500"),))
    assert str(report) == "x.nq: 2 graphs, 10 triples loaded\n  failed <g3>: HTTP 500"


# -- opening -------------------------------------------------------------------


def test_locked_directory_names_it(tmp_path):
    path = tmp_path / "kg"
    with open_store(path):
        with pytest.raises(StoreError, match=f"store directory {path} is locked"):
            open_store(path)
        code = f"from kg.store import open_store\nopen_store({str(path)!r})"
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert other.returncode != 0 and f"store directory {path} is locked by another process" in other.stderr
    with open_store(path) as store:  # closing released the lock
        assert store.count() == 0


def test_missing_store_for_queries(tmp_path):
    with pytest.raises(StoreError, match="no store directory"):
        open_store(tmp_path / "nope", create=False)


def test_open_store_arguments():
    with pytest.raises(InputError, match="not both"):
        open_store("dir", endpoint="http://127.0.0.1:1/query")
    with pytest.raises(InputError, match="need an endpoint"):
        open_store(timeout=3)
    assert isinstance(open_store(), EmbeddedStore)


# -- queries -------------------------------------------------------------------


def test_union_default_graph_and_query_kinds(store):
    store.load_file(MINI)
    assert store.query("ASK { ?s dip:rejects ?o }").boolean is True
    graph = store.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a dip:Plan ; rdfs:label ?l }")
    assert graph.kind == "graph" and len(graph) == 1
    assert store.query("DESCRIBE <https://w3id.org/dipkg/id/actor/riyadh>").kind == "graph"


def test_bindings_of_each_type(store):
    store.load_file(MINI)
    sparql = "SELECT ?s WHERE { GRAPH ?g { ?s dip:size ?size ; rdfs:label ?l } }"
    assert len(store.query(sparql, bindings={"size": 30000})) == 1
    assert len(store.query(sparql, bindings={"size": "30000"})) == 0  # a string is no integer
    iri = "<https://w3id.org/dipkg/id/actor/kremlin>"
    assert store.query("SELECT DISTINCT ?o WHERE { ?s dip:governmentOf ?o }", bindings={"s": iri}).values() == [
        {"o": "https://w3id.org/dipkg/id/actor/russia"}]


def test_projected_bindings_use_substitution(store):
    assert store.query("SELECT ?x WHERE {}", bindings={"x": "a"}).values() == [{"x": "a"}]


@pytest.mark.parametrize("bad", ["1x", "a b", "x}"])
def test_bad_parameter_names(store, bad):
    with pytest.raises(QueryError, match="invalid parameter name"):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", bindings={bad: "v"})


def test_invalid_iri_parameter(store):
    with pytest.raises(QueryError, match="invalid IRI parameter"):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", bindings={"o": "<not an iri>"})


def test_updates_are_not_queries(store):
    store.load_file(MINI)
    for text in ["DROP ALL", "CLEAR DEFAULT", 'INSERT DATA { <urn:a> <urn:b> "c" }']:
        with pytest.raises(QueryError):
            store.query(text)
    assert store.count() == MINI_TRIPLES


def test_syntax_error_is_short(store):
    with pytest.raises(QueryError, match=r"^invalid SPARQL query: error at 1:17") as err:
        store.query("SELECT * WHERE {")
    assert "\n" not in str(err.value) and len(str(err.value)) < 250


@pytest.mark.parametrize("sparql, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("PREFIX ex: <http://example.org/where#> # DESCRIBE\nASK { ?s ex:select 'CONSTRUCT' }", "ask"),
    ("construct { ?s ?p ?o } where { ?s ?p ?o }", "construct"),
    ("BASE <http://example.org/> DESCRIBE <a>", "describe"),
])
def test_query_form(sparql, form):
    assert query_form(sparql) == form


@pytest.mark.parametrize("sparql, expected", [
    ("SELECT ?x WHERE { ?x ?p ?o }", 'SELECT ?x WHERE { VALUES (?n) { ("v") } ?x ?p ?o }'),
    ("SELECT ?x { ?x ?p '}' }", "SELECT ?x { VALUES (?n) { (\"v\") } ?x ?p '}' }"),
    ("CONSTRUCT { ?x ?p ?o } { ?x ?p ?o }", 'CONSTRUCT { ?x ?p ?o } { VALUES (?n) { ("v") } ?x ?p ?o }'),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }",
     'CONSTRUCT { ?x ?p ?o } WHERE { VALUES (?n) { ("v") } ?x ?p ?o }'),
    ("# a { comment\nASK { ?x ?p ?o }", '# a { comment\nASK { VALUES (?n) { ("v") } ?x ?p ?o }'),
    ("SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } }",
     'SELECT ?x WHERE { VALUES (?n) { ("v") } { SELECT ?x WHERE { ?x ?p ?o } } }'),
])
def test_values_go_to_the_top_of_the_where_clause(sparql, expected):
    assert inject_values(sparql, {"n": "v"}) == expected


# -- result formats ------------------------------------------------------------


@pytest.fixture
def result(store) -> QueryResult:
    store.load_file(MINI)
    return store.query("SELECT ?who ?what ?size WHERE { GRAPH ?g { ?who dip:rejects|dip:opposes ?what . "
                       "OPTIONAL { ?what dip:size ?size } } } ORDER BY ?who")


def test_table_is_compact_and_aligned(result):
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == ["who", "what", "size"]
    assert lines[2].split() == ["dipr:actor/kremlin", "dipr:thing/mini-fr-001-a1b2c3d4e5f6", "30000"]
    assert lines[3].split() == ["dipr:actor/russia", "dipr:thing/mini-en-002-f6e5d4c3b2a1"]
    assert len({line.index("what") if i == 0 else len(line[: lines[0].index("what")]) for i, line in
                enumerate(lines)}) == 1


def test_csv_and_tsv(result):
    csv = format_result(result, "csv").splitlines()
    assert csv[0] == "who,what,size"
    assert csv[1] == ("https://w3id.org/dipkg/id/actor/kremlin,"
                      "https://w3id.org/dipkg/id/thing/mini-fr-001-a1b2c3d4e5f6,30000")
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?who\t?what\t?size"
    assert tsv[1].endswith('\t"30000"^^<http://www.w3.org/2001/XMLSchema#integer>')
    assert tsv[2].endswith("\t")  # unbound


def test_json_is_sparql_results_json(result):
    text = format_result(result, "json")
    doc = json.loads(text)
    assert doc["head"]["vars"] == ["who", "what", "size"]
    assert doc["results"]["bindings"][0]["size"] == {
        "type": "literal", "value": "30000", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert "size" not in doc["results"]["bindings"][1]
    parsed = ox.parse_query_results(text.encode(), format=ox.QueryResultsFormat.JSON)
    assert QueryResult.from_pyoxigraph(parsed) == result


def test_graph_formats(store):
    store.load_file(MINI)
    graph = store.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a dip:Plan ; rdfs:label ?l }")
    assert "dipr:thing\\/mini-fr-001-a1b2c3d4e5f6 rdfs:label" in format_result(graph, "ttl")
    assert format_result(graph, "nt").count(" .\n") == 1
    assert json.loads(format_result(graph, "json"))[0]["@id"].endswith("a1b2c3d4e5f6")
    assert format_result(graph, "table").splitlines()[0].split() == ["subject", "predicate", "object"]
    with pytest.raises(QueryError, match="needs a CONSTRUCT or DESCRIBE"):
        format_result(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "ttl")


def test_ask_formats(store):
    answer = store.query("ASK { ?s ?p ?o }")
    assert format_result(answer, "table") == "false\n"
    assert json.loads(format_result(answer, "json")) == {"head": {}, "boolean": False}


def test_unknown_format():
    with pytest.raises(QueryError, match="unknown result format 'xml'"):
        format_result(QueryResult(), "xml")


# -- the commands --------------------------------------------------------------


def invoke(command, *args):
    return CliRunner().invoke(command, [str(a) for a in args])


def test_cli_load_twice_then_query(tmp_path):
    store = tmp_path / "kg"
    for _ in range(2):
        out = invoke(load, MINI, "--store", store)
        assert out.exit_code == 0, out.output
        assert out.output.endswith(f"store: 2 graphs, {MINI_TRIPLES} triples\n")
    out = invoke(query, "who-rejects-what", "--store", store, "--format", "csv")
    assert out.exit_code == 0 and out.output.count("\n") == 3
    out = invoke(query, "actor-timeline", "--store", store, "--param", "name=Russia")
    assert out.exit_code == 0 and "dip:meetsWith" in out.output


def test_cli_query_a_file_with_graph(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT ?l WHERE { ?p a dip:Plan ; rdfs:label ?l }")
    out = invoke(query, path, "--graph", MINI, "--format", "tsv")
    assert out.exit_code == 0
    assert out.output == '?l\n"plan visant à envoyer 30000 troupes européennes en Ukraine"@fr\n'


def test_cli_hostile_param_changes_nothing(tmp_path):
    store = tmp_path / "kg"
    invoke(load, MINI, "--store", store)
    out = invoke(query, "actor-timeline", "--store", store, "--param", 'name=" } ; DROP ALL', "--format", "csv")
    assert out.exit_code == 0 and out.output == "date,subject,relation,object,evidence,article\n"
    with open_store(store) as opened:
        assert opened.count() == MINI_TRIPLES


@pytest.mark.parametrize("args, message", [
    (["actor-timeline", "--graph", MINI], "Error: query actor-timeline needs --param name=…"),
    (["who-rejects-whom", "--graph", MINI], "Error: no query file or canned query named 'who-rejects-whom'"),
    (["SELECT * {", "--graph", MINI], "Error: invalid SPARQL query: error at 1:11"),
    (["DROP ALL", "--graph", MINI], "Error: only queries are run here, not SPARQL updates (DROP …)"),
    (["who-rejects-what", "--store", "/nonexistent/kg"], "Error: no store directory at /nonexistent/kg"),
    (["who-rejects-what", "--endpoint", "ftp://127.0.0.1/sparql"], "Error: SPARQL endpoint must be an http"),
])
def test_cli_query_errors(args, message):
    out = invoke(query, *args)
    assert out.exit_code == 1 and out.output.startswith(message), out.output
    assert "Traceback" not in out.output


def test_cli_needs_exactly_one_store(tmp_path):
    assert invoke(query, "meetings").exit_code == 2
    assert invoke(query, "meetings", "--graph", MINI, "--store", tmp_path).exit_code == 2
    assert invoke(load, MINI).exit_code == 2


def test_cli_list_and_help():
    out = invoke(query, "--list")
    assert out.exit_code == 0 and "actor-timeline --param name=…" in out.output
    for command in (load, query):
        help_text = invoke(command, "-h").output
        assert "Example: kg " in help_text


def test_unknown_extension_via_cli(tmp_path):
    path = tmp_path / "notes.txt2"
    path.write_text("x")
    out = invoke(load, path, "--store", tmp_path / "kg")
    assert out.exit_code == 1 and out.output.startswith(f"Error: {path}: unknown RDF file extension")


def test_package_paths_exist():
    assert Path(__file__).resolve().parent.parent.joinpath("kg", "data", "queries").is_dir()
