"""The Python selector's benchmark rows (run by scripts/bench-python.ts, `npm run bench:python`; docs/benchmarks.md).

Each row is a job and its baseline measured side by side in this process, as the median of interleaved samples:
load_snapshot against json.load, select (auto and explicit) against a dict lookup, on the same snapshot. Prints JSON."""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from provider_registry_selector import create_selector, load_snapshot  # noqa: E402
from provider_registry_selector.check_snapshot import validator_names  # noqa: E402

# The TypeScript bench's auto requests (scripts/bench/selector-rows.ts), so that the two compare like for like.
AUTO_REQUESTS = [
    {"category": "balanced", "requires": {"vision": True, "tools": True, "minContext": 200000}},
    {"category": "fast_response", "requires": {"tools": True, "json": True, "minOutput": 16384}},
    {"category": "extended_reasoning", "requires": {"reasoning": True, "vision": True, "minContext": 262144}},
    {"category": "balanced", "requires": {"json": True, "minContext": 128000, "minOutput": 32768}},
]
CALLS = 20000
KEYS = 64


def side_by_side(job, baseline, samples):
    """Median ns of each, sampled alternately so that both see the same machine."""
    a, b = [], []
    for _ in range(samples):
        b.append(baseline())
        a.append(job())
    return statistics.median(a), statistics.median(b)


def timed(fn):
    start = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - start


def select_loop(selector, requests, mask):
    def run():
        total = 0
        start = time.perf_counter_ns()
        for i in range(CALLS):
            total += len(selector.select(requests[i & mask]).model)
        return (time.perf_counter_ns() - start) / CALLS

    return run


def lookup_loop(table, keys):
    def run():
        total = 0
        start = time.perf_counter_ns()
        for i in range(CALLS):
            total += len(table[keys[i & (KEYS - 1)]]["id"])
        return (time.perf_counter_ns() - start) / CALLS

    return run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--snapshot", required=True)
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--load-samples", type=int, default=7)
    args = parser.parse_args()
    rows = []

    def json_load():
        with open(args.snapshot, "rb") as f:
            json.load(f)

    for validator in validator_names()[::-1]:
        job, base = side_by_side(lambda: timed(lambda: load_snapshot(args.snapshot, validator)), lambda: timed(json_load), args.load_samples)
        rows.append({"id": "py_load_snapshot_%s" % validator, "job": "load_snapshot (%s)" % validator, "baseline": "json.load", "jobNs": job, "baselineNs": base, "target": 3})

    snapshot = load_snapshot(args.snapshot, "structure")
    selector = create_selector(snapshot)
    models = snapshot["models"]
    by_id = {m["id"]: m for m in models}
    routable = [m["id"] for m in models if m["kind"] == "chat" and m["availability"] in ("listed", "stale")]
    step = max(1, len(routable) // KEYS)
    names = [routable[(i * step) % len(routable)] for i in range(KEYS)]
    # Copies, as a caller holds them: equal strings, not the same objects.
    keys = ["".join(list(n)) for n in names]
    explicit = []
    for name in keys:
        try:
            selector.select({"model": name})
            explicit.append({"model": name})
        except Exception:
            pass
    explicit = (explicit * KEYS)[:KEYS]

    job, base = side_by_side(select_loop(selector, AUTO_REQUESTS, 3), lookup_loop(by_id, keys), args.samples)
    rows.append({"id": "py_select_auto", "job": "select (auto)", "baseline": "dict lookup", "jobNs": job, "baselineNs": base, "target": 40})
    job, base = side_by_side(select_loop(selector, explicit, KEYS - 1), lookup_loop(by_id, keys), args.samples)
    rows.append({"id": "py_select_explicit", "job": "select ({model})", "baseline": "dict lookup", "jobNs": job, "baselineNs": base, "target": 5})

    # The in-process cost batch mode is compared with: select plus writing the answer as one JSON line.
    from provider_registry_selector.batch import answer_line

    lines = [json.dumps(r) for r in explicit]
    start = time.perf_counter_ns()
    n = 2000
    for i in range(n):
        answer_line(selector, lines[i & (KEYS - 1)], i + 1)
    answer_ns = (time.perf_counter_ns() - start) / n
    json.dump({"models": len(models), "rows": rows, "explicitRequests": [r["model"] for r in explicit[:8]], "answerLineNs": answer_ns, "python": sys.version.split()[0]}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
