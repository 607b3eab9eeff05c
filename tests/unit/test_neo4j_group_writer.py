"""A bulk's groups written on one thread while the caller prepares the next
(graph/store/neo4j_group_writer.py, session 13): one group in flight, groups written in the order
they came, a group's results handed back only once its write returned."""
from __future__ import annotations

import threading

from govgraph.graph.store.base import PutResult
from govgraph.graph.store.neo4j_group_writer import GroupWriter


def test_groups_are_written_in_order_one_at_a_time_and_reported_after_their_write():
    writer = GroupWriter()
    release = threading.Event()
    written: list[str] = []
    threads: set[str] = set()

    def group(name: str, wait: bool = False):
        def write() -> list[PutResult]:
            if wait:
                assert release.wait(10)
            threads.add(threading.current_thread().name)
            written.append(name)
            return [PutResult(name)]
        return write

    assert writer.submit(group("g1", wait=True)) == []  # nothing done before it was written
    assert writer.busy() and writer.finished() == []  # g1 waits: not done, and no wait here
    release.set()
    assert [r.report for r in writer.submit(group("g2"))] == ["g1"]  # handed back as g2 starts
    assert [r.report for r in writer.wait()] == ["g2"]
    assert writer.wait() == [] and not writer.busy()
    assert written == ["g1", "g2"]
    assert threads and threading.current_thread().name not in threads  # written on the thread
    writer.close()


def test_a_failing_group_raises_to_the_caller_who_waits_for_it():
    writer = GroupWriter()

    def fail() -> list[PutResult]:
        raise RuntimeError("boom")

    writer.submit(fail)
    try:
        writer.wait()
    except RuntimeError as e:
        assert str(e) == "boom"
    else:
        raise AssertionError("the group's failure was lost")
    assert writer.close() == []
