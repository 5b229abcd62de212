#!/usr/bin/env bash
# The CI regression gate: build BASE_REF and HEAD_REF, run the `ci` profile on both with their forks
# interleaved on this machine, then `authbench compare` them.
#
#   scripts/compare.sh BASE_REF [HEAD_REF]        (HEAD_REF defaults to HEAD)
#
# Each commit is built in its own git worktree under a temporary folder (removed on exit). The runs go
# in ROUNDS rounds; a round runs one fork of every row for each side, base first on odd rounds and head
# first on even ones (A B B A A B ...), so drift in the machine's speed lands on both sides alike. The
# rounds of a side are merged fork by fork by `compare`. Results stay in OUT: base/ and head/ (run
# folders), summary.md, verdicts.json. Exit code: compare's (0 no regression, 1 regression, 2 bad input).
#
# Environment:
#   ROUNDS=3            rounds = forks per side (the ci profile's fork count)
#   PROFILE=ci          profile to run
#   RUN_ARGS=           extra `run` options for both sides, e.g. "--include Verify --param library=REFERENCE"
#   BASE_JAVA_OPTS=     JVM options of the base side's `run` (JMH forks inherit its -D options)
#   HEAD_JAVA_OPTS=     JVM options of the head side's, e.g. -Dauthbench.selftest.slowdownPercent=10
#   COMPARE_ARGS=       extra `compare` options, e.g. "--threshold 5 --confidence 0.99 --strict"
#   JAR_CACHE=          folder keeping built jars by commit; a cached jar is reused (repeated A/A runs)
#   OUT=                output folder (default: results/runs/compare-<UTC time>-<base>-<head>)
#   MVN=./mvnw          Maven command run in each worktree (e.g. "mvn -o" offline)
#   JAVA=java           java executable
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/compare.sh BASE_REF [HEAD_REF]" >&2
  exit 2
fi
started=$(date +%s)
repo=$(git rev-parse --show-toplevel)
base_sha=$(git rev-parse --verify --quiet "$1^{commit}") || { echo "compare.sh: unknown commit '$1'" >&2; exit 2; }
head_sha=$(git rev-parse --verify --quiet "${2:-HEAD}^{commit}") || { echo "compare.sh: unknown commit '${2:-HEAD}'" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
PROFILE=${PROFILE:-ci}
MVN=${MVN:-./mvnw}
JAVA=${JAVA:-java}
OUT=${OUT:-$repo/results/runs/compare-$(date -u +%Y%m%dT%H%M%SZ)-${base_sha:0:7}-${head_sha:0:7}}
mkdir -p "$(dirname "$OUT")"
mkdir "$OUT"   # fails if it exists: never write into an earlier comparison
OUT=$(cd "$OUT" && pwd)

tmp=$(mktemp -d)
cleanup() {
  for wt in "$tmp"/wt-*; do
    [ -d "$wt" ] && git -C "$repo" worktree remove --force "$wt" >/dev/null 2>&1
  done
  git -C "$repo" worktree prune
  rm -rf "$tmp"
}
trap cleanup EXIT

# A worktree per commit: the build happens there, and `run` records the commit of the folder it runs in.
prepare() {
  local sha=$1 wt=$tmp/wt-$1
  if [ ! -d "$wt" ]; then
    git -C "$repo" worktree add --detach "$wt" "$sha" >/dev/null 2>&1 \
      || { echo "compare.sh: cannot create a worktree for ${sha:0:7}" >&2; exit 2; }
    if [ -n "${JAR_CACHE:-}" ] && [ -f "$JAR_CACHE/$sha.jar" ]; then
      echo "compare.sh: reusing $JAR_CACHE/$sha.jar" >&2
      cp "$JAR_CACHE/$sha.jar" "$wt/authbench.jar"
    else
      echo "compare.sh: building ${sha:0:7}" >&2
      (cd "$wt" && $MVN -B -ntp -q -DskipTests package) >&2 \
        || { echo "compare.sh: building ${sha:0:7} failed" >&2; exit 2; }
      cp "$wt/target/authbench.jar" "$wt/authbench.jar"
      if [ -n "${JAR_CACHE:-}" ]; then
        mkdir -p "$JAR_CACHE" && cp "$wt/authbench.jar" "$JAR_CACHE/$sha.jar"
      fi
    fi
    # `run --forks 0` is refused before anything is written; a jar without the option says it is unknown.
    if "$JAVA" -jar "$wt/authbench.jar" run --forks 0 2>&1 | grep -q "Unknown option: '--forks'"; then
      echo "compare.sh: commit ${sha:0:7} predates 'run --forks'; the gate needs it on both sides" >&2
      exit 2
    fi
  fi
}
prepare "$base_sha"
prepare "$head_sha"

run_side() {   # side sha java-opts
  local side=$1 sha=$2 opts=$3
  echo "compare.sh: round $r/$ROUNDS: $side (${sha:0:7})" >&2
  # shellcheck disable=SC2086  # the option strings are meant to split into words
  (cd "$tmp/wt-$sha" && "$JAVA" $opts -jar authbench.jar run --profile "$PROFILE" --forks 1 --no-report \
      --out "$OUT/$side" ${RUN_ARGS:-}) >>"$OUT/$side.log" 2>&1 \
    || { echo "compare.sh: the $side run failed (see $OUT/$side.log)" >&2; tail -5 "$OUT/$side.log" >&2; exit 2; }
}
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then
    run_side base "$base_sha" "${BASE_JAVA_OPTS:-}"; run_side head "$head_sha" "${HEAD_JAVA_OPTS:-}"
  else
    run_side head "$head_sha" "${HEAD_JAVA_OPTS:-}"; run_side base "$base_sha" "${BASE_JAVA_OPTS:-}"
  fi
done

gate=$tmp/wt-$head_sha/authbench.jar
set +e
# shellcheck disable=SC2086
"$JAVA" -jar "$gate" compare "$OUT/base" "$OUT/head" --format md ${COMPARE_ARGS:-} >"$OUT/summary.md"
status=$?
# shellcheck disable=SC2086
"$JAVA" -jar "$gate" compare "$OUT/base" "$OUT/head" --format json ${COMPARE_ARGS:-} >"$OUT/verdicts.json"
set -e
elapsed=$(( $(date +%s) - started ))
wall=$(printf '%dm%02ds' $((elapsed / 60)) $((elapsed % 60)))
if [ "$status" -le 1 ]; then
  printf '\n_%s rounds × (base, head), profile %s, wall time %s (build and runs)._\n' "$ROUNDS" "$PROFILE" "$wall" >>"$OUT/summary.md"
fi
cat "$OUT/summary.md"
echo "compare.sh: exit $status, wall time $wall, results in $OUT" >&2
exit "$status"
