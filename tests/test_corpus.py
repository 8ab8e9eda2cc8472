"""Reading inputs (``kg.corpus``): decoding, HTML, JSONL corpora, folders, stdin, size limits, chunks."""
from __future__ import annotations

import functools
import gzip
import json
import re

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS

import kg.build
import kg.corpus
from kg.build import Builder, _chunks
from kg.cli import main
from kg.corpus import Article, BadInput, _html_to_text, decode, iter_inputs, read_article, read_jsonl
from kg.errors import InputError
from kg.vocab import DIP

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SENTENCE = "Moscou a rejeté la proposition américaine."
LATIN1 = SENTENCE.encode("latin-1")


# -- decode -------------------------------------------------------------------

@pytest.mark.parametrize(("data", "encoding", "message"), [
    (b"", None, "empty document"),
    (b"   \n\t\r\n ", None, "empty document"),
    (b"Moscou\0\0\0a rejet\0", None, "binary file"),
    (b"\x00\x01\x02\x03" * 100, "latin-1", "binary file"),  # an encoding does not make binary text
    (LATIN1, None, "not valid UTF-8"),
    (LATIN1, "no-such-codec", "cannot decode as no-such-codec"),
    (b"<html><body><script>var a = 1;</script></body></html>", None, "no text in document"),
])
def test_decode_refuses(data, encoding, message):
    with pytest.raises(InputError, match=re.escape(message)) as err:
        decode(data, "where.txt", encoding=encoding)
    assert str(err.value).startswith("where.txt: ")


def test_decode_latin1_refusal_says_how_to_fix():
    with pytest.raises(InputError, match="--encoding"):
        decode(LATIN1, "x.txt")


@pytest.mark.parametrize(("data", "encoding", "expected"), [
    (SENTENCE.encode(), None, SENTENCE),
    (b"\xef\xbb\xbf" + SENTENCE.encode(), None, SENTENCE),  # BOM stripped
    (LATIN1, "latin-1", SENTENCE),
    (LATIN1, "cp1252", SENTENCE),
    (LATIN1, "auto", SENTENCE),
    (SENTENCE.encode(), "latin-1", SENTENCE),  # UTF-8 is tried first whatever the encoding
    (b"<html><body><p>Le Kremlin</p><p>a dit</p></body></html>", None, "Le Kremlin\n\na dit"),
])
def test_decode_accepts(data, encoding, expected):
    assert decode(data, "x.txt", encoding=encoding) == expected


def test_decode_refuses_a_document_over_max_chars(monkeypatch):
    monkeypatch.setattr(kg.corpus, "MAX_CHARS", 50)
    assert decode(b"x" * 50, "ok.txt") == "x" * 50
    with pytest.raises(InputError, match=r"big\.txt: document too large \(51 characters, limit 50\)"):
        decode(b"x" * 51, "big.txt")


def test_iter_inputs_reports_a_file_over_max_chars(monkeypatch, tmp_path):
    monkeypatch.setattr(kg.corpus, "MAX_CHARS", 50)
    (tmp_path / "big.txt").write_text(SENTENCE * 2, encoding="utf-8")
    [item] = iter_inputs([tmp_path / "big.txt"])
    assert isinstance(item, BadInput)
    assert item.where == str(tmp_path / "big.txt")
    assert "too large" in item.reason and "limit 50" in item.reason


def test_jsonl_record_over_max_chars_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(kg.corpus, "MAX_CHARS", 200)
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "small", "text": SENTENCE}) + "\n"
                    + json.dumps({"id": "big", "text": SENTENCE * 10}) + "\n", encoding="utf-8")
    small, big = read_jsonl(path)
    assert isinstance(small, Article) and small.text == SENTENCE
    assert isinstance(big, BadInput) and big.where == f"{path}:2" and "too large" in big.reason


# -- HTML -----------------------------------------------------------------------

@pytest.mark.parametrize(("html", "expected"), [
    ("<html><body><p>Moscou a rejeté la proposition.</p></body></html>", "Moscou a rejeté la proposition."),
    ("<html><head><title>Titre</title><style>p {color: red}</style></head>"
     "<body><nav>Menu Accueil</nav><p>Un.</p><p>Deux &amp; trois&nbsp;!</p>"
     "<script>var a = '<p>';</script><footer>(c) Journal</footer></body></html>",
     "Un.\n\nDeux & trois\u00a0!"),
    ("<!DOCTYPE html><html><body><h1>Titre</h1><div>Le   Kremlin\ta dit</div><ul><li>un</li><li>deux</li></ul>"
     "</body></html>", "Titre\n\nLe Kremlin a dit\n\nun\n\ndeux"),
    ("<html><body><p>L&#8217;OTAN &eacute;tait l&agrave;.</p><noscript>Activez JavaScript</noscript></body></html>",
     "L\u2019OTAN était là."),
])
def test_html_to_text(html, expected):
    assert _html_to_text(html) == expected


def test_html_file_is_read_as_its_visible_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>T</title></head><body><nav>Menu</nav>"
                    f"<p>{SENTENCE}</p></body></html>", encoding="utf-8")
    article = read_article(path)
    assert (article.id, article.text) == ("page", SENTENCE)


def test_plain_text_with_angle_brackets_is_not_html():
    text = "Le score était 3 < 4 et 5 > 2, a dit le Kremlin."
    assert decode(text.encode(), "x.txt") == text


# -- JSONL corpora --------------------------------------------------------------

GOOD = {"id": "a", "text": SENTENCE, "lang": "fr", "date": "2025-02-20", "url": "https://example.org/a"}


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "b", "text": "coupé', "malformed JSONL line"),
    ("not json at all", "malformed JSONL line"),
    ('{"id": "b"}', 'expected an object with "id" and "text"'),
    ('{"text": "Moscou a dit non."}', 'expected an object with "id" and "text"'),
    ('{"id": "", "text": "Moscou a dit non."}', 'expected an object with "id" and "text"'),
    ('{"id": "b", "text": 5}', 'expected an object with "id" and "text"'),
    ('["b", "Moscou a dit non."]', 'expected an object with "id" and "text"'),
    ('{"id": "b", "text": "  \\n "}', "empty text"),
    (json.dumps({"id": "a", "text": "Un autre texte."}), "duplicate id 'a'"),
    (b'{"id": "b", "text": "Moscou a rejet\xe9 la proposition."}', "not valid UTF-8"),
    ('{"id": "b", "text": "Moscou a dit non \\ud800."}', "not valid Unicode (unpaired surrogate U+D800"),
])
def test_read_jsonl_reports_a_bad_line_with_file_and_line(tmp_path, line, reason):
    path = tmp_path / "corpus.jsonl"
    raw = line if isinstance(line, bytes) else line.encode()
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + raw + b"\n"
                     + json.dumps({"id": "c", "text": "Le Kremlin a refusé."}).encode() + b"\n")
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Article, BadInput, Article]
    bad = items[1]
    assert bad.where == f"{path}:2"
    assert reason in bad.reason
    assert str(bad).startswith(f"{path}:2: ")
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]


def test_read_jsonl_keeps_the_record_fields(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n" + json.dumps(GOOD) + "\n\n" + json.dumps({"id": 7, "text": "Seven."}) + "\n", encoding="utf-8")
    a, seven = read_jsonl(path, lang="en")
    assert a == Article(id="a", text=SENTENCE, source=f"{path}:2", lang="fr", date="2025-02-20",
                        url="https://example.org/a")
    assert (seven.id, seven.lang, seven.source) == ("7", "en", f"{path}:4")  # blank lines still count


def test_read_jsonl_record_with_html_text_is_not_malformed(tmp_path):
    """A valid JSON line whose text is an HTML page must not be reported as malformed."""
    path = tmp_path / "corpus.jsonl"
    page = f"<html><body><nav>Menu</nav><p>{SENTENCE}</p><p>Le Kremlin a dit non.</p></body></html>"
    path.write_text(json.dumps({"id": "h", "text": page, "lang": "fr"}) + "\n", encoding="utf-8")
    [item] = read_jsonl(path)
    assert isinstance(item, Article), str(item)
    assert SENTENCE in item.text


def test_read_jsonl_gz(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(GOOD) + "\n" + json.dumps({"id": "b", "text": "Le Kremlin a refusé."}) + "\n")
    items = list(read_jsonl(path))
    assert [(i.id, i.source) for i in items] == [("a", f"{path}:1"), ("b", f"{path}:2")]


def test_read_jsonl_gz_that_is_not_gzip(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    [item] = read_jsonl(path)
    assert isinstance(item, BadInput) and item.where == str(path) and "cannot read" in item.reason


def test_read_jsonl_missing_file(tmp_path):
    assert list(read_jsonl(tmp_path / "nope.jsonl")) == [BadInput(str(tmp_path / "nope.jsonl"), "no such file")]


# -- files, folders, stdin ------------------------------------------------------

@pytest.mark.parametrize(("name", "ident"), [
    ("000_e8b4b98b5a399a37.txt", "000_e8b4b98b5a399a37"),
    ("dépêche.txt", "dépêche"),
    ("page.html", "page"),
    ("notes.md", "notes"),
])
def test_read_article_id_is_the_file_name_without_extension(tmp_path, name, ident):
    path = tmp_path / name
    path.write_text(SENTENCE, encoding="utf-8")
    article = read_article(path, lang="fr")
    assert (article.id, article.text, article.source, article.lang) == (ident, SENTENCE, str(path), "fr")


def test_read_article_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_article(tmp_path / "nope.txt")


def test_iter_inputs_on_a_folder_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Le Kremlin a refusé.", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Un."}) + "\n" + json.dumps({"id": "c2", "text": "Deux."}) + "\n",
        encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text("id,text\nx,Ignored.\n", encoding="utf-8")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    items = list(iter_inputs([tmp_path], lang="fr"))
    assert [i.id for i in items if isinstance(i, Article)] == ["b", "a", "c1", "c2"]
    assert {i.lang for i in items if isinstance(i, Article)} == {"fr"}
    [bad] = [i for i in items if isinstance(i, BadInput)]
    assert bad == BadInput(str(tmp_path / "sub" / "empty.txt"), "empty document")


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.mkdir(), "folder has no .txt or .jsonl files"),
    (lambda p: None, "no such file"),
])
def test_iter_inputs_bad_paths(tmp_path, make, reason):
    path = tmp_path / "in"
    make(path)
    assert list(iter_inputs([path])) == [BadInput(str(path), reason)]


@pytest.fixture
def stdin_build(tmp_path):
    """Run ``kg build - -o OUT.nq`` with the given stdin; return (result, dataset)."""

    def run(data: bytes, *args: str):
        out = tmp_path / "stdin.nq"
        result = CliRunner().invoke(main, ["build", "-", "-o", str(out), "--lang", "fr", *args], input=data)
        ds = Dataset(default_union=True)
        if out.exists():
            ds.parse(out, format="nquads")
        return result, ds

    return run


def test_stdin_text(stdin_build):
    result, ds = stdin_build(SENTENCE.encode())
    assert result.exit_code == 0, result.output
    assert set(ds.objects(None, DCTERMS.identifier)) == {Literal("stdin")}
    assert any(ds.quads((None, DIP.rejects, None, None)))


def test_stdin_jsonl(stdin_build):
    data = (json.dumps({"id": "one", "text": SENTENCE}) + "\n{oops\n"
            + json.dumps({"id": "two", "text": "Le Kremlin a rejeté la proposition."}) + "\n").encode()
    result, ds = stdin_build(data)
    assert result.exit_code == 0, result.output
    assert {str(i) for i in ds.objects(None, DCTERMS.identifier)} == {"one", "two"}
    assert re.search(r"warning: .*:2: malformed JSONL line", result.output)


def test_stdin_latin1_needs_an_encoding(stdin_build):
    result, _ = stdin_build(LATIN1)
    assert result.exit_code == 1
    assert "Error: <stdin>: not valid UTF-8" in result.output
    result, ds = stdin_build(LATIN1, "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    assert Literal(SENTENCE, lang="fr") in set(ds.objects(None, DIP.evidence))


# -- long documents ---------------------------------------------------------------

def _texts():
    para = "Le Kremlin a déclaré jeudi que ce plan était inacceptable. Moscou a rejeté la proposition.\n\n"
    return {
        "paragraphs": para * 40,
        "sentences": SENTENCE + " " + (SENTENCE + " ") * 60,
        "no boundary": "x" * 1000,
        "short": SENTENCE,
        "mixed": ("Un mot. " * 7 + "\n\n" + "sans fin " * 30) * 5,
    }


@pytest.mark.parametrize("size", [50, 120, 333, 10_000])
@pytest.mark.parametrize("name", list(_texts()))
def test_chunks_cover_the_text_with_true_offsets(name, size):
    text = _texts()[name]
    pieces = list(_chunks(text, size))
    assert "".join(piece for _, piece in pieces) == text
    position = 0
    for offset, piece in pieces:
        assert offset == position and piece and len(piece) <= size
        assert text[offset:offset + len(piece)] == piece
        position += len(piece)
    assert position == len(text)


@pytest.mark.parametrize("name", ["paragraphs", "sentences"])
def test_chunks_cut_at_sentence_or_paragraph_ends(name):
    pieces = list(_chunks(_texts()[name], 333))
    assert len(pieces) > 3
    for _, piece in pieces[:-1]:
        assert piece.endswith((".", "\n")), repr(piece[-20:])


def test_chunks_of_an_empty_text():
    assert list(_chunks("")) == []


def _check_long_document(article: Article, graph, repeats: int) -> None:
    """Every statement and thing of the graph points at the right characters of the original text."""
    text = article.text
    stmts = {s for s in graph.subjects(RDF.type, RDF.Statement) if graph.value(s, RDF.predicate) == DIP.rejects}
    assert len(stmts) == repeats  # one rejection per sentence: none lost or doubled at a chunk boundary
    begins = []
    for stmt in stmts:
        begin, end = int(graph.value(stmt, NIF.beginIndex)), int(graph.value(stmt, NIF.endIndex))
        assert text[begin:end] == str(graph.value(stmt, DIP.evidence)) == SENTENCE
        begins.append(begin)
    assert sorted(begins) == [i * (len(SENTENCE) + 1) for i in range(repeats)]
    things = {o for o in graph.objects(None, RDF.object) if "/thing/" in str(o)}
    assert len(things) == repeats
    for thing in things:
        begin, end = int(graph.value(thing, NIF.beginIndex)), int(graph.value(thing, NIF.endIndex))
        assert str(graph.value(thing, RDFS.label)) in re.sub(r"\s+", " ", text[begin:end])


def test_long_document_in_small_chunks_keeps_offsets(monkeypatch):
    """The same as the 250,000-character test below, with chunks of 300 characters."""
    monkeypatch.setattr(kg.build, "_chunks", functools.partial(_chunks, size=300))
    repeats = 40
    article = Article(id="long", text=" ".join([SENTENCE] * repeats), source="test", lang="fr")
    assert len(list(_chunks(article.text, 300))) > 4
    [(_, graph, _)] = Builder().graphs([article])
    _check_long_document(article, graph, repeats)


@pytest.mark.slow
def test_250000_character_document_keeps_offsets():
    repeats = 250_000 // (len(SENTENCE) + 1) + 1
    article = Article(id="long", text=" ".join([SENTENCE] * repeats), source="test", lang="fr")
    assert len(article.text) >= 250_000 and len(list(_chunks(article.text))) == 3
    [(_, graph, sentences)] = Builder().graphs([article])
    assert sentences == repeats
    _check_long_document(article, graph, repeats)


@pytest.mark.parametrize("text, subject, city", [
    ("HAMBURG, Germany (Reuters) - Russian President Vladimir Putin met Donald Trump on Friday.", "vladimir-putin",
     "germany"),
    ("(VOVWORLD) - Le secrétaire d'État américain Antony Blinken s'est entretenu vendredi par téléphone avec son "
     "homologue française Catherine Colonna.", "antony-blinken", None),
])
def test_a_dateline_is_left_out_of_the_parse(text, subject, city):
    """The first sentence keeps its parse (as blanks, the dateline became the root of a broken
    parse) and the dateline's city is no party; offsets still point into the original text."""
    from rdflib import Graph

    lang = "en" if "Reuters" in text else "fr"
    built = kg.build.build_batch([Article("d1", text, "test", lang=lang)])[0]
    g = Graph().parse(data=built.ntriples, format="nt")
    meetings = [s for s in g.subjects(RDF.predicate, DIP.meetsWith)]
    assert meetings, built.ntriples
    subjects = {str(g.value(s, RDF.subject)).rsplit("/", 1)[-1] for s in meetings}
    assert subject in subjects
    if city is not None:
        assert all(city not in str(o) for s in g.subjects(RDF.type, RDF.Statement) for o in g.objects(s, RDF.subject))
    evidence = {str(o) for o in g.objects(None, DIP.evidence)}
    assert any(e in text for e in evidence) and not any(e.startswith(("HAMBURG", "(VOV")) for e in evidence)
