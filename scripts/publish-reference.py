#!/usr/bin/env python3
"""Copy a run folder into results/reference/NAME, trimmed for the repository, and rebuild its report.

    scripts/publish-reference.py RUN_DIR NAME

What changes on the way (and nothing else; every score, error and percentile stays JMH's own):
  - SampleTime `rawDataHistogram` arrays are dropped (megabytes; the report reads scores, errors and
    percentiles only), as are `jmh.log` and the raw `.hlog` interval logs under `latency/`;
  - absolute paths of JVM executables (JMH's per-row `jvm`, the manifest's `arguments` and `forkJvms`)
    become `<JDK version>/bin/java`, and the run folder's own path (in the forks' JVM arguments) becomes
    `<run folder>`: they name folders of the machine that ran them, while the version is what a reader
    needs.
Refuses to overwrite an existing results/reference/NAME. Needs target/authbench.jar (for `report`).
"""
import json
import pathlib
import shutil
import subprocess
import sys


def fail(message):
    print(f"publish-reference: {message}", file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) != 3:
        fail("usage: scripts/publish-reference.py RUN_DIR NAME")
    run = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    dest = root / "results" / "reference" / sys.argv[2]
    if not (run / "jmh-result.json").is_file() or not (run / "manifest.json").is_file():
        fail(f"{run} is not a run folder (needs jmh-result.json and manifest.json)")
    if dest.exists():
        fail(f"{dest} exists; remove it first if it is to be replaced")

    rows = json.loads((run / "jmh-result.json").read_text())
    jvm_names = {}
    for row in rows:
        path = row.get("jvm", "")
        jvm_names.setdefault(path, f"<JDK {row.get('jdkVersion', '?')}>/bin/java")
        row["jvm"] = jvm_names[path]
        row.get("primaryMetric", {}).pop("rawDataHistogram", None)
        for metric in row.get("secondaryMetrics", {}).values():
            metric.pop("rawDataHistogram", None)

    replacements = [(path, name) for path, name in jvm_names.items() if path]
    replacements.append((str(run.resolve()), "<run folder>"))

    def redact(value):
        if isinstance(value, str):
            for path, name in replacements:
                value = value.replace(path, name)
            return value
        if isinstance(value, list):
            return [redact(v) for v in value]
        if isinstance(value, dict):
            return {k: redact(v) for k, v in value.items()}
        return value

    rows = redact(rows)
    manifest = redact(json.loads((run / "manifest.json").read_text()))

    shutil.copytree(run, dest, ignore=shutil.ignore_patterns("jmh.log", "*.hlog", "report.*", "summary.csv", "charts"))
    (dest / "jmh-result.json").write_text(json.dumps(rows, indent=2) + "\n")
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    jar = root / "target" / "authbench.jar"
    if not jar.is_file():
        fail("target/authbench.jar is missing: build it first (./mvnw -B -ntp -DskipTests package)")
    subprocess.run(["java", "-jar", str(jar), "report", str(dest)], check=True)
    print(f"publish-reference: {dest}")


if __name__ == "__main__":
    main()
