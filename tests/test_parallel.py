"""The process and Dask executors give byte-for-byte the graph of a serial build."""
from __future__ import annotations


import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("par") / "corpus.jsonl"
    lines = (SHARED / "eval" / "plover" / "docs.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _build(corpus, out, *extra):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.slow
def test_jobs_and_dask_equal_serial(corpus, tmp_path):
    serial = _build(corpus, tmp_path / "serial.nq")
    assert serial.count(b"# kg:done") == len(corpus.read_text().splitlines())
    assert _build(corpus, tmp_path / "jobs.nq", "--jobs", "2") == serial
    assert _build(corpus, tmp_path / "dask.nq", "--dask", "local") == serial


def test_unreachable_scheduler_is_a_clear_error(corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "x.nq"), "-q",
                                       "--dask", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.output
    assert not (tmp_path / "x.nq").exists()
