"""What ran during each long event-loop gap (ui_stall.py --trace): a sampler thread records every
thread's Python stack every millisecond, and gc.callbacks record each cyclic collection (its generation,
duration and thread). For every gap over 50 ms it prints the collections inside it, the stacks
seen on the UI thread and on the other threads, and the longest the sampler itself waited (a long
wait: some thread held the interpreter lock in one C call, or the machine was busy).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter

INTERVAL = 0.001
DEPTH = 6  # innermost frames shown per stack


def _stack(frame) -> str:
    """The innermost frames, innermost first, as file:line function."""
    parts = []
    while frame is not None and len(parts) < DEPTH:
        code = frame.f_code
        parts.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return " < ".join(parts)


class StallTracer:
    def __init__(self) -> None:
        self.ui = threading.get_ident()
        self.samples: list[tuple[float, str, tuple[str, ...]]] = []  # (time, UI stack, other stacks)
        self.collections: list[tuple[float, float, int, bool]] = []  # (start, end, generation, on the UI thread)
        self._started: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> StallTracer:
        gc.callbacks.append(self._collection)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        gc.callbacks.remove(self._collection)

    def _collection(self, phase: str, info: dict) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._started[thread] = time.perf_counter()
        elif thread in self._started:
            self.collections.append((self._started.pop(thread), time.perf_counter(), info["generation"], thread == self.ui))

    def _sample(self) -> None:
        mine = threading.get_ident()
        while not self._stop.is_set():
            time.sleep(INTERVAL)
            frames = sys._current_frames()
            now = time.perf_counter()
            others = tuple(_stack(f) for ident, f in frames.items() if ident not in (mine, self.ui))
            self.samples.append((now, _stack(frames.get(self.ui)), others))

    def report(self, gaps: list[tuple[float, float, float, float]], over: float = 0.05) -> None:
        """``gaps``: (start, end, CPU of the process, CPU of the UI thread) of every event-loop gap, seconds."""
        for start, end, process, ui in gaps:
            if end - start <= over:
                continue
            inside = [s for s in self.samples if start <= s[0] <= end]
            times = [start] + [s[0] for s in inside] + [end]
            waited = max(b - a for a, b in zip(times, times[1:]))
            print(f"  gap {(end - start) * 1000:.0f} ms (CPU {process * 1000:.0f} ms, UI thread {ui * 1000:.0f} ms); "
                  f"{len(inside)} samples, the sampler waited up to {waited * 1000:.0f} ms")
            inside_gc = [c for c in self.collections if c[1] >= start and c[0] <= end]
            if inside_gc:
                print(f"    {len(inside_gc)} cyclic collections, {sum(c[1] - c[0] for c in inside_gc) * 1000:.1f} ms in all")
            for c_start, c_end, generation, on_ui in inside_gc:
                if c_end - c_start > 0.001:
                    print(f"    gc gen {generation} {(c_end - c_start) * 1000:.1f} ms on the {'UI' if on_ui else 'other'} thread")
            for stack, count in Counter(s[1] for s in inside).most_common(8):
                print(f"    UI ×{count}: {stack}")
            for stack, count in Counter(o for s in inside for o in s[2]).most_common(3):
                print(f"    other ×{count}: {stack}")

    def collection_summary(self) -> str:
        longest = max(self.collections, key=lambda c: c[1] - c[0], default=None)
        if longest is None:
            return "no cyclic collections"
        by_generation = Counter(c[2] for c in self.collections)
        return (f"collections by generation {dict(sorted(by_generation.items()))}; longest gen {longest[2]} "
                f"{(longest[1] - longest[0]) * 1000:.1f} ms on the {'UI' if longest[3] else 'other'} thread")
