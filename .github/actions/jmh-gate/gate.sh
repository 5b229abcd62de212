#!/usr/bin/env bash
# A regression gate for any JMH benchmarks: builds two commits of the repository it runs in, runs the
# caller's benchmark command on both in interleaved rounds, and judges them with `authbench compare`.
#
#   BENCH_COMMAND='java -jar target/benchmarks.jar -f 1 -rf json -rff "$JMH_GATE_RESULT"' \
#   BASE_REF=origin/main AUTHBENCH_JAR=path/to/authbench.jar gate.sh
#
# Each commit is checked out in its own git worktree (removed on exit) and built there once with
# BUILD_COMMAND. Round r runs BENCH_COMMAND in each worktree, base first on odd rounds and head first on
# even ones (A B, B A, A B, ...), so drift in the machine's speed lands on both sides alike. The command
# sees:
#   JMH_GATE_RESULT    <OUT>/<side>/round-<r>/jmh-result.json: write the round's JMH JSON here, or
#   JMH_GATE_SIDE_DIR  <OUT>/<side>: a tool that writes its own run folder (authbench run --out) puts it here
#   JMH_GATE_SIDE      base or head;  JMH_GATE_ROUND  1..ROUNDS
# Run one JMH fork per round: `compare` merges a side's rounds fork by fork, and needs at least two.
#
# Environment:
#   BENCH_COMMAND   (required) shell command run in the worktree root for every round
#   BUILD_COMMAND   shell command run once per worktree before the rounds (default: none)
#   BASE_REF        (required) base commit; HEAD_REF (default HEAD) the change under test
#   ROUNDS=4        rounds (forks per side; the interval is over forks: 4 see what 3 often cannot)
#   THRESHOLD=5     smallest change in percent that counts;  CONFIDENCE=0.99;  STRICT=false (true: an
#                   inconclusive row fails the gate too)
#   AUTHBENCH_JAR   (required) the authbench jar that compares;  JAVA=java
#   OUT             output folder, must not exist (default: a new folder under $TMPDIR); it receives
#                   base/, head/, base.log, head.log, summary.md, verdicts.json
# Exit code: compare's (0 no regression, 1 regression, 2 bad input or a failed build or round).
set -euo pipefail

fail() { echo "jmh-gate: $*" >&2; exit 2; }

[ -n "${BENCH_COMMAND:-}" ] || fail "BENCH_COMMAND is empty: give the command that runs your benchmarks"
[ -n "${BASE_REF:-}" ] || fail "BASE_REF is empty: give the base commit (on a pull request: origin/<base branch>)"
[ -n "${AUTHBENCH_JAR:-}" ] && [ -f "$AUTHBENCH_JAR" ] || fail "AUTHBENCH_JAR '${AUTHBENCH_JAR:-}' is not a file"
ROUNDS=${ROUNDS:-4}
case $ROUNDS in ''|*[!0-9]*) fail "ROUNDS must be a whole number, got '$ROUNDS'" ;; esac
[ "$ROUNDS" -ge 2 ] || fail "ROUNDS must be at least 2 (compare needs two forks per side), got $ROUNDS"
THRESHOLD=${THRESHOLD:-5}
CONFIDENCE=${CONFIDENCE:-0.99}
JAVA=${JAVA:-java}
compare_args=(--threshold "$THRESHOLD" --confidence "$CONFIDENCE")
case ${STRICT:-false} in
  true) compare_args+=(--strict) ;;
  false|'') ;;
  *) fail "STRICT must be true or false, got '$STRICT'" ;;
esac

repo=$(git rev-parse --show-toplevel) || fail "not inside a git repository"
base_sha=$(git rev-parse --verify --quiet "$BASE_REF^{commit}") \
  || fail "unknown commit '$BASE_REF' (a shallow clone? check out with fetch-depth: 0)"
head_sha=$(git rev-parse --verify --quiet "${HEAD_REF:-HEAD}^{commit}") || fail "unknown commit '${HEAD_REF:-HEAD}'"
OUT=${OUT:-${TMPDIR:-/tmp}/jmh-gate-$(date -u +%Y%m%dT%H%M%SZ)-${base_sha:0:7}-${head_sha:0:7}}
mkdir -p "$(dirname "$OUT")"
mkdir "$OUT" || fail "OUT $OUT exists: a gate never writes into an earlier one"
OUT=$(cd "$OUT" && pwd)
AUTHBENCH_JAR=$(cd "$(dirname "$AUTHBENCH_JAR")" && pwd)/$(basename "$AUTHBENCH_JAR")
started=$(date +%s)

tmp=$(mktemp -d)
cleanup() {
  for wt in "$tmp"/base "$tmp"/head; do
    [ -d "$wt" ] && git -C "$repo" worktree remove --force "$wt" >/dev/null 2>&1
  done
  git -C "$repo" worktree prune
  rm -rf "$tmp"
}
trap cleanup EXIT

prepare() { # side sha
  git -C "$repo" worktree add --detach "$tmp/$1" "$2" >/dev/null 2>&1 \
    || fail "cannot create a worktree for $1 (${2:0:7})"
  if [ -n "${BUILD_COMMAND:-}" ]; then
    echo "jmh-gate: building $1 (${2:0:7})" >&2
    (cd "$tmp/$1" && bash -c "$BUILD_COMMAND") >>"$OUT/$1.log" 2>&1 \
      || { tail -20 "$OUT/$1.log" >&2; fail "building $1 (${2:0:7}) failed (see $OUT/$1.log)"; }
  fi
}
prepare base "$base_sha"
prepare head "$head_sha"

run_side() { # side round
  local dir=$OUT/$1/round-$2
  mkdir -p "$dir"
  echo "jmh-gate: round $2/$ROUNDS: $1" >&2
  (cd "$tmp/$1" && JMH_GATE_SIDE=$1 JMH_GATE_ROUND=$2 JMH_GATE_RESULT=$dir/jmh-result.json \
      JMH_GATE_SIDE_DIR=$OUT/$1 bash -c "$BENCH_COMMAND") >>"$OUT/$1.log" 2>&1 \
    || { tail -20 "$OUT/$1.log" >&2; fail "round $2 of $1 failed (see $OUT/$1.log)"; }
  # A tool that wrote its own run folder into JMH_GATE_SIDE_DIR left this one empty.
  rmdir "$dir" 2>/dev/null || true
}
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then run_side base "$r"; run_side head "$r"; else run_side head "$r"; run_side base "$r"; fi
done

set +e
"$JAVA" -jar "$AUTHBENCH_JAR" compare "$OUT/base" "$OUT/head" --format md "${compare_args[@]}" >"$OUT/summary.md"
status=$?
"$JAVA" -jar "$AUTHBENCH_JAR" compare "$OUT/base" "$OUT/head" --format json "${compare_args[@]}" >"$OUT/verdicts.json"
set -e
elapsed=$(( $(date +%s) - started ))
wall=$(printf '%dm%02ds' $((elapsed / 60)) $((elapsed % 60)))
if [ "$status" -le 1 ]; then
  printf '\n_%s rounds × (base %s, head %s), threshold %s%%, confidence %s, wall time %s (builds and runs)._\n' \
    "$ROUNDS" "${base_sha:0:7}" "${head_sha:0:7}" "$THRESHOLD" "$CONFIDENCE" "$wall" >>"$OUT/summary.md"
fi
cat "$OUT/summary.md"
echo "jmh-gate: exit $status, wall time $wall, results in $OUT" >&2
exit "$status"
