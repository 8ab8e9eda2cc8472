"""The benchmark (``scripts/bench.py``) runs end to end: a ``--quick`` smoke run."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BENCH = ROOT / "scripts" / "bench.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_quick_run_reports_every_metric(tmp_path):
    out = tmp_path / "bench"
    # English only: loading the French model costs ~7 s of regex compilation in each process
    done = subprocess.run([sys.executable, str(BENCH), "--quick", "--langs", "en", "--out", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    metrics = result["metrics"]
    for key in _bench_module().REQUIRED_METRICS:
        assert isinstance(metrics.get(key), int | float) and metrics[key] > 0, (key, metrics.get(key))
    assert metrics["corpus_docs"] == 30
    assert metrics["build_docs"] == 30
    assert {q["query"] for q in result["queries"]} >= {"actor-timeline", "who-rejects-what"}
    report = (out / "bench.md").read_text(encoding="utf-8")
    assert "| full build / spaCy-only, kg pipelines (CPU time) |" in report
    assert report in done.stdout
    assert not (out / "work").exists()  # generated corpora and stores are removed


def test_replicated_copies_rename_articles_and_keep_actors(tmp_path):
    bench = _bench_module()
    nq = tmp_path / "a.nq"
    nq.write_text(
        "<https://w3id.org/dipkg/id/stmt/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> "
        "<https://w3id.org/dipkg/id/actor/kremlin> <https://w3id.org/dipkg/id/article/x> .\n"
        "_:b1 <http://www.w3.org/2000/01/rdf-schema#label> \"_:b1 <https://w3id.org/dipkg/id/place/p>\" "
        "<https://w3id.org/dipkg/id/article/x> .\n"
        "# kg:done <https://w3id.org/dipkg/id/article/x> 00 11\n", encoding="utf-8")
    quads, copies = bench.replicate(nq, 5, tmp_path / "big.nq")
    lines = (tmp_path / "big.nq").read_text(encoding="utf-8").splitlines()
    assert (quads, copies, len(lines)) == (6, 3, 6)
    assert lines[2].startswith("<https://w3id.org/dipkg/id/stmt/1-r1> ")
    assert "<https://w3id.org/dipkg/id/actor/kremlin> <https://w3id.org/dipkg/id/article/x-r1> ." in lines[2]
    assert lines[3].startswith("_:b1r1 ")
    assert '"_:b1 <https://w3id.org/dipkg/id/place/p>"' in lines[3]  # literals untouched
