#!/usr/bin/env python3
"""How long a gate fork should warm up and measure, from forks that ran long: the fork shape that narrows the
gate's interval most per minute on this machine.

    scripts/fork-shape.py [--iteration-ms MS] [--fork-overhead S] [--rows] RESULT.json [RESULT.json ...]

Each RESULT.json is JMH's JSON output of forks run with no warmup and many measurement iterations, e.g.

    java -jar target/authbench.jar jmh 'VerifyBenchmark.verify_valid$|ApiKeyLookupBenchmark.lookup_hit$' \\
        -p library=REFERENCE,NIMBUS -p store=PLAIN,HASHED -p alg=HS256,RS256,ES256 -bm avgt -tu ns \\
        -f 6 -wi 0 -i 28 -r 250ms -jvmArgs '-Xms1g -Xmx1g -XX:+AlwaysPreTouch' -rf json -rff forks.json

Rows of several files pool their forks (e.g. the two sides of a duet, each pinned to its CPU). For every shape
(the first W iterations taken as warmup, the next M as measurement) each fork gives the median of its M iterations,
as `compare` reads a fork; the table gives, per shape, the median over rows of the standard deviation of the log
fork medians (the fork-to-fork scatter the gate must see through), the seconds a fork costs (W + M iterations and
the JVM start and setup per fork), scatter x sqrt(cost) (an interval over forks narrows with the square root of
the forks, so lower sees more per minute), and the median level against the longest shape (above 1: still warming
up). --rows adds the scatter of every row. Markdown on standard output; bad input is one line and exit 2.
"""
import argparse
import json
import math
import statistics
import sys

SHAPES = [(w, m) for w in (2, 4, 6, 8, 12, 20) for m in (2, 4, 8)]


def fail(message):
    print(f"fork-shape.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_rows(files):
    rows = {}
    for name in files:
        try:
            with open(name) as f:
                results = json.load(f)
        except OSError as e:
            fail(f"cannot read {name}: {e.strerror}")
        except json.JSONDecodeError as e:
            fail(f"{name} is not JSON ({e.msg}, line {e.lineno})")
        if not isinstance(results, list):
            fail(f"{name} is not JMH's JSON output (a list of results)")
        for b in results:
            try:
                params = b.get("params") or {}
                label = b["benchmark"].rsplit(".", 1)[-1] + "".join(f" {k}={v}" for k, v in sorted(params.items()))
                forks = b["primaryMetric"]["rawData"]
            except (KeyError, TypeError, AttributeError):
                fail(f"{name} is not JMH's JSON output (a result without benchmark or primaryMetric.rawData)")
            rows.setdefault(label, []).extend(forks)
    if not rows:
        fail("no results in " + ", ".join(files))
    return rows


def main():
    ap = argparse.ArgumentParser(description="fork shapes for the gate from long forks (JMH JSON)")
    ap.error = fail   # one line and exit 2, like every other bad input here
    ap.add_argument("--iteration-ms", type=float, default=250, help="length of one iteration (default: 250)")
    ap.add_argument("--fork-overhead", type=float, default=2.4,
                    help="seconds of JVM start and setup per fork (default: 2.4)")
    ap.add_argument("--rows", action="store_true", help="also the scatter of every row")
    ap.add_argument("files", nargs="+", metavar="RESULT.json")
    a = ap.parse_args()
    if a.iteration_ms <= 0 or a.fork_overhead < 0:
        fail("--iteration-ms must be above 0 and --fork-overhead at least 0")
    rows = read_rows(a.files)
    iterations = min(len(f) for forks in rows.values() for f in forks)
    shapes = [(w, m) for w, m in SHAPES if w + m <= iterations]
    if not shapes:
        fail(f"forks of {iterations} iterations are too short: the shortest shape takes 4")
    forks = min(len(f) for f in rows.values())
    if forks < 3:
        fail(f"a row has {forks} fork(s): a scatter needs at least 3")
    longest = max(shapes, key=lambda s: (s[0] + s[1], s[0]))

    def fork_medians(raw, w, m):
        return [statistics.median(f[w:w + m]) for f in raw]

    scatter = {s: {r: statistics.stdev(math.log(x) for x in fork_medians(raw, *s)) for r, raw in rows.items()}
               for s in shapes}
    settled = {r: statistics.mean(fork_medians(raw, *longest)) for r, raw in rows.items()}
    level = {s: statistics.median(statistics.mean(fork_medians(raw, *s)) / settled[r] for r, raw in rows.items())
             for s in shapes}
    it = a.iteration_ms / 1000
    print(f"{len(rows)} rows, {forks}+ forks each, {iterations} iterations of {a.iteration_ms:g} ms per fork, "
          f"{a.fork_overhead:g} s of start and setup per fork\n")
    print("| warmup | measurement | s per fork | fork scatter (median sd) | scatter × √s | level vs "
          f"{longest[0] * it:g} s + {longest[1] * it:g} s |")
    print("|---|---|---|---|---|---|")
    for s in shapes:
        w, m = s
        cost = a.fork_overhead + (w + m) * it
        sd = statistics.median(scatter[s].values())
        print(f"| {w * it:g} s | {m} × {a.iteration_ms:g} ms | {cost:.1f} | {100 * sd:.1f}% | "
              f"{100 * sd * math.sqrt(cost):.1f} | {level[s]:.3f} |")
    if a.rows:
        print("\n| row | " + " | ".join(f"{w}+{m}" for w, m in shapes) + " |")
        print("|---|" + "---|" * len(shapes))
        for r in rows:
            print(f"| {r} | " + " | ".join(f"{100 * scatter[s][r]:.1f}" for s in shapes) + " |")


if __name__ == "__main__":
    main()
