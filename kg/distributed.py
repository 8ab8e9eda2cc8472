"""Building on a Dask distributed cluster: the same per-batch function as the
local executors (``kg.build.build_batch``), run on the workers.

Each worker process loads a spaCy pipeline once (the pipelines are cached per
process) and returns each article's graph as N-Triples; the client writes
them in input order, so the output is the same as a local build. At most a
few batches per worker are in flight, so memory stays bounded.

On a real cluster::

    dask scheduler                          # on one machine
    dask worker tcp://SCHEDULER:8786 --nworkers 2 --nthreads 1   # on each worker machine
    kg build corpus.jsonl -o out/corpus.nq --dask tcp://SCHEDULER:8786

The workers need the same environment (``pip install diplomacy-kg[dask]``).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from kg.build import Article, Built, _batches, build_batch
from kg.errors import KgError


class ClusterError(KgError, ConnectionError):
    """The Dask scheduler cannot be reached or a task failed."""


def dask_executor(address: str, *, workers: int = 2, batch: int = 16):
    """An executor for ``build_files(executor=…)`` on the scheduler at ``address``
    (``local`` starts a ``LocalCluster`` of ``workers`` processes).

    Raises:
        KgError: Dask is not installed (the message names the extra).
    """
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise KgError("Dask is not installed; install it with: pip install 'diplomacy-kg[dask]'") from None

    def run(articles: Iterable[Article], *, model=None, base=None) -> Iterator[Built]:
        from distributed import Client, LocalCluster

        cluster = None
        try:
            if address == "local":
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                client = Client(cluster)
            else:
                client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        try:
            n = max(1, len(client.scheduler_info().get("workers", {})))
            pending: deque = deque()
            for chunk in _batches(articles, batch):
                pending.append(client.submit(build_batch, chunk, model=model, base=base, pure=False))
                if len(pending) >= 2 * n:
                    yield from _result(pending.popleft())
            while pending:
                yield from _result(pending.popleft())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return run


def _result(future) -> list[Built]:
    try:
        return future.result()
    except KgError:
        raise
    except Exception as err:  # a worker died or raised: name it, no traceback
        raise ClusterError(f"a Dask task failed: {err}") from None
