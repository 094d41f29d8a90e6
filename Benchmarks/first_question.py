#!/usr/bin/env python3
"""Time from starting `quiz take` to its first question on screen.

Usage: first_question.py QUIZ_BINARY ROOT TEST [RUNS]

Starts the binary with a fresh store each run, reads its stdout until the first
question header ("[1/") appears, and prints the best and median times in
milliseconds. The process is then ended with `quit`.
"""
import os, subprocess, sys, tempfile, time, statistics

def once(binary, root, test):
    store = os.path.join(tempfile.mkdtemp(prefix="quiz-fq-"), "quiz.sqlite")
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

def main():
    binary, root, test = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    times = [once(binary, root, test) for _ in range(runs)]
    print(f"first-question best_ms={min(times):.1f} median_ms={statistics.median(times):.1f} runs={runs}")

main()
