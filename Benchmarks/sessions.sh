#!/usr/bin/env bash
# Session and report benchmarks, release build:
#  - time to the first question of a practice test drawn from banks of 1,000, 10,000 and
#    100,000 questions (cold: first run after an edit, the bank and its lessons read, checked
#    and cached; warm: the bank unchanged, started from its cached index), beside a bare libyaml
#    scan of the same file, by Benchmarks/first_question.py and by hyperfine;
#  - quiz stats over 10,000, 100,000 and 1,000,000 stored attempts of the shipped
#    21-question practice test (STATS_SIZES to choose): wall time and peak memory beside
#    the previous figure and the targets, with MET/MISSED lines.
# A measurement, not a test: it always exits 0. Needs python3 and GNU time.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-Benchmarks/out}
SCRATCH=.build-release
mkdir -p "$OUT/stats"

echo "Building release binaries (--scratch-path $SCRATCH)…"
swift build -c release --scratch-path "$SCRATCH" --product quiz-bench >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product quiz >/dev/null
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
BENCH="$BIN/quiz-bench"
QUIZ="$BIN/quiz"

# Targets: cold at most 1.3x the scan of the same file (10,000 questions); warm under 30 ms at every size.
# Before (10,000 questions, 8 MB): cold 440-540 ms against a scan of 125-180 ms (about 3x); warm 49-74 ms
# (issue 11); then, before the store opened beside the draw: cold 3.7x, warm 37 ms (load 4).
echo "first question: cold (after an edit) and warm (cached), medians of ${FQ_RUNS:-7} rounds, load $(cut -d' ' -f1 /proc/loadavg)"
for n in ${FQ_SIZES:-1000 10000 100000}; do
  root="$OUT/bank-$n"
  [ -d "$root/Quizzes" ] || "$BENCH" generate "$n" "$root" >/dev/null
  line=$(python3 Benchmarks/first_question.py "$QUIZ" "$BENCH" "$root" bench "${FQ_RUNS:-7}")
  ratio=$(sed -E 's/.*cold_over_scan=([0-9.]+).*/\1/' <<<"$line")
  warm=$(sed -E 's/.* warm_ms=([0-9.]+).*/\1/' <<<"$line")
  verdict_warm=$(awk -v w="$warm" 'BEGIN { print (w < 30 ? "MET" : "MISSED") }')
  verdict_cold=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.3 ? "MET" : "MISSED") }')
  echo "questions=$n $line"
  echo "  cold/scan ${ratio}x (target <= 1.3x at 10k; before ~3x, then 3.7x at 10k): $([ "$n" = 10000 ] && echo "$verdict_cold" || echo "(for reference: $verdict_cold)")"
  echo "  warm ${warm} ms (target < 30 ms; before 49-74 ms at 10k, then 37 ms): $verdict_warm"
  if command -v hyperfine >/dev/null; then
    # Whole runs to exit (the first question, then quit), cold and warm, in hyperfine's statistics.
    fq="$OUT/fq-$n"; rm -rf "$fq"; mkdir -p "$fq"; printf 'quit\n' >"$fq/quit"
    take="$QUIZ take bench --root $root --store $fq/quiz.sqlite --seed 1 <$fq/quit >/dev/null"
    hyperfine --style none --warmup 1 --runs "${FQ_RUNS:-7}" --export-json "$fq/hyperfine.json" \
      --prepare "touch $root/Quizzes/bench.yaml; rm -rf $fq/cache" --command-name cold "$take" \
      --prepare "true" --command-name warm "$take" >/dev/null 2>&1 &&
    python3 - "$fq/hyperfine.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  hyperfine {r['command']}: mean_ms={r['mean'] * 1000:.1f} median_ms={r['median'] * 1000:.1f} min_ms={r['min'] * 1000:.1f}")
PY
  fi
done

# The same in instructions (callgrind, main thread), which the machine's load does not change:
# cold against the scan, warm against `quiz take --help` (starting quiz and nothing more).
# Before this work (10,000 questions): cold 1.65G against a scan of 1.10G (1.50x); warm 78.4M
# against 35.4M for --help (2.21x).
if command -v valgrind >/dev/null; then
  n=10000 root="$OUT/bank-10000"
  [ -d "$root/Quizzes" ] || "$BENCH" generate "$n" "$root" >/dev/null
  line=$(python3 Benchmarks/first_question.py --instructions "$QUIZ" "$BENCH" "$root" bench)
  echo "questions=$n $line"
  ratio=$(sed -E 's/.*cold_over_scan=([0-9.]+).*/\1/' <<<"$line")
  warm=$(sed -E 's/.*warm_over_start=([0-9.]+).*/\1/' <<<"$line")
  echo "  instructions, cold/scan ${ratio}x (target <= 1.3x; before 1.50x): $(awk -v r="$ratio" 'BEGIN { print (r <= 1.3 ? "MET" : "MISSED") }')"
  echo "  instructions, warm/start ${warm}x (before 2.21x: 78.4M against 35.4M)"
fi

# quiz stats: one row per attempt (its summary, written when it ended: store migration v3) streamed
# and summed (see docs/reports.md). Each size runs 3 times; the median wall time and
# the largest peak RSS are kept. Anchors: the figure before the aggregation moved into SQL
# (4.5 s at 100,000 attempts, measured on a quiet machine) and the targets (1,000,000 attempts in
# under 10 s, peak RSS under 100 MB at every size).
PREVIOUS_100K=4.5
TARGET_1M=10
TARGET_MB=100
stats_line() {  # n -> "seconds peak_kb" (median of 3 wall times, largest peak)
  local n=$1 store="$OUT/stats/attempts-$1.sqlite" times=() peak=0
  if [ ! -f "$store" ]; then
    echo "filling $store with $n attempts…" >&2
    "$BENCH" attempts "$n" . "$store" >&2
  fi
  for _ in 1 2 3; do
    read -r s kb < <( { /usr/bin/time -f "%e %M" "$QUIZ" stats websockets-sse-polling --store "$store" --format json >/dev/null; } 2>&1 | tail -1)
    times+=("$s"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p) $peak"
}
declare -A SECONDS_AT PEAK_AT
for n in ${STATS_SIZES:-10000 100000 1000000}; do
  read -r s kb < <(stats_line "$n")
  SECONDS_AT[$n]=$s; PEAK_AT[$n]=$kb
  echo "stats attempts=$n seconds=$s peak_kb=$kb"
done
verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo MET; else echo MISSED; fi; }
if [ -n "${SECONDS_AT[100000]:-}" ]; then
  s=${SECONDS_AT[100000]}
  echo "stats 100k: ${s} s against ${PREVIOUS_100K} s before (ratio $(python3 -c "print(f'{$s/$PREVIOUS_100K:.2f}')"))"
fi
if [ -n "${SECONDS_AT[1000000]:-}" ]; then
  s=${SECONDS_AT[1000000]}
  echo "$(verdict "$s < $TARGET_1M") stats over 1,000,000 attempts in ${s} s (target under ${TARGET_1M} s; 100k before: ${PREVIOUS_100K} s)"
fi
peak=0
for n in "${!PEAK_AT[@]}"; do [ "${PEAK_AT[$n]}" -gt "$peak" ] && peak=${PEAK_AT[$n]}; done
echo "$(verdict "$peak < $TARGET_MB * 1024") stats peak RSS $((peak / 1024)) MB at most over $(echo "${!PEAK_AT[@]}" | tr ' ' '\n' | sort -n | tr '\n' ' ')attempts (target under ${TARGET_MB} MB)"
exit 0
