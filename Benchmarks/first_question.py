#!/usr/bin/env python3
"""Time from starting `quiz take` to its first question on screen, beside a bare libyaml scan of the bank.

Usage: first_question.py QUIZ_BINARY QUIZ_BENCH_BINARY ROOT TEST [RUNS]
       first_question.py --instructions QUIZ_BINARY QUIZ_BENCH_BINARY ROOT TEST

The second form counts instructions under `valgrind --tool=callgrind` instead (the
main thread only: work handed to another core is not on the way to the first
question), which does not change with the machine's load: the scan (`quiz-bench
scan` of the bank, reading the file included), a cold and a warm run of `quiz take`
answered with `quit`, and `quiz take --help` (starting the program and nothing else).

Reads the binary's stdout until the first question header ("[1/") appears and
ends it with `quit`. Each of RUNS rounds times, one after another so the machine's
load is shared alike:
  - scan: `quiz-bench scan` of the bank file (libyaml's event parser over the bytes,
    building nothing; best of 3 in one process, the file already read);
  - cold: the first run after an edit: the bank file touched and the cache emptied,
    so the bank and its lessons are read, checked and cached;
  - warm: the bank unchanged, so the test starts from the bank's cached index.
Prints the medians in milliseconds and cold / scan.
"""
import os, re, shutil, subprocess, sys, tempfile, time, statistics

def first_question(binary, root, test, store):
    start = time.perf_counter()
    p = subprocess.Popen([binary, "take", test, "--root", root, "--store", store, "--seed", "1"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = b""
    while b"[1/" not in seen:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            raise SystemExit("quiz exited before the first question: " + p.stderr.read().decode())
        seen += chunk
    elapsed = time.perf_counter() - start
    p.stdin.write(b"quit\n"); p.stdin.close(); p.wait()
    return elapsed * 1000

def scan(bench, bank):
    out = subprocess.run([bench, "scan", bank, "--runs", "3"], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"scan seconds=([0-9.]+)", out).group(1)) * 1000

def main_thread_instructions(command, stdin=None):
    """Instructions of the main thread of `command` under callgrind (its first thread's profile)."""
    folder = tempfile.mkdtemp(prefix="quiz-fq-cg-")
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                    f"--callgrind-out-file={folder}/cg.%p"] + command,
                   stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    main = [f for f in os.listdir(folder) if f.endswith("-01")]
    if not main:
        raise SystemExit("callgrind wrote no profile for " + " ".join(command))
    with open(os.path.join(folder, main[0])) as f:
        total = next(int(line.split()[1]) for line in f if line.startswith(("summary:", "totals:")))
    shutil.rmtree(folder, ignore_errors=True)
    return total

def instructions(binary, bench, root, test):
    bank = os.path.join(root, "Quizzes", test.split("/")[0] + ".yaml")
    folder = tempfile.mkdtemp(prefix="quiz-fq-")
    take = [binary, "take", test, "--root", root, "--store", os.path.join(folder, "quiz.sqlite"), "--seed", "1"]
    scan = main_thread_instructions([bench, "scan", bank, "--runs", "1"])
    os.utime(bank)
    quit_file = os.path.join(folder, "quit")
    with open(quit_file, "w") as f:
        f.write("quit\n")
    with open(quit_file) as stdin:
        cold = main_thread_instructions(take, stdin)
    with open(quit_file) as stdin:
        warm = main_thread_instructions(take, stdin)
    start = main_thread_instructions([binary, "take", "--help"])
    shutil.rmtree(folder, ignore_errors=True)
    print(f"first-question-instructions scan_M={scan / 1e6:.1f} cold_M={cold / 1e6:.1f} warm_M={warm / 1e6:.1f} "
          f"start_M={start / 1e6:.1f} cold_over_scan={cold / scan:.2f} warm_over_start={warm / start:.2f}")

def main():
    if sys.argv[1] == "--instructions":
        return instructions(*sys.argv[2:6])
    binary, bench, root, test = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 7
    bank = os.path.join(root, "Quizzes", test.split("/")[0] + ".yaml")
    folder = tempfile.mkdtemp(prefix="quiz-fq-")
    store = os.path.join(folder, "quiz.sqlite")
    cache = os.path.join(folder, "cache")
    scans, colds, warms = [], [], []
    for _ in range(runs):
        scans.append(scan(bench, bank))
        os.utime(bank)  # an edit, as far as any cache can tell
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(first_question(binary, root, test, store))
        warms.append(first_question(binary, root, test, store))
    shutil.rmtree(folder, ignore_errors=True)
    s, c, w = statistics.median(scans), statistics.median(colds), statistics.median(warms)
    print(f"first-question bytes={os.path.getsize(bank)} scan_ms={s:.1f} cold_ms={c:.1f} warm_ms={w:.1f} "
          f"cold_over_scan={c / s:.2f} cold_best_ms={min(colds):.1f} warm_best_ms={min(warms):.1f} runs={runs}")

main()
