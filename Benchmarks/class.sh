#!/usr/bin/env bash
# A class on one PostgreSQL store (see Benchmarks/README.md, "A class on PostgreSQL"):
#  1. LEARNERS (default 200) learners at once, each a separate `quiz take` process connected as its own
#     role and answering the shipped 21-question test through a pipe; half of them are killed with
#     SIGKILL mid-test and then `quiz resume`d. Checked against the store: every acknowledged answer
#     is there, every attempt is submitted, one attempt per learner, no id collides, and each learner's
#     role sees only its own attempt. LEARNERS=0 skips this part.
#  2. SEED (default 100,000) attempts in SQLite and copied to the server with `quiz store copy`:
#     `stats` and `report --all` compared between the two stores and timed; then the server's
#     attempts multiplied to ATTEMPTS (default 1,000,000) and `quiz stats` timed over them.
#
# Needs the PostgreSQL trait (built here, release, --scratch-path .build-pg-release), Debian's
# PostgreSQL server binaries (Scripts/pg-test-cluster), python3 and GNU time. Uses $QUIZ_TEST_PG
# (a superuser URL) when set, else starts a throwaway cluster and stops it at the end. KEEP=1 keeps
# the two databases (with QUIZ_TEST_PG's server) for timing again.
# A measurement: it prints PASS/FAIL and MET/MISSED lines, and exits non-zero only on FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
LEARNERS=${LEARNERS:-200}
ATTEMPTS=${ATTEMPTS:-1000000}
OUT=${OUT:-Benchmarks/out/class}
SCRATCH=${SCRATCH:-.build-pg-release}
mkdir -p "$OUT"

# QUIZ and BENCH name binaries already built (QUIZ with the PostgreSQL trait); else both are built here.
if [[ -z "${QUIZ:-}" ]]; then
    echo "Building release binaries with the PostgreSQL trait (--scratch-path $SCRATCH)…" >&2
    swift build -c release --traits PostgreSQL --scratch-path "$SCRATCH" --product quiz >&2
    QUIZ="$(swift build -c release --traits PostgreSQL --scratch-path "$SCRATCH" --show-bin-path)/quiz"
fi
if [[ -z "${BENCH:-}" && "$ATTEMPTS" != 0 ]]; then
    swift build -c release --scratch-path .build-release --product quiz-bench >&2
    BENCH="$(swift build -c release --scratch-path .build-release --show-bin-path)/quiz-bench"
fi

cluster=""
if [[ -z "${QUIZ_TEST_PG:-}" ]]; then
    cluster=$(mktemp -d /tmp/quiz-class-pg.XXXXXX)
    QUIZ_TEST_PG=$(Scripts/pg-test-cluster start "$cluster")
    trap 'Scripts/pg-test-cluster stop "$cluster" >/dev/null 2>&1 || true' EXIT
    # One connection per learner process: a class needs more than the default 100.
    psql "$QUIZ_TEST_PG" -qAt -c "ALTER SYSTEM SET max_connections = 400" >/dev/null
    Scripts/pg-test-cluster restart "$cluster" >/dev/null
fi
admin=$QUIZ_TEST_PG                                     # postgresql://USER:PW@HOST:PORT/DB
base=${admin%/*}                                        # postgresql://USER:PW@HOST:PORT
hostport=${base##*@}
psql_admin() { psql "$admin" -v ON_ERROR_STOP=1 -qAt "$@"; }

db=quiz_class_$$
psql_admin -c "CREATE DATABASE $db"
owner_url="$base/$db"
# The course owner's first command creates the schema, the roles and their policies.
"$QUIZ" history --store "$owner_url" >/dev/null
psql "$owner_url" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  FOR i IN 1..$LEARNERS LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = format('learner%s', lpad(i::text, 3, '0'))) THEN
      EXECUTE format('CREATE ROLE learner%s LOGIN PASSWORD %L IN ROLE quiz_learner', lpad(i::text, 3, '0'), 'class-pw');
    END IF;
  END LOOP;
END \$\$;
SQL

if [[ "$LEARNERS" != 0 ]]; then
echo "[class] $LEARNERS learners taking the test at once, half killed and resumed…" >&2
python3 Benchmarks/class_session.py "$QUIZ" . websockets-sse-polling \
    "postgresql://learner{i}:class-pw@$hostport/$db" "$LEARNERS" 0.5 > "$OUT/session.json"

python3 - "$OUT/session.json" "$owner_url" "$hostport" "$db" <<'PY'
import json, subprocess, sys
summary, owner, hostport, db = sys.argv[1:5]
data = json.loads(open(summary).read().splitlines()[-1])
def sql(url, query):
    return subprocess.run(["psql", url, "-qAtF", "\t", "-c", query], check=True,
                          capture_output=True, text=True).stdout.splitlines()
rows = sql(owner, "SELECT a.learner, a.id, a.status, r.position, r.response FROM attempt a "
                  "LEFT JOIN response r ON r.attempt_id = a.id AND r.response IS NOT NULL ORDER BY 1, 4")
attempts, answers = {}, {}
for line in rows:
    learner, aid, status, position, response = line.split("\t")
    attempts.setdefault(learner, set()).add((aid, status))
    if position:
        answers[(learner, int(position))] = response
failures = []
ids = [aid for s in attempts.values() for aid, _ in s]
if len(ids) != len(set(ids)): failures.append("attempt ids collide")
acknowledged = killed = 0
for i, learner in enumerate(data["learners"], start=1):
    role = f"learner{i:03d}"
    mine = attempts.get(role, set())
    if len(mine) != 1: failures.append(f"{role}: {len(mine)} attempts in the store, expected 1")
    if any(status != "submitted" for _, status in mine): failures.append(f"{role}: attempt not submitted: {mine}")
    if learner["codes"][-1] != 0: failures.append(f"{role}: last exit code {learner['codes'][-1]}")
    killed += learner["killed"]
    for position, answer in learner["acknowledged"].items():
        acknowledged += 1
        if (role, int(position)) not in answers:
            failures.append(f"{role}: acknowledged answer {answer!r} at {position} is not in the store")
# Row-level security: a learner's own role sees one attempt, whatever it asks for.
for i in (1, len(data["learners"])):
    seen = sql(f"postgresql://learner{i:03d}:class-pw@{hostport}/{db}", "SELECT count(*), count(DISTINCT learner) FROM attempt")
    if seen != ["1\t1"]: failures.append(f"learner{i:03d} sees {seen} (count, learners) through psql")
print(f"class learners={len(data['learners'])} killed={killed} acknowledged={acknowledged} "
      f"attempts={len(ids)} seconds={data['elapsed_s']}")
for f in failures[:20]: print("  " + f)
print("PASS every acknowledged answer kept, every attempt finished, no id collides" if not failures
      else f"FAIL {len(failures)} problems")
sys.exit(1 if failures else 0)
PY
fi

if [[ "$ATTEMPTS" == 0 ]]; then psql_admin -c "DROP DATABASE $db" >/dev/null || true; exit 0; fi
# The same attempts in both stores: SEED attempts written to SQLite by quiz-bench, copied to the server
# with `quiz store copy`; their stats and report --all must agree. Then the server's attempts are
# multiplied to ATTEMPTS (each copied with its questions and responses under a new id, on the server:
# copying a million through one client takes long and measures the copy, not stats), and timed again.
SEED=${SEED:-100000}
(( ATTEMPTS % SEED == 0 )) || { echo "class.sh: ATTEMPTS must be a multiple of SEED ($SEED)" >&2; exit 2; }
echo "[class] stats over $SEED attempts in SQLite and the same attempts copied to PostgreSQL…" >&2
sqlite="$OUT/attempts-$SEED.sqlite"
[[ -f "$sqlite" ]] || "$BENCH" attempts "$SEED" . "$sqlite" >/dev/null
big=quiz_stats_$$
psql_admin -c "CREATE DATABASE $big"
big_url="$base/$big"
/usr/bin/time -f "copy attempts=$SEED seconds=%e peak_kb=%M" "$QUIZ" store copy "$sqlite" "$big_url" 2>&1 | tail -n 2
psql "$big_url" -qAt -c "ANALYZE" >/dev/null
stats() {  # stats STORE KIND COUNT
    /usr/bin/time -f "stats store=$2 attempts=$3 seconds=%e peak_kb=%M" \
        "$QUIZ" stats websockets-sse-polling --store "$1" --format json > "$OUT/stats-$2-$3.json" 2> "$OUT/stats-$2-$3.time"
    tail -n 1 "$OUT/stats-$2-$3.time"
}
for store in "$sqlite" "$big_url"; do
    kind=sqlite; [[ $store == postgresql* ]] && kind=postgresql
    stats "$store" "$kind" "$SEED"
    "$QUIZ" report --all --test websockets-sse-polling --format csv --store "$store" > "$OUT/all-$kind.csv"
done
# Figures equal to 1e-9 (the stores sum in different orders); report --all equal but for the learner
# column, and stats but for the learner count (on PostgreSQL the copies belong to the role that copied them).
if python3 - "$OUT" "$SEED" <<'PY'
import json, sys
out, seed = sys.argv[1:3]
def same(a, b):
    if isinstance(a, dict): return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list): return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)): return abs(a - b) <= 1e-9 * max(1, abs(a))
    return a == b
def rows(path):
    return [",".join(f if i != 1 else "-" for i, f in enumerate(line.split(","))) for line in open(path).read().splitlines()]
sqlite, server = (json.load(open(f"{out}/stats-{kind}-{seed}.json")) for kind in ("sqlite", "postgresql"))
# The learner count differs for the same reason: the server's copies belong to the role that copied them.
sqlite.pop("learners"), server.pop("learners")
ok = same(sqlite, server)
sys.exit(0 if ok and rows(f"{out}/all-sqlite.csv") == rows(f"{out}/all-postgresql.csv") else 1)
PY
then
    echo "PASS stats --format json and report --all --format csv are the same from PostgreSQL as from SQLite"
else
    echo "FAIL stats or report --all differ between the stores (diff $OUT/stats-*-$SEED.json $OUT/all-*.csv)"; exit 1
fi

copies=$(( ATTEMPTS / SEED - 1 ))
if (( copies > 0 )); then
    echo "[class] multiplying the server's attempts to $ATTEMPTS…" >&2
    psql "$big_url" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
INSERT INTO attempt (id, kind, bank, test, lesson, title, seed, started_at, submitted_at, time_limit, remaining, elapsed,
                     status, pass_mark, penalty, learner, points, max_points, item_questions, item_points, item_max, item_responses)
SELECT id || '-' || k, kind, bank, test, lesson, title, seed, started_at + k * interval '1 second', submitted_at, time_limit,
       remaining, elapsed, status, pass_mark, penalty, learner, points, max_points, item_questions, item_points, item_max, item_responses
FROM attempt, generate_series(1, $copies) AS k;
INSERT INTO attempt_question (attempt_id, position, question_id, section, lesson, presentation, max_points)
SELECT attempt_id || '-' || k, position, question_id, section, lesson, presentation, max_points
FROM attempt_question, generate_series(1, $copies) AS k WHERE attempt_id NOT LIKE '%-%';
INSERT INTO response (attempt_id, position, response, points, correct, time_spent, flagged, tries, first_try_correct, answered_at)
SELECT attempt_id || '-' || k, position, response, points, correct, time_spent, flagged, tries, first_try_correct, answered_at
FROM response, generate_series(1, $copies) AS k WHERE attempt_id NOT LIKE '%-%';
VACUUM ANALYZE;
SQL
    psql "$big_url" -qAt -c "SELECT 'attempts in PostgreSQL: ' || count(*) FROM attempt" >&2
fi
for run in 1 2 3; do stats "$big_url" postgresql "$ATTEMPTS"; done | tee "$OUT/stats-postgresql-$ATTEMPTS.runs"
python3 - "$OUT/stats-postgresql-$ATTEMPTS.runs" "$ATTEMPTS" <<'PY'
import re, statistics, sys
runs = [l for l in open(sys.argv[1]) if l.startswith("stats ")]
seconds = statistics.median(float(re.search(r"seconds=([0-9.]+)", l).group(1)) for l in runs)
peak = max(int(re.search(r"peak_kb=(\d+)", l).group(1)) for l in runs) / 1024
print(f"{'MET' if seconds < 10 else 'MISSED'} stats over {int(sys.argv[2]):,} attempts in PostgreSQL: median {seconds:.2f} s (target < 10 s)")
print(f"{'MET' if peak < 100 else 'MISSED'} client peak memory {peak:.0f} MB (target: flat, < 100 MB)")
PY
if [[ -n "${KEEP:-}" ]]; then
    echo "[class] kept: $db and $big (the server's URL without its password: ${base%%:*}://…@$hostport/$big)" >&2
else
    psql_admin -c "DROP DATABASE $db" -c "DROP DATABASE $big" >/dev/null || true
fi
