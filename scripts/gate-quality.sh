#!/usr/bin/env bash
# The gate's own quality on this machine, measured the way the gate runs: repeated scripts/compare.sh runs
# of one commit against itself. An A/A compare (same code on both sides) must never flag a regression; a
# slowdown compare gives the head side -Dauthbench.selftest.slowdownPercent=SLOWDOWN (the reference verifier
# verifies an accepted token a second time on that share of calls, so its rows really get that much slower)
# and should flag the reference rows. Both kinds run in every mode of MODES, RUNS times each, in an order that
# reverses every cycle so that the machine's slow phases spread over all cells.
#
#   scripts/gate-quality.sh [REF]        (REF defaults to HEAD)
#
# After every compare the table is rebuilt (scripts/gate-quality.py OUT > OUT/quality.md), so a series cut
# short keeps what it measured and says how far it got. Nothing else should run on the machine meanwhile.
#
# Environment:
#   RUNS=2                       compares per cell (mode x kind)
#   MODES=sequential             compare.sh modes to measure: sequential (the gate's default), duet (DUET=1), or both
#   SLOWDOWN=10                  injected slowdown of the slowdown compares, in percent
#   OUT=                         series folder (default: results/runs/gate-quality-<UTC time>-<ref>)
#   JAR_CACHE=                   where built jars are kept (default: target/jar-cache), so no compare builds
#   and compare.sh's own settings (BUDGET_MINUTES, ROUNDS, MAX_ROUNDS, PROFILE, COMPARE_ARGS, JAVA, MVN)
set -euo pipefail

if [ $# -gt 1 ]; then
  echo "usage: scripts/gate-quality.sh [REF]" >&2
  exit 2
fi
RUNS=${RUNS:-2}
MODES=${MODES:-sequential}
SLOWDOWN=${SLOWDOWN:-10}
case $RUNS in ''|*[!0-9]*|0) echo "gate-quality.sh: RUNS must be a whole number above 0, got '$RUNS'" >&2; exit 2 ;; esac
case $SLOWDOWN in ''|*[!0-9]*|0) echo "gate-quality.sh: SLOWDOWN must be a whole percent above 0, got '$SLOWDOWN'" >&2; exit 2 ;; esac
for m in $MODES; do
  case $m in sequential|duet) ;; *) echo "gate-quality.sh: unknown mode '$m' in MODES (sequential, duet)" >&2; exit 2 ;; esac
done
repo=$(git rev-parse --show-toplevel)
sha=$(git rev-parse --verify --quiet "${1:-HEAD}^{commit}") || { echo "gate-quality.sh: unknown commit '${1:-HEAD}'" >&2; exit 2; }
OUT=${OUT:-$repo/results/runs/gate-quality-$(date -u +%Y%m%dT%H%M%SZ)-${sha:0:7}}
mkdir -p "$(dirname "$OUT")"
mkdir "$OUT"   # fails if it exists: a series never writes into an earlier one
OUT=$(cd "$OUT" && pwd)
export JAR_CACHE=${JAR_CACHE:-$repo/target/jar-cache}

# Build the jar once, so that no compare spends its time budget on a build.
if [ ! -f "$JAR_CACHE/$sha.jar" ]; then
  wt=$(mktemp -d)/wt
  git -C "$repo" worktree add --detach "$wt" "$sha" >/dev/null 2>&1 \
    || { echo "gate-quality.sh: cannot create a worktree for ${sha:0:7}" >&2; exit 2; }
  echo "gate-quality.sh: building ${sha:0:7}" >&2
  built=0
  (cd "$wt" && ${MVN:-./mvnw} -B -ntp -q -DskipTests package) >&2 && built=1
  [ "$built" = 0 ] || { mkdir -p "$JAR_CACHE" && cp "$wt/target/authbench.jar" "$JAR_CACHE/$sha.jar"; }
  git -C "$repo" worktree remove --force "$wt" >/dev/null 2>&1 || true
  [ "$built" = 1 ] || { echo "gate-quality.sh: building ${sha:0:7} failed" >&2; exit 2; }
fi

cells=()
for m in $MODES; do cells+=("$m aa" "$m slow"); done
table() { python3 "$repo/scripts/gate-quality.py" "$OUT" >"$OUT/quality.md.tmp" && mv "$OUT/quality.md.tmp" "$OUT/quality.md"; }
trap 'echo "gate-quality.sh: interrupted; the compares so far are in $OUT/quality.md" >&2; table || true; exit 130' INT TERM

n=0
for ((cycle = 1; cycle <= RUNS; cycle++)); do
  order=("${cells[@]}")
  if [ $((cycle % 2)) -eq 0 ]; then
    order=()
    for ((i = ${#cells[@]} - 1; i >= 0; i--)); do order+=("${cells[i]}"); done
  fi
  for cell in "${order[@]}"; do
    read -r mode kind <<<"$cell"
    n=$((n + 1))
    name=$(printf '%02d-%s-%s' "$n" "$mode" "$([ "$kind" = aa ] && echo aa || echo "slow$SLOWDOWN")")
    duet=0; [ "$mode" = duet ] && duet=1
    head_opts=; [ "$kind" = slow ] && head_opts=-Dauthbench.selftest.slowdownPercent=$SLOWDOWN
    echo "gate-quality.sh: compare $n of $((RUNS * ${#cells[@]})): $name" >&2
    set +e
    (cd "$repo" && DUET=$duet HEAD_JAVA_OPTS=$head_opts BASE_JAVA_OPTS= OUT="$OUT/$name" \
        scripts/compare.sh "$sha" "$sha") >"$OUT/$name.log" 2>&1
    status=$?
    set -e
    echo "$status" >"$OUT/$name/exit" 2>/dev/null || true
    if [ "$status" -gt 1 ]; then
      echo "gate-quality.sh: compare $name could not run (exit $status); see $OUT/$name.log" >&2
      tail -3 "$OUT/$name.log" >&2
      table || true
      exit 2
    fi
    table
  done
done
cat "$OUT/quality.md"
echo "gate-quality.sh: $n compares in $OUT" >&2
