#!/usr/bin/env python3
"""The table of a gate-quality series: one line per compare, then the rates per mode.

    scripts/gate-quality.py [--verdicts FILE] SERIES_DIR [SERIES_DIR ...]     (Markdown on standard output)

Reads what scripts/gate-quality.sh leaves in each series folder: per compare, a folder NN-MODE-KIND
(KIND: aa, or slowP for an injected P% slowdown) holding compare.sh's verdicts.json, summary.md, exit and the
run folders of both sides. Several folders pool their compares (a series spread over several sessions).
--verdicts reads another verdicts file in each compare folder instead of verdicts.json: the same runs judged
another way (e.g. `authbench compare base head --format json --paired > verdicts-paired.json`); its exit code
is then read from its verdicts (1 with a regression), the wall time stays that of the compare that ran.

A false alarm is a regression in an A/A compare, or on a row the slowdown does not touch (the slowdown is
injected into the reference verifier only). A slowdown is caught when the compare exits 1 with a regression on
a reference row. "Half-width" is half the width of a row's interval of head/base, the gate's resolution;
half-width x sqrt(minutes) puts modes of different wall time on one footing (an interval narrows with the
square root of the time spent), lower is better.
"""
import glob
import json
import math
import os
import re
import statistics
import sys


def fail(message):
    print(f"gate-quality.py: {message}", file=sys.stderr)
    sys.exit(2)


def wall_minutes(summary):
    m = re.search(r"wall time (\d+)m(\d+)s", summary)
    return int(m.group(1)) + int(m.group(2)) / 60 if m else None


def host_noise(folder):
    spreads = []
    for manifest in glob.glob(os.path.join(folder, "*", "*", "manifest.json")):
        with open(manifest) as f:
            noise = json.load(f).get("hostNoise") or {}
        if noise.get("spread"):
            spreads.append(noise["spread"])
    return max(spreads) - 1 if spreads else None


def compares(series, verdicts_name):
    for folder in sorted(glob.glob(os.path.join(series, "[0-9]*-*-*"))):
        if not os.path.isdir(folder):
            continue
        m = re.fullmatch(r"\d+-(sequential|duet)-(aa|slow(\d+))", os.path.basename(folder))
        verdicts = os.path.join(folder, verdicts_name)
        if not m or not os.path.isfile(verdicts):
            continue   # not a compare, or one that did not finish
        with open(verdicts) as f:
            v = json.load(f)
        with open(os.path.join(folder, "summary.md")) as f:
            summary = f.read()
        exit_file = os.path.join(folder, "exit")
        status = int(open(exit_file).read().strip()) if os.path.isfile(exit_file) else None
        if verdicts_name != "verdicts.json":
            status = 1 if v["counts"].get("regression", 0) > 0 else 0
        rows = v["rows"]
        forks = sorted({r["baseStats"]["forks"] for r in rows} | {r["headStats"]["forks"] for r in rows})
        yield {
            "name": os.path.relpath(folder, os.path.dirname(os.path.abspath(series))),
            "mode": m.group(1),
            "slowdown": int(m.group(3)) if m.group(3) else 0,
            "exit": status,
            "rows": rows,
            "counts": v["counts"],
            "forks": f"{forks[0]}–{forks[-1]}" if forks and forks[0] != forks[-1] else str(forks[0]) if forks else "?",
            "minutes": wall_minutes(summary),
            "noise": host_noise(folder),
        }


def affected(row):
    return "library=REFERENCE" in row["name"]


def half_width(row):
    lo, hi = row.get("intervalLow"), row.get("intervalHigh")
    return (hi - lo) / 2 if lo is not None and hi is not None else None


def interval(row):
    hw = half_width(row)
    if hw is None:
        return f"{row['ratio']:.3f}"
    return f"{row['ratio']:.3f} [{row['intervalLow']:.3f}, {row['intervalHigh']:.3f}]"


def short(name):
    alg = re.search(r"alg=(\w+)", name)
    return alg.group(1) if alg else name


def median(values):
    values = [x for x in values if x is not None]
    return statistics.median(values) if values else None


def fmt(x, pattern="{:.1f}"):
    return "n/a" if x is None else pattern.format(x)


def main(argv):
    verdicts_name = "verdicts.json"
    if argv[:1] == ["--verdicts"]:
        if len(argv) < 2:
            fail("--verdicts needs a file name")
        verdicts_name, argv = argv[1], argv[2:]
    if not argv:
        fail("usage: scripts/gate-quality.py [--verdicts FILE] SERIES_DIR [SERIES_DIR ...]")
    runs = []
    for series in argv:
        if not os.path.isdir(series):
            fail(f"no such series folder: {series}")
        runs.extend(compares(series, verdicts_name))
    out = ["# The gate's own quality", ""]
    if verdicts_name != "verdicts.json":
        out += [f"Verdicts from `{verdicts_name}` in each compare folder: the same runs, judged again.", ""]
    if not runs:
        out.append("No finished compare yet.")
        print("\n".join(out))
        return
    labels = ["regression", "improvement", "no change", "inconclusive"]
    out += ["| compare | mode | head | exit | verdicts | `reference` rows (head/base, interval) | forks a side "
            "| median half-width | host noise | wall time |", "|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        counts = ", ".join(f"{r['counts'].get(k, 0)} {k}" for k in labels)
        ref = "; ".join(f"{short(x['name'])} {interval(x)}" for x in r["rows"] if affected(x) and x["metric"] == "score")
        hw = median(half_width(x) for x in r["rows"] if x["metric"] == "score")
        head = "A/A" if r["slowdown"] == 0 else f"{r['slowdown']}% slowdown"
        out.append(f"| {r['name']} | {r['mode']} | {head} | {r['exit']} | {counts} | {ref} | {r['forks']} "
                   f"| {fmt(hw and hw * 100)}% | {fmt(r['noise'] and r['noise'] * 100, '{:.0f}')}% "
                   f"| {fmt(r['minutes'])} min |")
    out += ["", "| mode | A/A: false regressions | A/A: false improvements | slowdown: caught | slowdown: reference rows "
            "flagged | slowdown: other rows flagged | median half-width (A/A) | half-width × √minutes | median wall "
            "time | host noise (median) |", "|---|---|---|---|---|---|---|---|---|---|"]
    for mode in sorted({r["mode"] for r in runs}):
        aa = [r for r in runs if r["mode"] == mode and r["slowdown"] == 0]
        slow = [r for r in runs if r["mode"] == mode and r["slowdown"] > 0]

        def flagged(r, verdict, pick):
            return [x for x in r["rows"] if x["metric"] == "score" and x["verdict"] == verdict and pick(x)]

        false_reg = sum(1 for r in aa if r["counts"].get("regression", 0) > 0)
        false_imp = sum(1 for r in aa if r["counts"].get("improvement", 0) > 0)
        caught = sum(1 for r in slow if r["exit"] == 1 and flagged(r, "regression", affected))
        ref_rows = sum(len([x for x in r["rows"] if x["metric"] == "score" and affected(x)]) for r in slow)
        ref_flagged = sum(len(flagged(r, "regression", affected)) for r in slow)
        other = sum(len(flagged(r, "regression", lambda x: not affected(x))) for r in slow)
        hw = median(half_width(x) for r in aa for x in r["rows"] if x["metric"] == "score")
        minutes = median(r["minutes"] for r in runs if r["mode"] == mode)
        per_minute = hw * math.sqrt(minutes) if hw is not None and minutes else None
        noise = median(r["noise"] for r in runs if r["mode"] == mode)
        out.append(f"| {mode} | {false_reg} of {len(aa)} | {false_imp} of {len(aa)} | {caught} of {len(slow)} "
                   f"| {ref_flagged} of {ref_rows} | {other} | {fmt(hw and hw * 100)}% "
                   f"| {fmt(per_minute and per_minute * 100)}% | {fmt(minutes)} min "
                   f"| {fmt(noise and noise * 100, '{:.0f}')}% |")
    out += ["", "Host noise: how far the speed of the run's calibration workload moved during the compare (the "
            "largest spread of any of its runs). A false alarm is a regression in an A/A compare or on a row "
            "the slowdown does not touch; a slowdown is caught when the compare exits 1 with a regression on a "
            "`reference` row. Half-width: half the width of a row's interval of head/base (every row, score)."]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
