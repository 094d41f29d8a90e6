#!/usr/bin/env bash
# Hostile shapes (issue 11): each lints, whole `quiz lint` with every rule and every finding printed,
# in under 2 s and 300 MB on the release build. See "Hostile shapes" in Benchmarks/README.md.
#
#   Benchmarks/hostile.sh                      every shape, best of 3
#   SHAPES="keys headings" RUNS=5 Benchmarks/hostile.sh
#
# A measurement, not a test: a missed bound prints MISSED and the script still exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

SHAPES=${SHAPES:-"keys items scalar dupkeys dupids headings prompts choices tests"}
FORMATS=${FORMATS:-"json sarif github junit"}
RUNS=${RUNS:-3}
OUT=${OUT:-Benchmarks/out/hostile}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)  # absolute: each lint runs inside its shape's folder
SCRATCH=.build-release
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "hostile.sh: $TIME (GNU time) is needed for peak memory: apt-get install time" >&2; exit 1; }

echo "Building the release binary (--scratch-path $SCRATCH)…" >&2
swift build -c release --scratch-path "$SCRATCH" --product quiz >&2
QUIZ=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/quiz

# Full size of each shape, as issue 11 and the brief name them.
declare -A SIZE=([keys]=200000 [items]=200000 [scalar]=30000000 [dupkeys]=10000 [dupids]=10000
                 [headings]=50000 [prompts]=200000 [choices]=10000 [tests]=10000)
declare -A WHAT=([keys]="a mapping with 200,000 keys" [items]="a sequence of 200,000 items"
                 [scalar]="a scalar of 30 MB" [dupkeys]="10,000 duplicate keys" [dupids]="10,000 questions sharing one id"
                 [headings]="a lesson with 50,000 headings, a bank linking to them" [prompts]="200,000 questions with one prompt"
                 [choices]="10,000 choices in one question" [tests]="10,000 tests sharing one id")

# Best wall, best CPU (user+sys) and largest peak RSS (KB) of RUNS runs of `quiz lint ARGS` in DIR.
measure() { # dir, args...
    local dir=$1; shift
    local best_wall="" best_cpu="" max_rss=0
    for _ in $(seq "$RUNS"); do
        # quiz lint exits 1 when it finds errors; that is a result here, not a failure.
        (cd "$dir" && "$TIME" -f "%e %U %S %M" -o "$OUT/time.txt" "$QUIZ" lint "$@" > "$OUT/stdout.txt" 2>&1) || true
        read -r wall user sys rss < <(tail -n 1 "$OUT/time.txt")
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')
        (( rss > max_rss )) && max_rss=$rss
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then best_wall=$wall; fi
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN{exit !(a<b)}'; then best_cpu=$cpu; fi
    done
    echo "$best_wall $best_cpu $max_rss"
}

RESULTS="$OUT/results.txt"
{
echo "quiz lint on hostile shapes — $(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), best of $RUNS"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
echo
printf "%-9s %-52s %7s %7s %7s %8s %9s  %s\n" shape "" "wall s" "cpu s" "RSS MB" "cpu N/4" "N : N/4" "verdict (2 s, 300 MB)"
for shape in $SHAPES; do
    n=${SIZE[$shape]}
    python3 Benchmarks/hostile_gen.py "$shape" "$n" "$OUT/$shape" 2>&1 >&2
    python3 Benchmarks/hostile_gen.py "$shape" $((n / 4)) "$OUT/$shape-quarter" 2>&1 >&2
    read -r wall cpu rss < <(measure "$OUT/$shape")
    findings=$(tail -n 1 "$OUT/stdout.txt")
    read -r _ qcpu _ < <(measure "$OUT/$shape-quarter")
    awk -v s="$shape" -v what="${WHAT[$shape]}" -v w="$wall" -v c="$cpu" -v r="$rss" -v q="$qcpu" 'BEGIN {
        mb = r / 1024; ok = (w < 2 && mb < 300)
        printf "%-9s %-52s %7.2f %7.2f %7.1f %8.2f %8.1fx  %s%s\n", s, what, w, c, mb, q, (q > 0 ? c / q : 0),
            ok ? "MET" : "MISSED", (!ok && c < 2 && mb < 300) ? " (wall only: cpu under 2 s)" : "" }'
    echo "          findings: $findings"
    if [ "$shape" = keys ]; then
        for format in $FORMATS; do
            read -r wall cpu rss < <(measure "$OUT/$shape" --format "$format")
            awk -v f="$format" -v w="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
                mb = r / 1024; printf "%-9s %-52s %7.2f %7.2f %7.1f %8s %9s  %s\n", "", "  the same, --format " f, w, c, mb, "", "",
                    (w < 2 && mb < 300) ? "MET" : "MISSED" }'
        done
    fi
    rm -rf "$OUT/$shape" "$OUT/$shape-quarter"
done
echo
echo "(wall s, cpu s: best of $RUNS of the real CLI, cpu = user + system of all threads; RSS MB: largest peak"
echo " resident set, from $TIME; cpu N/4: the same shape at a quarter of the size; N : N/4, the cpu ratio:"
echo " about 4x is linear, 16x quadratic. On a busy machine the cpu column is the steadier one.)"
} | tee "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
rm -f "$OUT/time.txt" "$OUT/stdout.txt"
