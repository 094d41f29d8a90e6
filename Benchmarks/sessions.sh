#!/usr/bin/env bash
# Session and report benchmarks, release build:
#  - time to the first question of a practice test drawn from a 10,000-question bank
#    (cold: first run, bank parsed, linted and cached; warm: the bank is unchanged);
#  - quiz stats over 10,000, 50,000 and 100,000 stored attempts of the shipped
#    21-question practice test: wall time and peak memory, which should stay flat.
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

for n in ${STATS_SIZES:-10000 50000 100000}; do
  store="$OUT/stats/attempts-$n.sqlite"
  [ -f "$store" ] || "$BENCH" attempts "$n" . "$store" >/dev/null
  /usr/bin/time -f "stats attempts=$n seconds=%e peak_kb=%M" "$QUIZ" stats websockets-sse-polling --store "$store" --format json >/dev/null
done 2>&1 | grep '^stats'
exit 0
