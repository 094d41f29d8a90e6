#!/usr/bin/env bash
# Session and report benchmarks, release build:
#  - time to the first question of a practice test drawn from a 10,000-question bank
#    (cold: first run, bank parsed, linted and cached; warm: the bank is unchanged);
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

[ -d "$OUT/bank-10000/Quizzes" ] || "$BENCH" generate 10000 "$OUT/bank-10000" >/dev/null
python3 Benchmarks/first_question.py "$QUIZ" "$OUT/bank-10000" bench 7

# quiz stats: the store sums attempts in SQL. Each size runs 3 times; the median wall time and
# the largest peak RSS are kept. Anchors: the figure before the aggregation moved into SQL
# (4.5 s at 100,000 attempts, streamed through Swift) and the targets (1,000,000 attempts in
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
