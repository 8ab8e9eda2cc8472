"""Reliability (issue 9): resumable and incremental builds, and arbitrary text never breaks the output."""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD

from tests.helpers import to_rdflib, valid_iri
from kg.build import Builder, BuildReport, build_files
from kg.cli import main
from kg.corpus import Article
from kg.errors import KgError
from kg.vocab import DIP

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KG = next((p for p in (Path(sys.executable).with_name("kg"), ROOT / ".venv" / "bin" / "kg") if p.exists()),
          Path(sys.executable).with_name("kg"))
DONE = re.compile(r"^# kg:done <([^>]*)> ([0-9a-f]{64}) [0-9a-f]{12}\n", re.M)


def _first_sentence(text: str) -> str:
    return re.match(r"(.+?[.!?])(?=\s|$)", text, re.S).group(1)


def _records(path: Path) -> dict[str, dict]:
    return {rec["id"]: rec for rec in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _corpus_records() -> list[dict]:
    """Six short real sentences; French first, then languages alternate (the kill lands in a model load)."""
    fr, en = _records(ROOT / "tests" / "data" / "dev_fr" / "docs.jsonl"), _records(SHARED / "eval" / "plover" / "docs.jsonl")
    docs = []
    for fr_id, en_id in [("devfr-04", "PLOVER-GSR01-AGREE-0003"), ("devfr-12", "PLOVER-GSR01-AGREE-0004"),
                         ("devfr-14", "PLOVER-GSR01-AGREE-0008")]:
        docs.append({"id": fr_id, "text": _first_sentence(fr[fr_id]["text"]), "lang": "fr"})
        docs.append({"id": en_id, "text": en[en_id]["text"], "lang": "en"})
    return docs


def _write_corpus(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def triples_lines(path: Path) -> set[str]:
    """The N-Quads lines of an output, without comment lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)), "duplicate lines"
    return {line for line in lines if line and not line.startswith("#")}


def _kill_after_first_block(proc: subprocess.Popen, partial: Path, seen: dict, timeout: float = 240) -> None:
    """SIGKILL ``proc`` as soon as ``partial`` holds a complete ``# kg:done`` line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            seen["outcome"] = f"the build ended (exit {proc.returncode}) before it could be killed"
            return
        try:
            text = partial.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            text = ""
        if DONE.search(text):
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            seen["outcome"] = "killed"
            return
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    seen["outcome"] = f"no '# kg:done' line in {partial} after {timeout} s"


@dataclass
class Runs:
    corpus: Path
    records: list[dict]
    clean: Path
    clean_report: BuildReport
    killed: Path
    killed_outcome: str
    killed_stderr: str


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    """A build killed in a subprocess after its first article, and (meanwhile) a clean build in process."""
    root = tmp_path_factory.mktemp("reliability")
    records = _corpus_records()
    corpus = _write_corpus(root / "corpus.jsonl", records)
    (root / "killed").mkdir()
    killed = root / "killed" / "out.nq"
    proc = subprocess.Popen([str(KG), "build", str(corpus), "-o", str(killed), "-q", "--batch", "1"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict = {}
    watcher = threading.Thread(target=_kill_after_first_block,
                               args=(proc, killed.with_name("out.nq.partial"), seen), daemon=True)
    watcher.start()
    try:
        clean = root / "clean.nq"
        report = build_files([corpus], clean)
    finally:
        watcher.join(timeout=300)
        if proc.poll() is None:
            proc.kill()
    _, stderr = proc.communicate(timeout=30)
    return Runs(corpus, records, clean, report, killed, seen.get("outcome", "watcher did not finish"), stderr)


def test_clean_build_has_one_graph_per_document(runs):
    assert runs.clean_report.documents == len(runs.records) == 6
    assert runs.clean_report.reused == 0 and runs.clean_report.errors == []
    text = runs.clean.read_text(encoding="utf-8")
    assert len(DONE.findall(text)) == 6
    ds = Dataset()
    ds.parse(runs.clean, format="nquads")
    ids = {str(o) for _, _, o, _ in ds.quads((None, DCTERMS.identifier, None, None))}
    assert ids == {r["id"] for r in runs.records}
    assert len({ctx.identifier for ctx in ds.graphs() if len(ctx)}) == 6


def test_killed_build_resumes_to_the_clean_result(runs):
    assert runs.killed_outcome == "killed", runs.killed_outcome + "\n" + runs.killed_stderr
    partial = runs.killed.with_name("out.nq.partial")
    assert not runs.killed.exists(), "a killed build left a final output file"
    done = DONE.findall(partial.read_text(encoding="utf-8"))
    assert 1 <= len(done) < 6
    report = build_files([runs.corpus], runs.killed)
    assert report.documents == 6 and report.reused >= len(done)
    assert runs.killed.exists() and not partial.exists()
    assert triples_lines(runs.killed) == triples_lines(runs.clean)


def test_rerun_of_a_finished_build_reuses_everything(runs, tmp_path):
    out = tmp_path / "out.nq"
    shutil.copy(runs.clean, out)
    result = CliRunner().invoke(main, ["build", str(runs.corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^6 documents \(6 unchanged, reused\)", result.output, re.M), result.output
    assert out.read_bytes() == runs.clean.read_bytes()
    assert not out.with_name("out.nq.partial").exists()


def test_changed_document_is_rebuilt_alone(runs, tmp_path):
    corpus = _write_corpus(tmp_path / "corpus.jsonl", runs.records)
    out = tmp_path / "out.nq"
    first = build_files([corpus], out)
    assert first.reused == 0
    before = out.read_text(encoding="utf-8")
    changed = [dict(r) for r in runs.records]
    old = changed[2]
    fr = _records(ROOT / "tests" / "data" / "dev_fr" / "docs.jsonl")
    changed[2] = {**old, "text": _first_sentence(fr["devfr-09"]["text"])}
    _write_corpus(corpus, changed)
    report = build_files([corpus], out)
    assert (report.documents, report.reused) == (6, 5)
    after = out.read_text(encoding="utf-8")
    old_sha = Article(id=old["id"], text=old["text"], source="", lang="fr").sha
    assert old_sha in before and old_sha not in after
    assert old["text"] not in after  # the old evidence is gone
    assert changed[2]["text"] in after
    fresh = tmp_path / "fresh.nq"
    build_files([corpus], fresh)
    assert triples_lines(out) == triples_lines(fresh)


# -- any text, any id --------------------------------------------------------------------



TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list('"\'<>\\{}|^`\n\r\t\x00\x0b\x1f\x7f\u2028😀🇫🇷«»“”'))),
               min_size=1, max_size=300)
FRENCH = st.sampled_from(["Moscou a rejeté la proposition américaine. ",
                          "Le Kremlin a déclaré que ce plan serait « inacceptable ». ",
                          "Keir Starmer a proposé un plan à Donald Trump. "])


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXT, st.tuples(TEXT, FRENCH, TEXT).map("".join)))
def test_any_text_gives_a_graph_that_parses_back(text):
    article = Article(id="hypothesis", text=text, source="hypothesis", lang="fr")
    try:
        [(_, graph, _)] = Builder().graphs([article])
    except KgError:
        return
    nt = graph.serialize(format="nt", encoding="utf-8")
    assert isomorphic(graph, Graph().parse(data=nt, format="nt"))
    back = Graph()
    for triple in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES):
        back.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    assert isomorphic(graph, back)
    iris = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    assert all(valid_iri(i) for i in iris), sorted(i for i in iris if not valid_iri(i))
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        begin = int(graph.value(stmt, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")))
        end = int(graph.value(stmt, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex")))
        assert text[begin:end] == str(graph.value(stmt, DIP.evidence))


ODD_IDS = ["dépêche AFP 12", 'il a dit "non"', "a>b<c", "Привет мир", "emoji 😀 id", "tab\tand space ",
           "slash/and#hash?q=1", "x" * 300, "000_e8b4b98b5a399a37", "a-b", "a b"]


def test_odd_article_ids_give_valid_iris_and_keep_the_id(tmp_path):
    corpus = _write_corpus(tmp_path / "ids.jsonl", [
        {"id": ident, "text": "Moscou a rejeté la proposition américaine.", "lang": "fr"} for ident in ODD_IDS])
    out = tmp_path / "ids.nq"
    report = build_files([corpus], out)
    assert report.documents == len(ODD_IDS) and report.errors == []
    ds = Dataset()
    ds.parse(out, format="nquads")
    by_id = {str(o): s for s, _, o, _ in ds.quads((None, DCTERMS.identifier, None, None))}
    assert sorted(by_id) == sorted(ODD_IDS)  # verbatim
    assert len(set(by_id.values())) == len(ODD_IDS)  # one article IRI each
    names = {ctx.identifier for ctx in ds.graphs() if len(ctx)}
    assert names == set(by_id.values())
    for ident, iri in by_id.items():
        assert valid_iri(str(iri)), (ident, iri)
        assert (iri, RDF.type, DIP.Article, iri) in ds
    iris = {str(t) for q in ds.quads((None, None, None, None)) for t in q if isinstance(t, URIRef)}
    assert all(valid_iri(i) for i in iris), sorted(i for i in iris if not valid_iri(i))
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert {q.object.value for q in quads if q.predicate.value == str(DCTERMS.identifier)} == set(ODD_IDS)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c", "\x0b", "\r"])
def test_line_separators_inside_text_keep_the_output_parseable(tmp_path, separator):
    """Literals may hold Unicode line separators verbatim: the N-Quads writer must not cut there."""
    corpus = tmp_path / "c.jsonl"
    text = f"Moscou a rejeté{separator} la proposition américaine. La Russie{separator}a rejeté le plan."
    corpus.write_text(json.dumps({"id": "sep", "text": text, "lang": "fr"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    graph = Dataset()
    graph.parse(out, format="nquads")
    ox_quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert len(graph) > 0 and len(ox_quads) == len(graph)
    again = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])  # a re-run reads it back
    assert again.exit_code == 0 and "(1 unchanged, reused)" in again.output


def test_an_extraction_bug_on_one_document_skips_it_and_keeps_the_others(tmp_path, monkeypatch):
    import kg.extract

    real = kg.extract.extract

    def failing(doc, lang, **kwargs):
        if "Berlin" in doc.text:
            raise TypeError("'<' not supported between instances of 'Actor' and 'Actor'")
        return real(doc, lang, **kwargs)

    monkeypatch.setattr(kg.extract, "extract", failing)
    corpus = _write_corpus(tmp_path / "c.jsonl", [
        {"id": "good", "text": "Moscou a rejeté la proposition américaine.", "lang": "fr"},
        {"id": "bad", "text": "Berlin a rejeté la proposition russe.", "lang": "fr"}])
    out = tmp_path / "c.nq"
    report = build_files([corpus], out)
    assert report.documents == 1 and len(report.errors) == 1
    assert "'bad'" in report.errors[0] and "extraction failed (TypeError" in report.errors[0]
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert {q.object.value for q in quads if q.predicate.value == str(DCTERMS.identifier)} == {"good"}
    done = [line for line in out.read_text().splitlines() if line.startswith("# kg:done")]
    assert len(done) == 1 and "/article/good>" in done[0]  # "bad" not marked done: a re-run tries it again
    monkeypatch.setattr(kg.extract, "extract", real)
    again = build_files([corpus], out)
    assert again.documents == 2 and again.reused == 1 and again.errors == []
