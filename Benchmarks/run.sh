#!/usr/bin/env bash
# Lint speed and memory, measured side by side in one run (see Benchmarks/README.md).
#
#   Benchmarks/run.sh                 sizes 1000 10000 100000, best of 3
#   SIZES="1000 10000" RUNS=5 Benchmarks/run.sh
#
# A measurement, not a test: a missed target prints MISSED and the script still exits 0.
# It exits non-zero only when it cannot measure (build failure, a bank that will not generate).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
OUT=${OUT:-Benchmarks/out}
SCRATCH=.build-release

echo "Building release binaries (--scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product quiz-bench >&2
swift build -c release --scratch-path "$SCRATCH" --product quiz >&2
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "run.sh: $TIME (GNU time) is needed for peak memory: apt-get install time" >&2; exit 1; }

mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS.tmp"

# key=value from a quiz-bench output line
field() { sed -n "s/.*\<$1=\([^ ]*\).*/\1/p" <<<"$2"; }

declare -A BYTES SCAN LINT SCANCPU LINTCPU CLIWALL CLIRSS FINDINGS
for n in $SIZES; do
    dir="$OUT/bank-$n"
    rm -rf "$dir"
    gen=$("$BIN/quiz-bench" generate "$n" "$dir")
    BYTES[$n]=$(field bytes "$gen")
    echo "[$n] generated ${BYTES[$n]} bytes; scanning…" >&2
    out=$("$BIN/quiz-bench" scan "$dir/Quizzes/bench.yaml" --runs "$RUNS")
    SCAN[$n]=$(field seconds "$out")
    SCANCPU[$n]=$(field cpu "$out")
    echo "[$n] scan ${SCAN[$n]} s; linting in process…" >&2
    out=$("$BIN/quiz-bench" lint "$dir" --runs "$RUNS")
    LINT[$n]=$(field seconds "$out")
    LINTCPU[$n]=$(field cpu "$out")
    FINDINGS[$n]="$(field findings "$out") ($(field rules "$out"))"
    echo "[$n] lint ${LINT[$n]} s; running the CLI under $TIME…" >&2
    best_wall=""; max_rss=0
    for _ in $(seq "$RUNS"); do
        # quiz lint exits 1 when the bank has errors; that is a result, not a failure here.
        "$TIME" -f "%M %e" -o "$OUT/time.txt" "$BIN/quiz" lint --root "$dir" > "$OUT/cli-$n.txt" 2>&1 || true
        read -r rss wall < <(tail -n 1 "$OUT/time.txt")
        (( rss > max_rss )) && max_rss=$rss
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then best_wall=$wall; fi
    done
    CLIWALL[$n]=$best_wall
    CLIRSS[$n]=$max_rss
    echo "[$n] CLI ${CLIWALL[$n]} s, peak ${CLIRSS[$n]} KB" >&2
done

{
    echo "quiz lint benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $(nproc) cores, best of $RUNS"
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
    echo
    printf "%9s %8s %8s %8s %9s %9s %8s %9s  %s\n" questions "bank MB" "scan s" "lint s" lint/scan "(cpu)" "CLI s" "CLI MB" "findings"
    for n in $SIZES; do
        awk -v n="$n" -v b="${BYTES[$n]}" -v s="${SCAN[$n]}" -v l="${LINT[$n]}" -v sc="${SCANCPU[$n]}" -v lc="${LINTCPU[$n]}" \
            -v w="${CLIWALL[$n]}" -v r="${CLIRSS[$n]}" -v f="${FINDINGS[$n]}" \
            'BEGIN { printf "%9d %8.2f %8.4f %8.4f %8.2fx %8.2fx %8.2f %9.1f  %s\n", n, b/1e6, s, l, l/s, lc/sc, w, r/1024, f }'
    done
    echo "(scan s, lint s: best wall time in process; (cpu): the same ratio in thread CPU time, a cross-check"
    echo " on a busy machine; CLI s, CLI MB: wall time and peak RSS of quiz lint --root, from $TIME)"
    echo
    verdict() { # name, measured, limit, unit, op
        awk -v name="$1" -v m="$2" -v lim="$3" -v unit="$4" -v op="$5" 'BEGIN {
            ok = (op == "<=") ? (m <= lim) : (m < lim)
            printf "%-7s %-52s %8.2f%s (target %s %s%s)\n", ok ? "MET" : "MISSED", name, m, unit, op, lim, unit }'
    }
    if [ -n "${LINT[10000]:-}" ]; then
        verdict "lint of 10,000 questions / bare libyaml scan" "$(awk -v l="${LINT[10000]}" -v s="${SCAN[10000]}" 'BEGIN{print l/s}')" 2.5 "x" "<="
        verdict "  the same in CPU time" "$(awk -v l="${LINTCPU[10000]}" -v s="${SCANCPU[10000]}" 'BEGIN{print l/s}')" 2.5 "x" "<="
    else
        echo "n/a     lint/scan at 10,000 questions (size not run)"
    fi
    if [ -n "${LINT[10000]:-}" ] && [ -n "${LINT[100000]:-}" ]; then
        verdict "lint of 100,000 / lint of 10,000 questions" "$(awk -v a="${LINT[100000]}" -v b="${LINT[10000]}" 'BEGIN{print a/b}')" 12 "x" "<="
        verdict "  the same in CPU time" "$(awk -v a="${LINTCPU[100000]}" -v b="${LINTCPU[10000]}" 'BEGIN{print a/b}')" 12 "x" "<="
        awk -v a="${SCAN[100000]}" -v b="${SCAN[10000]}" 'BEGIN { printf "%-7s %-52s %8.2fx (for reference: linear is 10x)\n", "info", "bare scan of 100,000 / bare scan of 10,000", a/b }'
    else
        echo "n/a     lint 100,000 / 10,000 (sizes not run)"
    fi
    if [ -n "${CLIRSS[100000]:-}" ]; then
        verdict "peak RSS of quiz lint on 100,000 questions" "$(awk -v r="${CLIRSS[100000]}" 'BEGIN{print r/1024}')" 500 " MB" "<"
    else
        echo "n/a     peak RSS at 100,000 questions (size not run)"
    fi
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
rm -f "$OUT/time.txt"
cat "$RESULTS"
