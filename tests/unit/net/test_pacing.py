"""One request per second per host, tested with a virtual clock (nothing sleeps)."""

from __future__ import annotations

import threading

from tests.timers import VirtualTimer
from tracker.net.pacing import HostPacer


def test_one_host_is_asked_once_a_second():
    pacer = HostPacer(interval=1.0, timer=VirtualTimer())
    slots = [pacer.wait_turn("press.example.org") for _ in range(5)]
    assert slots == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_hosts_do_not_wait_for_each_other():
    timer = VirtualTimer()
    pacer = HostPacer(interval=1.0, timer=timer)
    slots = [pacer.wait_turn(f"host{n}.example.org") for n in range(5)]
    assert slots == [0.0] * 5
    assert timer.slept == []


def test_host_names_are_case_insensitive_and_crawl_delay_widens_the_gap():
    pacer = HostPacer(interval=1.0, timer=VirtualTimer())
    pacer.set_delay("slow.example.org", 5)
    pacer.set_delay("fast.example.org", 0.1)  # never below the interval
    assert [pacer.wait_turn(h) for h in ("SLOW.example.org", "slow.example.org")] == [0.0, 5.0]
    start = pacer.timer.monotonic()
    assert [pacer.wait_turn("fast.example.org") - start for _ in range(2)] == [0.0, 1.0]


def test_threads_get_distinct_slots():
    pacer = HostPacer(interval=1.0, timer=VirtualTimer())
    slots: list[float] = []
    lock = threading.Lock()

    def ask() -> None:
        slot = pacer.wait_turn("press.example.org")
        with lock:
            slots.append(slot)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(slots) == [float(n) for n in range(8)]
