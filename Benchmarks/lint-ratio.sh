#!/usr/bin/env bash
# Lint against libyaml's own cost, the two figures of issue 11 side by side (see Benchmarks/README.md).
#
#   Benchmarks/lint-ratio.sh              both figures
#   RUNS=11 Benchmarks/lint-ratio.sh      more paired wall-time rounds (default 7)
#   BUILD=0 Benchmarks/lint-ratio.sh      measure the release binaries already built
#
#   1. instructions (valgrind --tool=callgrind, all threads): `quiz-bench lint` of one
#      2,500-question bank (course-1 of the course below, with its lesson) against
#      `quiz-bench scan` of that bank's file; the same binary, so start-up counts on both sides.
#   2. wall time (hyperfine, paired rounds, median ratio): `quiz lint --root` of a 10,000-question
#      course in four bank files against `quiz-bench scan` of the four files one after another.
#
# A measurement, not a test: a missed target prints MISSED and the script still exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
OUT=${OUT:-Benchmarks/out}
SCRATCH=.build-release
# The figures before the latest round of work, for comparison: 1.89x in instructions (576 M
# against 305 M) and 2.05x in wall time, measured on this course before banks were parsed into
# the node store (see Benchmarks/README.md). Issue 11 started at 2.33x / 2.9x on its own bank
# and 11.7x / 9.7x on this one.
EARLIER_INSTR=1.89
EARLIER_WALL=2.05

for tool in valgrind hyperfine; do
    command -v "$tool" >/dev/null || { echo "lint-ratio.sh: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done
if [ "${BUILD:-1}" = 1 ]; then
    echo "Building release binaries (--scratch-path $SCRATCH)…" >&2
    swift build -c release --scratch-path "$SCRATCH" --product quiz-bench >&2
    swift build -c release --scratch-path "$SCRATCH" --product quiz >&2
fi
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)

COURSE="$OUT/course"
ONE="$OUT/course-bank-1"
rm -rf "$COURSE" "$ONE"
"$BIN/quiz-bench" generate-course 10000 4 "$COURSE" >&2
mkdir -p "$ONE/Lessons" "$ONE/Quizzes"
cp "$COURSE/Lessons/bench.md" "$ONE/Lessons/"
cp "$COURSE/Quizzes/course-1.yaml" "$ONE/Quizzes/"

# Instructions of one run under callgrind, all threads together.
instructions() {
    local log
    log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null)
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$log"
}
echo "Counting instructions under callgrind (a few minutes)…" >&2
SCAN_I=$(instructions "$BIN/quiz-bench" scan "$ONE/Quizzes/course-1.yaml" --runs 1)
LINT_I=$(instructions "$BIN/quiz-bench" lint "$ONE" --runs 1)

echo "Timing with hyperfine, $RUNS pairs of runs…" >&2
# Paired: each round runs the scan and then lint once, so both meet the same load on a shared
# machine; the figure is the median over rounds of lint/scan, beside each command's median.
PAIRS="$OUT/lint-ratio-pairs.txt"
: > "$PAIRS"
for _ in $(seq "$RUNS"); do
    # quiz lint exits non-zero when it finds errors; the course has none, but -i keeps a round going.
    hyperfine -N -i --runs 1 --export-json "$OUT/lint-ratio-round.json" \
        -n scan "$BIN/quiz-bench scan $COURSE/Quizzes/course-1.yaml $COURSE/Quizzes/course-2.yaml $COURSE/Quizzes/course-3.yaml $COURSE/Quizzes/course-4.yaml --runs 1" \
        -n lint "$BIN/quiz lint --root $COURSE" >/dev/null 2>&1
    python3 -c '
import json, sys
r = {x["command"]: x["times"][0] for x in json.load(open(sys.argv[1]))["results"]}
print(r["scan"], r["lint"])' "$OUT/lint-ratio-round.json" >> "$PAIRS"
done
rm -f "$OUT/lint-ratio-round.json"
read -r SCAN_W LINT_W RATIO_W < <(python3 -c '
import statistics, sys
pairs = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
print(statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
      statistics.median(p[1] / p[0] for p in pairs))' "$PAIRS")

{
    echo "lint against a bare libyaml scan — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
    echo
    awk -v s="$SCAN_I" -v l="$LINT_I" -v e="$EARLIER_INSTR" 'BEGIN {
        r = l / s
        printf "instructions, one 2,500-question bank (%s bytes):\n", "'"$(wc -c < "$ONE/Quizzes/course-1.yaml")"'"
        printf "  scan %14d   lint %14d   lint/scan %.2fx   (target <= 1.6x, before %.2fx)\n", s, l, r, e
        printf "%-7s lint/scan instructions %.2fx (target <= 1.6x)\n", r <= 1.6 ? "MET" : "MISSED", r
    }'
    awk -v s="$SCAN_W" -v l="$LINT_W" -v r="$RATIO_W" -v e="$EARLIER_WALL" -v n="$RUNS" 'BEGIN {
        printf "wall time, 10,000 questions in four files, %d paired rounds (medians):\n", n
        printf "  serial scan %.3f s   quiz lint %.3f s   lint/scan %.2fx   (target <= 1.8x, before %.2fx)\n", s, l, r, e
        printf "%-7s lint/scan wall time %.2fx (target <= 1.8x)\n", r <= 1.8 ? "MET" : "MISSED", r
    }'
} | tee "$OUT/lint-ratio.txt"
