"""Building: articles in, RDF out (a file, a store, or both), streamed per article.

* Output is written to ``OUT.partial`` block by block (one named graph per
  article, each block closed by a ``# kg:done`` comment line), then renamed
  to ``OUT`` when the build ends: a crash never leaves a half-written ``OUT``.
* A build that finds ``OUT`` or ``OUT.partial`` reuses every article block
  whose content hash matches (resumable and incremental), so a build killed
  half-way and run again ends with the same graph as a clean build.
* Bad documents are reported and skipped (``on_error="skip"``), or stop the
  build (``"fail"``).
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import metadata, resources
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from kg.corpus import Article, BadInput, dateline, dateline_date, iter_inputs
from kg.errors import InputError, OutputError
from kg.rdf import DIPR, Format, Triples, article_graph, article_iri, bind_prefixes

CHUNK_CHARS = 100_000  # longer documents are parsed in pieces of about this size
_DONE = re.compile(r"^# kg:done <([^>]*)> ([0-9a-f]{64}) ([0-9a-f]{12})$")


@functools.cache
def fingerprint() -> str:
    """What the graph of a document depends on besides its text: the package's code
    and its shipped data (lexicons, gazetteer). An earlier output block is reused only
    if it was built with the same fingerprint. Computed once per process."""
    h = hashlib.sha256()
    try:
        h.update(metadata.version("diplomacy-kg").encode())
    except metadata.PackageNotFoundError:
        pass
    root = resources.files("kg")
    for ref in sorted((p for p in _walk(root) if p.name.endswith((".py", ".yaml", ".jsonl"))), key=str):
        h.update(ref.name.encode())
        h.update(ref.read_bytes())
    return h.hexdigest()[:12]


def _walk(folder):
    for ref in folder.iterdir():
        if ref.is_dir() and ref.name != "__pycache__":
            yield from _walk(ref)
        else:
            yield ref


@dataclass
class BuildReport:
    """What a build did."""

    documents: int = 0
    reused: int = 0
    sentences: int = 0
    statements: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0
        return (f"{self.documents} documents ({self.reused} unchanged, reused), {self.sentences} sentences, "
                f"{self.statements} statements, {len(self.errors)} errors, "
                f"{self.seconds:.1f} s ({rate:,.0f} words/s)")


def _chunks(text: str, size: int = CHUNK_CHARS, *, start: int = 0) -> Iterator[tuple[int, str]]:
    """Pieces of a long text from ``start``, cut at paragraph or sentence ends, with their offsets."""
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind(". ", start, end))
            end = cut + 1 if cut > start + size // 2 else end
        yield start, text[start:end]
        start = end


def _shift(claim, offset: int):
    if not offset:
        return claim
    obj = claim.object
    if hasattr(obj, "start"):
        obj = _shift_thing(obj, offset)
    return replace(claim, sent_start=claim.sent_start + offset, sent_end=claim.sent_end + offset, object=obj)


def _shift_thing(thing, offset):
    return replace(thing, start=thing.start + offset, end=thing.end + offset,
                   force=_shift_thing(thing.force, offset) if thing.force else None,
                   refers_to=_shift_thing(thing.refers_to, offset) if thing.refers_to else None)


@dataclass(frozen=True, slots=True)
class Built:
    """One article's graph, as N-Triples text (cheap to send between processes)."""

    article: Article
    ntriples: str
    sentences: int
    statements: int
    error: str | None = None  # the extraction failed on this article: nothing was built


_IS_STATEMENT = f" <{RDF.type}> <{RDF.Statement}> .\n"  # the N-Triples line's end that makes a statement


def build_batch(articles: list[Article], *, model: str | None = None, base: str | None = None) -> list[Built]:
    """Parse and extract a batch of articles (languages already set); the unit of work
    that the serial, process and Dask executors share. Pipelines load once per process."""
    from rdflib import Namespace

    from kg.extract import extract
    from kg.gazetteer import Gazetteer
    from kg.nlp import load_pipeline

    gaz = Gazetteer.load()
    ns = DIPR if base is None else Namespace(base)
    pieces: dict[str, list[tuple[int, int, str]]] = {}  # lang -> (article index, offset, text)
    for n, article in enumerate(articles):
        # the dateline is left out of the parse (as blanks it became a root that broke the first
        # sentence's parse: "BEIJING (AFP) – La Chine a rejeté" has BEIJING as its subject)
        for offset, text in _chunks(article.text, start=len(dateline(article.text) or "")):
            pieces.setdefault(article.lang, []).append((n, offset, text))
    found: list[list] = [[[], {}, 0] for _ in articles]
    failed: dict[int, str] = {}
    for lang, items in pieces.items():
        nlp = load_pipeline(lang, model)
        for (n, offset, text), doc in zip(items, nlp.pipe((t for _, _, t in items), batch_size=32)):
            if n in failed:
                continue
            try:
                claims, named = extract(doc, lang, date=articles[n].date, doc_id=articles[n].id, text=text)
            except Exception as err:  # noqa: BLE001 - a bug on one article must not stop the corpus
                failed[n] = (f"{articles[n].source}: document {articles[n].id!r}: extraction failed "
                             f"({type(err).__name__}: {err}); skipped, please report it")
                continue
            found[n][0].extend(_shift(c, offset) for c in claims)
            for actor in named:
                found[n][1].setdefault(actor.key, actor)
            found[n][2] += sum(1 for _ in doc.sents)
    out = []
    for n, (article, (claims, actors, sentences)) in enumerate(zip(articles, found)):
        if n in failed:
            out.append(Built(article, "", 0, 0, error=failed[n]))
            continue
        triples = article_graph(article, claims, actors.values(), gazetteer=gaz, base=ns, graph=Triples())
        text = triples.ntriples()  # sorted: byte-stable
        out.append(Built(article, text, sentences, text.count(_IS_STATEMENT)))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_serial(articles: Iterable[Article], *, model=None, base=None, batch: int = 16) -> Iterator[Built]:
    """Build batches one after the other in this process."""
    for chunk in _batches(articles, batch):
        yield from build_batch(chunk, model=model, base=base)


def run_processes(articles: Iterable[Article], *, jobs: int, model=None, base=None, batch: int = 16) -> Iterator[Built]:
    """Build batches in ``jobs`` worker processes, results in input order, bounded in flight."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from itertools import chain

    from kg.nlp import load_pipeline

    chunks = _batches(articles, batch)
    first = next(chunks, None)
    if first is None:
        return
    for lang in sorted({a.lang for a in first}):
        load_pipeline(lang, model)  # loaded once here; the forked workers inherit it
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for chunk in chain([first], chunks):
            pending.append(pool.submit(build_batch, chunk, model=model, base=base))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


class Builder:
    """Language detection and the base IRI for one build."""

    def __init__(self, *, lang: str | None = None, model: str | None = None, base: str | None = None):
        self.lang, self.model, self.base_text = lang, model, base
        self.base = DIPR if base is None else __import__("rdflib").Namespace(base)

    def language(self, article: Article) -> str:
        if article.lang:
            return article.lang
        if self.lang:
            return self.lang
        from kg.langid import detect

        return detect(article.text, article.source)

    def graphs(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Graph, int]]:
        """(article, graph, sentence count) for each article (for library users and tests).

        Raises:
            InputError: an article's text is not valid Unicode.
        """
        from kg.corpus import check_unicode

        def checked() -> Iterator[Article]:
            for article in articles:
                check_unicode(article.text, article.source)
                yield article
        for built in run_serial(checked(), model=self.model, base=self.base_text):
            yield built.article, Graph().parse(data=built.ntriples, format="nt"), built.sentences


def _read_done_blocks(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Completed article blocks of an earlier N-Quads output: graph IRI -> (hash, lines)."""
    blocks: dict[str, tuple[str, list[str]]] = {}
    if not path.exists():
        return blocks
    current: list[str] = []
    with open(path, encoding="utf-8", newline="\n") as fh:
        for line in fh:
            m = _DONE.match(line.rstrip("\n"))
            if m:
                if m.group(3) == fingerprint():
                    blocks[m.group(1)] = (m.group(2), current + [line])
                current = []
            else:
                current.append(line)
    return blocks


def build_files(inputs: Iterable[str | Path], output: str | Path | None = None, *,
                store=None, lang: str | None = None, model: str | None = None,
                encoding: str | None = None, on_error: str = "skip", base: str | None = None,
                batch: int = 16, jobs: int = 1, executor=None,
                progress: Callable[[BuildReport], None] | None = None) -> BuildReport:
    """Build the graph of every input document into ``output`` and/or ``store``.

    Args:
        inputs: files, folders, JSONL corpora, or ``-`` for stdin.
        output: a file whose extension gives the format (.ttl .nt .nq .trig .jsonld).
        store: an open store (``kg.store.open_store``); each article replaces its graph.
        lang: the language of documents that do not say (else detected).
        batch: articles parsed together (and written together).
        jobs: worker processes (1: in this process).
        executor: a callable ``(articles, model=, base=) -> Iterator[Built]`` that runs
            the work elsewhere (``kg.distributed.dask_executor``); overrides ``jobs``.
        on_error: ``skip`` bad documents (reported) or ``fail`` on the first one.

    Raises:
        InputError: with ``on_error="fail"``, the first bad document.
        OutputError: the output cannot be written.
    """
    fmt = Format.from_extension(output) if output is not None else None
    out = Path(output) if output is not None else None
    report = BuildReport()
    started = time.perf_counter()
    builder = Builder(lang=lang, model=model, base=base)
    earlier: dict[str, tuple[str, list[str]]] = {}
    if out is not None and fmt is Format.NQUADS:
        earlier = _read_done_blocks(out)
        earlier.update(_read_done_blocks(out.with_name(out.name + ".partial")))
    partial = out.with_name(out.name + ".partial") if out is not None else None
    dataset = Dataset() if fmt is not None and fmt is not Format.NQUADS else None
    seen_ids: set[str] = set()

    def articles() -> Iterator[Article]:
        for item in iter_inputs(inputs, lang=lang, encoding=encoding):
            if isinstance(item, BadInput):
                _bad(report, str(item), on_error)
                continue
            if item.id in seen_ids:
                _bad(report, f"{item.source}: duplicate document id {item.id!r}: skipped", on_error)
                continue
            seen_ids.add(item.id)
            try:
                item = replace(item, lang=builder.language(item))
                if not item.date:
                    item = replace(item, date=dateline_date(item.text, item.lang))
            except InputError as err:
                _bad(report, str(err), on_error)
                continue
            iri = str(article_iri(item, builder.base))
            if iri in earlier and earlier[iri][0] == item.sha and store is None and fh is not None:
                fh.writelines(earlier[iri][1])
                report.documents += 1
                report.reused += 1
                continue
            report.words += len(item.text.split())
            yield item

    fh = None
    try:
        if partial is not None and fmt is Format.NQUADS:
            try:
                partial.parent.mkdir(parents=True, exist_ok=True)
                fh = open(partial, "w", encoding="utf-8", newline="\n")
            except OSError as err:
                raise OutputError(f"{out}: cannot write: {err.strerror or err}") from None
        if executor is not None:
            results = executor(articles(), model=model, base=base)
        elif jobs > 1:
            results = run_processes(articles(), jobs=jobs, model=model, base=base, batch=batch)
        else:
            results = run_serial(articles(), model=model, base=base, batch=batch)
        for built in results:
            article = built.article
            if built.error is not None:  # not marked done: the next run tries it again
                _bad(report, built.error, on_error)
                continue
            report.documents += 1
            report.sentences += built.sentences
            report.statements += built.statements
            name = article_iri(article, builder.base)
            if fh is not None:
                _append(fh, _to_nquads(built.ntriples, str(name))
                        + f"# kg:done <{name}> {article.sha} {fingerprint()}\n", out)
            elif dataset is not None:
                dataset.graph(name).parse(data=built.ntriples, format="nt")
            if store is not None:
                store.replace_graph(str(name), built.ntriples.encode("utf-8"))
            if progress is not None:
                report.seconds = time.perf_counter() - started
                progress(report)
    finally:
        if fh is not None:
            fh.close()
    if report.documents == 0:  # nothing built: leave no output behind
        if partial is not None:
            partial.unlink(missing_ok=True)
    elif fh is not None:
        os.replace(partial, out)
    elif dataset is not None:
        _write_dataset(dataset, out, fmt)
    report.seconds = time.perf_counter() - started
    return report


def _append(fh, text: str, out: Path) -> None:
    try:
        fh.write(text)
        fh.flush()
    except OSError as err:
        raise OutputError(f"{out}: cannot write: {err.strerror or err}") from None


def _to_nquads(nt: str, graph: str) -> str:
    """N-Triples lines -> N-Quads lines in the named graph."""
    out = []
    for line in nt.split("\n"):
        line = line.rstrip()
        if line.endswith(" ."):
            out.append(f"{line[:-2]} <{graph}> .\n")
    return "".join(out)


def _write_dataset(dataset: Dataset, out: Path, fmt: Format) -> None:
    """Serialise atomically: a temporary file in the same folder, then rename."""
    bind_prefixes(dataset)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt.quads:
            dataset.serialize(destination=str(tmp), format=fmt.rdflib_name)
        else:
            merged = Graph()
            bind_prefixes(merged)
            for triple in dataset.triples((None, None, None)):
                merged.add(triple)
            for g in dataset.graphs():
                for triple in g:
                    merged.add(triple)
            merged.serialize(destination=str(tmp), format=fmt.rdflib_name)
        os.replace(tmp, out)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write: {err.strerror or err}") from None


def _bad(report: BuildReport, message: str, on_error: str) -> None:
    report.errors.append(message)
    if on_error == "fail":
        raise InputError(message)
    print(f"warning: {message}", file=sys.stderr)
