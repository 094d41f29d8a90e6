#!/usr/bin/env python3
"""Time from starting `quiz take` to its first question on screen.

Usage: first_question.py QUIZ_BINARY ROOT TEST [RUNS]

Reads the binary's stdout until the first question header ("[1/") appears and
ends it with `quit`. The first run starts from an empty store and cache (cold:
the bank is parsed, linted and cached); the others reuse them (warm: the bank is
unchanged, so it comes from the cache). Prints both in milliseconds.
"""
import os, subprocess, sys, tempfile, time, statistics

def once(binary, root, test, store):
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
    store = os.path.join(tempfile.mkdtemp(prefix="quiz-fq-"), "quiz.sqlite")
    cold = once(binary, root, test, store)
    warm = [once(binary, root, test, store) for _ in range(runs)]
    print(f"first-question cold_ms={cold:.1f} warm_best_ms={min(warm):.1f} warm_median_ms={statistics.median(warm):.1f} runs={runs}")

main()
