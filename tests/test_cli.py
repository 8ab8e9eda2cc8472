"""The ``kg`` command through ``CliRunner``: build, formats, bad inputs, evaluate, explain, help."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from rdflib.util import guess_format

from tests.helpers import to_rdflib
from kg.cli import main
from kg.vocab import DIP

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SENTENCE = "Moscou a rejeté la proposition américaine."
GERMAN = ("Der Kreml hat am Donnerstag den Vorschlag der Europäer abgelehnt. Die Bundesregierung "
          "will nun mit Paris und London über weitere Sanktionen gegen Russland sprechen.")
FORMATS = [".ttl", ".nt", ".nq", ".trig", ".jsonld"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path) -> Path:
    """A one-sentence French article."""
    path = tmp_path / "moscou.txt"
    path.write_text(SENTENCE + "\n", encoding="utf-8")
    return path


def kg(runner: CliRunner, *args) -> click.testing.Result:
    return runner.invoke(main, [str(a) for a in args])


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Error:")]


def rdflib_triples(path: Path) -> set:
    ds = Dataset(default_union=True)
    ds.parse(str(path), format=guess_format(str(path)))
    return set(ds.triples((None, None, None)))




def oxigraph_triples(path: Path) -> set:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    return {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
            for q in ox.parse(path=str(path), format=fmt)}


# -- build ----------------------------------------------------------------------

def test_build_seeds_to_turtle(runner, tmp_path):
    out = tmp_path / "X.ttl"
    result = kg(runner, "build", ROOT / "seeds", "-o", out)
    assert result.exit_code == 0, result.output
    assert re.search(r"^1 documents \(0 unchanged, reused\), \d+ sentences, [1-9]\d* statements, 0 errors",
                     result.output, re.M)
    g = Graph().parse(out, format="turtle")
    assert (None, DCTERMS.identifier, Literal("000_e8b4b98b5a399a37")) in g
    assert len(set(g.subjects(RDF.type, RDF.Statement))) >= 10


@pytest.fixture(scope="module")
def shared_article(tmp_path_factory) -> Path:
    """The one-sentence article in a folder shared by the format tests (its path is in the graph)."""
    path = tmp_path_factory.mktemp("formats") / "moscou.txt"
    path.write_text(SENTENCE + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(shared_article) -> set:
    """The triples of the one-sentence article built to N-Quads."""
    out = shared_article.with_name("reference.nq")
    result = CliRunner().invoke(main, ["build", str(shared_article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    triples = rdflib_triples(out)
    assert any(p == DIP.rejects for _, p, _ in triples)
    return triples


@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_parses_back_with_rdflib_and_oxigraph(runner, shared_article, reference, suffix):
    out = shared_article.with_name(f"graph{suffix}")
    result = kg(runner, "build", shared_article, "-o", out)
    assert result.exit_code == 0, result.output
    assert not out.with_name(out.name + ".partial").exists()
    assert rdflib_triples(out) == reference
    assert oxigraph_triples(out) == reference


@pytest.mark.parametrize("name", ["graph.xml", "graph", "graph.rdf", "graph.json"])
def test_unknown_output_extension(runner, article, tmp_path, name):
    out = tmp_path / name
    result = kg(runner, "build", article, "-o", out)
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "unknown output format" in line and ".ttl" in line
    assert not out.exists() and not out.with_name(out.name + ".partial").exists()


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "empty": (b"", "empty document"),
    "whitespace": (b"  \n\t \r\n  ", "empty document"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "latin-1": (SENTENCE.encode("latin-1"), "not valid UTF-8"),
}


@pytest.mark.parametrize("suffix", [".ttl", ".nq"])
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_fails_and_leaves_no_output(runner, tmp_path, case, suffix):
    data, reason = BAD_INPUTS[case]
    path = tmp_path / f"{case}.txt"
    if data is not None:
        path.write_bytes(data)
    out = tmp_path / "out" / f"graph{suffix}"
    result = kg(runner, "build", path, "-o", out)
    assert result.exit_code == 1, result.output
    [line] = error_lines(result)
    assert str(path) in line and reason in line
    assert not out.exists(), "a failed build left an output file"
    assert not out.with_name(out.name + ".partial").exists(), "a failed build left a .partial file"


@pytest.mark.parametrize("encoding", ["latin-1", "auto"])
def test_latin1_builds_with_an_encoding(runner, tmp_path, encoding):
    path = tmp_path / "latin.txt"
    path.write_bytes(SENTENCE.encode("latin-1"))
    out = tmp_path / "graph.nq"
    result = kg(runner, "build", path, "-o", out, "--encoding", encoding)
    assert result.exit_code == 0, result.output
    triples = rdflib_triples(out)
    assert {o for _, p, o in triples if p == DIP.evidence} == {Literal(SENTENCE, lang="fr")}
    assert any(p == DIP.rejects for _, p, _ in triples)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A JSONL corpus with a malformed second line."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": SENTENCE, "lang": "fr"}) + "\n"
                    + '{"id": "b", "text": "Le Kremlin a refusé\n'
                    + json.dumps({"id": "c", "text": "Le Kremlin a rejeté la proposition.", "lang": "fr"}) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_with_a_malformed_line_builds_the_good_documents(runner, tmp_path, corpus):
    out = tmp_path / "graph.nq"
    result = kg(runner, "build", corpus, "-o", out)
    assert result.exit_code == 0, result.output
    assert re.search(rf"^warning: {re.escape(str(corpus))}:2: malformed JSONL line", result.output, re.M)
    assert "2 documents" in result.output and "1 errors" in result.output
    ids = {str(o) for _, p, o in rdflib_triples(out) if p == DCTERMS.identifier}
    assert ids == {"a", "c"}


def test_jsonl_with_a_malformed_line_strict(runner, tmp_path, corpus):
    result = kg(runner, "build", corpus, "-o", tmp_path / "graph.nq", "--strict")
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "1 bad documents" in line
    assert f"{corpus}:2" in result.output


def test_jsonl_with_a_malformed_line_on_error_fail(runner, tmp_path, corpus):
    result = kg(runner, "build", corpus, "-o", tmp_path / "graph.nq", "--on-error", "fail")
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"Error: {corpus}:2: malformed JSONL line")


def test_unsupported_language_is_reported(runner, tmp_path):
    path = tmp_path / "deutsch.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = tmp_path / "graph.nq"
    result = kg(runner, "build", path, "-o", out)
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert str(path) in line and "'de'" in line and "not supported" in line
    assert not out.exists()


def test_unsupported_language_among_good_documents_is_skipped(runner, tmp_path, article):
    path = tmp_path / "deutsch.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = tmp_path / "graph.nq"
    result = kg(runner, "build", article, path, "-o", out)
    assert result.exit_code == 0, result.output
    assert re.search(rf"^warning: {re.escape(str(path))}: language 'de' is not supported", result.output, re.M)
    ids = {str(o) for _, p, o in rdflib_triples(out) if p == DCTERMS.identifier}
    assert ids == {"moscou"}


def test_html_page_is_built_from_its_visible_text(runner, tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html><head><title>Le Monde</title><script>var menu = 'Moscou';</script>"
                    "</head><body><nav>Accueil International</nav>"
                    f"<p>{SENTENCE.replace('é', '&eacute;')}</p><footer>Abonnez-vous</footer></body></html>",
                    encoding="utf-8")
    out = tmp_path / "graph.nq"
    result = kg(runner, "build", path, "-o", out)
    assert result.exit_code == 0, result.output
    triples = rdflib_triples(out)
    assert {str(o) for _, p, o in triples if p == DCTERMS.identifier} == {"page"}
    assert {o for _, p, o in triples if p == DIP.evidence} == {Literal(SENTENCE, lang="fr")}
    assert any(p == DIP.rejects for _, p, _ in triples)
    text = " ".join(str(o) for _, _, o in triples if isinstance(o, Literal))
    assert not re.search(r"<|Accueil|Abonnez|var menu", text)


# -- evaluate, explain --------------------------------------------------------------

def test_evaluate_seed(runner, seed_ttl):
    result = kg(runner, "evaluate", SHARED / "eval" / "seed-gold.jsonl", seed_ttl)
    assert result.exit_code == 0, result.output
    typed = re.search(r"^typed +P=(\d\.\d{3}) R=(\d\.\d{3}) F1=(\d\.\d{3}) \(tp=(\d+) fp=(\d+) gold=15 ",
                      result.output, re.M)
    assert typed, result.output
    assert float(typed.group(3)) > 0.5
    assert re.search(r"^untyped P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}$", result.output, re.M)


def test_evaluate_missing_gold(runner, seed_ttl, tmp_path):
    result = kg(runner, "evaluate", tmp_path / "nope.jsonl", seed_ttl)
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {tmp_path / 'nope.jsonl'}: no such file"]


def _seed_statements(seed_ttl) -> Graph:
    return Graph().parse(seed_ttl, format="turtle")


def test_explain_every_seed_statement(runner, seed_ttl):
    g = _seed_statements(seed_ttl)
    stmts = sorted(g.subjects(RDF.type, RDF.Statement))
    assert stmts
    for stmt in stmts:
        result = kg(runner, "explain", stmt, "--graph", seed_ttl)
        assert result.exit_code == 0, result.output
        out = result.output
        assert f"sentence:   {g.value(stmt, DIP.evidence)}" in out
        assert f"rule:       {g.value(stmt, DIP.rule)}" in out
        assert f"lexicon:    {g.value(stmt, DIP.lexiconEntry)}" in out
        assert f"--{str(g.value(stmt, RDF.predicate)).rsplit('#', 1)[-1]}-->" in out
        assert "000_e8b4b98b5a399a37" in out


@pytest.mark.parametrize(("statement", "message"), [
    ("https://w3id.org/dipkg/id/stmt/0000000000000000", "no statement https://w3id.org/dipkg/id/stmt/0000000000000000"),
    ("not an iri", "not an IRI: 'not an iri'"),
])
def test_explain_unknown_statement(runner, seed_ttl, statement, message):
    result = kg(runner, "explain", statement, "--graph", seed_ttl)
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert message in line


def test_explain_unreadable_graph(runner, tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("this is not turtle <<<", encoding="utf-8")
    result = kg(runner, "explain", "https://w3id.org/dipkg/id/stmt/0000000000000000", "--graph", path)
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert str(path) in line and "cannot read the graph" in line


# -- help -------------------------------------------------------------------------

def _commands(group: click.Group, path=()):
    for name, cmd in sorted(group.commands.items()):
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))


COMMANDS = list(_commands(main))


def test_the_build_commands_are_registered():
    assert {"build", "evaluate", "explain"} <= {path[0] for path, _ in COMMANDS}


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(runner, path, cmd):
    assert cmd.help and cmd.help.strip(), f"kg {' '.join(path)} has no help"
    if not isinstance(cmd, click.Group):
        assert re.search(r"^\s*Example: kg \S", cmd.help, re.M), f"kg {' '.join(path)} has no Example: line"
    for flag in ("-h", "--help"):
        result = runner.invoke(main, [*path, flag])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Usage: ") and f" {' '.join(path)} " in result.output.splitlines()[0]
        summary = " ".join(cmd.help.strip().splitlines()[0].split())
        assert summary in " ".join(result.output.split())


def test_main_help(runner):
    result = runner.invoke(main, ["-h"])
    assert result.exit_code == 0
    for path, _ in COMMANDS:
        if len(path) == 1:
            assert re.search(rf"^  {path[0]}\b", result.output, re.M)


@pytest.mark.slow
def test_make_run_builds_loads_and_answers_every_example_query(tmp_path):
    """The README's first command, as a user types it (into a temporary output folder)."""
    import shutil
    import subprocess

    if shutil.which("make") is None or not (ROOT / ".venv" / ".installed").exists():
        pytest.skip("needs make and the project's .venv (created by `make`)")
    out = tmp_path / "out"
    proc = subprocess.run(["make", "--no-print-directory", "run", f"OUT={out}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (out / "seed.nq").stat().st_size > 0 and (out / "seed.ttl").stat().st_size > 0
    answered = re.findall(r"^== scripts/queries/([\w-]+)\.rq$", proc.stdout, re.M)
    assert sorted(answered) == sorted(p.stem for p in (ROOT / "scripts" / "queries").glob("*.rq"))
    # every example query printed a table with at least one row under its header rule
    for block in proc.stdout.split("\n== ")[1:]:
        lines = block.splitlines()
        assert len(lines) >= 4 and set(lines[2]) <= {"-", " "}, block[:500]
    assert "Kremlin" in proc.stdout.split("actor-timeline.rq", 1)[1]
