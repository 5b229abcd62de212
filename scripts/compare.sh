#!/usr/bin/env bash
# The CI regression gate: build BASE_REF and HEAD_REF, run the `ci` profile on both with their forks
# interleaved on this machine, then `authbench compare` them; rows still inconclusive get extra rounds
# while the time budget allows.
#
#   scripts/compare.sh BASE_REF [HEAD_REF]        (HEAD_REF defaults to HEAD)
#
# Each commit is built in its own git worktree under a temporary folder (removed on exit). The runs go
# in ROUNDS rounds; a round runs one fork of every row for each side, base first on odd rounds and head
# first on even ones (A B B A A B ...), so drift in the machine's speed lands on both sides alike. Then
# `compare` judges the rows and names the inconclusive ones (--rerun-file); while there are some, fewer
# than MAX_ROUNDS rounds ran and another round of those rows fits in BUDGET_MINUTES (its cost estimated
# per row from the rounds so far), one more round runs for those rows only, and `compare` judges again.
# In duet mode (DUET=1, or auto where taskset and 2 CPUs exist) the two sides of a round run at the same time, each
# pinned to its own CPU (swapped every round), so both meet the same interference (Bulej et al., "Duet Benchmarking",
# ICPE 2020). The rounds of a side are merged fork by fork by `compare`. Results stay in OUT: base/ and head/ (run folders),
# summary.md, verdicts.json. Exit code: compare's (0 no regression, 1 regression, 2 bad input).
#
# Environment:
#   ROUNDS=3            first rounds = forks per side of every row (the ci profile's fork count)
#   MAX_ROUNDS=8        most rounds a row gets, extra rounds included (ROUNDS or less: no extra rounds)
#   BUDGET_MINUTES=10   wall time of the whole script (builds included) that extra rounds must fit in
#   DUET=0              0: one side at a time; 1: base and head at once, pinned with taskset to CPUs 0 and 1
#                       (Linux, 2+ CPUs); auto: 1 where taskset and 2 CPUs exist. On 2 CPUs a duet fork shares its
#                       one CPU with its own JIT and GC: on a quiet host its forks scattered 4.7% against 2.0% for
#                       sequential ones, so sequential saw more per minute there (docs/ci-gate.md)
#   PAIRED=0            1: judge rows paired by round (compare --paired); pays where slow phases, not single
#                       forks, make the noise
#   PROFILE=ci          profile to run
#   RUN_ARGS=           extra `run` options of the first rounds, e.g. "--include Verify --param library=REFERENCE";
#                       extra rounds run the rows compare names instead (benchmark, threads, every parameter);
#                       only the first round of a side ends with the conformance check
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
ROUNDS=${ROUNDS:-3}
MAX_ROUNDS=${MAX_ROUNDS:-8}
BUDGET_MINUTES=${BUDGET_MINUTES:-10}
DUET=${DUET:-0}
PAIRED=${PAIRED:-0}
case $PAIRED in 0|1) ;; *) echo "compare.sh: PAIRED must be 0 or 1, got '$PAIRED'" >&2; exit 2 ;; esac
has_taskset=0; command -v taskset >/dev/null 2>&1 && has_taskset=1
cpus=$(nproc 2>/dev/null || echo 1)
if [ "$DUET" = auto ]; then
  if [ "$has_taskset" = 1 ] && [ "$cpus" -ge 2 ]; then
    DUET=1
  else
    DUET=0
    echo "compare.sh: sequential rounds (duet mode needs taskset and 2 CPUs)" >&2
  fi
fi
for v in ROUNDS MAX_ROUNDS; do
  case ${!v} in ''|*[!0-9]*) echo "compare.sh: $v must be a whole number, got '${!v}'" >&2; exit 2 ;; esac
done
[ "$ROUNDS" -ge 1 ] || { echo "compare.sh: ROUNDS must be at least 1" >&2; exit 2; }
budget=$(awk -v m="$BUDGET_MINUTES" 'BEGIN { if (m !~ /^[0-9]*[.]?[0-9]+$/) exit 1; printf "%d", m * 60 }') \
  || { echo "compare.sh: BUDGET_MINUTES must be a number of minutes, got '$BUDGET_MINUTES'" >&2; exit 2; }
if [ "$DUET" = 1 ]; then
  [ "$has_taskset" = 1 ] \
    || { echo "compare.sh: DUET=1 pins each side to a CPU with taskset, which is not installed (util-linux)" >&2; exit 2; }
  [ "$cpus" -ge 2 ] || { echo "compare.sh: DUET=1 needs 2 CPUs, one per side; this process may use $cpus" >&2; exit 2; }
elif [ "$DUET" != 0 ]; then
  echo "compare.sh: DUET must be auto, 0 or 1, got '$DUET'" >&2; exit 2
fi
repo=$(git rev-parse --show-toplevel)
base_sha=$(git rev-parse --verify --quiet "$1^{commit}") || { echo "compare.sh: unknown commit '$1'" >&2; exit 2; }
head_sha=$(git rev-parse --verify --quiet "${2:-HEAD}^{commit}") || { echo "compare.sh: unknown commit '${2:-HEAD}'" >&2; exit 2; }
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

run_side() {   # side cpu [run arguments...]: one fork of the given rows; cpu empty = not pinned
  local side=$1 cpu=$2 sha opts
  shift 2
  if [ "$side" = base ]; then sha=$base_sha opts=${BASE_JAVA_OPTS:-}; else sha=$head_sha opts=${HEAD_JAVA_OPTS:-}; fi
  local pin=()
  # JMH refuses a second host at once (its lock file) unless told that running beside another is meant.
  [ -z "$cpu" ] || { pin=(taskset -c "$cpu"); opts="-Djmh.ignoreLock=true $opts"; }
  echo "compare.sh: round $r: $side (${sha:0:7})${cpu:+ on CPU $cpu}${1:+ $*}" >&2
  # shellcheck disable=SC2086  # the option strings are meant to split into words
  (cd "$tmp/wt-$sha" && ${pin[@]+"${pin[@]}"} "$JAVA" $opts -jar authbench.jar run --profile "$PROFILE" --forks 1 \
      --no-report --out "$OUT/$side" "$@") >>"$OUT/$side.log" 2>&1
}
side_round() {   # side cpu: every row in the first rounds, then the rows named in $rerun
  local side=$1 cpu=$2 line
  if [ "$r" -eq 1 ]; then
    # shellcheck disable=SC2086
    run_side "$side" "$cpu" ${RUN_ARGS:-} || return 1
  elif [ "$r" -le "$ROUNDS" ]; then
    # shellcheck disable=SC2086
    run_side "$side" "$cpu" ${RUN_ARGS:-} $skip_conformance || return 1
  else
    while IFS= read -r line; do
      local args=()
      read -r -a args <<<"$line"
      # shellcheck disable=SC2086
      run_side "$side" "$cpu" "${args[@]}" $skip_conformance || return 1
    done < <(grep -v '^#' "$rerun")
  fi
}
failed() {
  echo "compare.sh: the $1 run failed (see $OUT/$1.log)" >&2
  tail -5 "$OUT/$1.log" >&2
  exit 2
}
one_round() {
  if [ "$DUET" = 1 ]; then
    # Swapping the CPUs every round puts any difference between the two CPUs on both sides alike.
    local bcpu=$(( (r + 1) % 2 )) hcpu=$(( r % 2 )) bpid hpid bok=0 hok=0
    side_round base "$bcpu" & bpid=$!
    side_round head "$hcpu" & hpid=$!
    wait "$bpid" || bok=1
    wait "$hpid" || hok=1
    [ "$bok" -eq 0 ] || failed base
    [ "$hok" -eq 0 ] || failed head
  elif [ $((r % 2)) -eq 1 ]; then
    side_round base "" || failed base; side_round head "" || failed head
  else
    side_round head "" || failed head; side_round base "" || failed base
  fi
}
gate=$tmp/wt-$head_sha/authbench.jar
rerun=$tmp/rerun.txt
judge() {   # compare as it stands: summary.md, the exit status, and the rows to run again in $rerun
  local t0
  t0=$(date +%s)
  set +e
  # shellcheck disable=SC2086
  "$JAVA" -jar "$gate" compare "$OUT/base" "$OUT/head" --format md ${paired:-} ${COMPARE_ARGS:-} \
      ${adaptive:+--rerun-file "$rerun"} >"$OUT/summary.md"
  status=$?
  set -e
  compare_seconds=$(( $(date +%s) - t0 ))
}
# Fork i of a row ran in round i on both sides, so compare can judge the ratio within each round (PAIRED=1): a
# slow phase both sides of a round met cancels, but pairs have half the degrees of freedom; on the hosts measured
# neither won clearly (docs/ci-gate.md).
compare_help=$("$JAVA" -jar "$gate" compare --help 2>&1 || true)
paired=
if [ "$PAIRED" = 1 ]; then
  case $compare_help in *--paired*) ;; *) echo "compare.sh: PAIRED=1 needs a head whose compare has --paired" >&2; exit 2 ;; esac
  paired=--paired
fi
# Extra rounds need a head jar whose compare names the rows to run again.
adaptive=1 stop=
if [ "$MAX_ROUNDS" -le "$ROUNDS" ]; then
  adaptive=
  stop="MAX_ROUNDS=$MAX_ROUNDS leaves no room for one"
elif [[ $compare_help != *--rerun-file* ]]; then
  adaptive=
  stop="the head's compare predates --rerun-file"
fi
# The conformance check at the end of a run is not gated and does not change between rounds of one jar:
# it runs in each side's first round only (a third of a ci round's time), where both jars can skip it.
skip_conformance=--no-conformance
for sha in "$base_sha" "$head_sha"; do
  help=$("$JAVA" -jar "$tmp/wt-$sha/authbench.jar" run --help 2>&1 || true)
  case $help in *--no-conformance*) ;; *) skip_conformance= ;; esac
  [ -n "$adaptive" ] || continue
  case $help in *--threads*) ;; *) adaptive= stop="commit ${sha:0:7}'s run predates --threads" ;; esac
done
run_seconds=0 row_rounds=0 rows=0 pending=0
: >"$tmp/extra-rows"
r=0
while :; do
  r=$((r + 1))
  t0=$(date +%s)
  one_round
  run_seconds=$((run_seconds + $(date +%s) - t0))
  if [ "$r" -lt "$ROUNDS" ]; then continue; fi
  if [ "$r" -gt "$ROUNDS" ]; then
    row_rounds=$((row_rounds + pending))
    grep '^# ' "$rerun" | tail -n +2 | cut -c3- >>"$tmp/extra-rows"
  fi
  judge
  [ "$status" -le 1 ] && [ -n "$adaptive" ] || break
  read -r _ _ compared _ pending <"$rerun"
  if [ "$r" -eq "$ROUNDS" ]; then rows=$compared row_rounds=$((ROUNDS * compared)); fi
  if [ "$pending" -eq 0 ]; then stop="no row was left inconclusive"; break; fi
  if [ "$r" -ge "$MAX_ROUNDS" ]; then stop="the cap was reached (MAX_ROUNDS=$MAX_ROUNDS)"; break; fi
  # The next round's cost, from the seconds per row and round so far, then compare twice (md here, json at the end).
  need=$(( (run_seconds * pending + row_rounds - 1) / row_rounds + 2 * compare_seconds ))
  if [ $(( $(date +%s) - started + need )) -gt "$budget" ]; then
    stop="the time budget (BUDGET_MINUTES=$BUDGET_MINUTES) has no room for another round of $pending rows (~${need} s)"
    break
  fi
  echo "compare.sh: $pending of $rows rows inconclusive; round $((r + 1)) runs them again" >&2
done
set +e
# shellcheck disable=SC2086
"$JAVA" -jar "$gate" compare "$OUT/base" "$OUT/head" --format json ${paired:-} ${COMPARE_ARGS:-} >"$OUT/verdicts.json"
set -e
elapsed=$(( $(date +%s) - started ))
wall=$(printf '%dm%02ds' $((elapsed / 60)) $((elapsed % 60)))
if [ "$status" -le 1 ]; then
  if [ "$DUET" = 1 ]; then
    mode="duet: base and head at once, pinned to CPUs 0 and 1, swapped every round"
  else
    mode="sequential: one side at a time, base first on odd rounds"
  fi
  {
    printf '\n_%s rounds × (base, head), %s; profile %s, wall time %s (build and runs)._\n' "$r" "$mode" "$PROFILE" "$wall"
    if [ -s "$tmp/extra-rows" ]; then
      printf '\n_Extra rounds after the first %s, for the rows still inconclusive (extra rounds each):_\n\n' "$ROUNDS"
      awk '!($0 in n) { order[k++] = $0 } { n[$0]++ } END { for (i = 0; i < k; i++) printf "- %s: %d\n", order[i], n[order[i]] }' \
        "$tmp/extra-rows"
    fi
    printf '\n_No more extra rounds: %s._\n' "$stop"
  } >>"$OUT/summary.md"
fi
cat "$OUT/summary.md"
echo "compare.sh: exit $status, wall time $wall, results in $OUT" >&2
exit "$status"
