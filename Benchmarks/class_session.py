#!/usr/bin/env python3
"""A class of learners taking one practice test at once, half of them killed mid-test and resumed.

Usage: class_session.py QUIZ ROOT TEST STORE_TEMPLATE LEARNERS [KILL_FRACTION] [CONCURRENCY]

STORE_TEMPLATE is the --store of learner i with `{i}` in it: a PostgreSQL URL naming the learner's
role (postgresql://learner{i}:pw@127.0.0.1:5432/class) or a SQLite path (/tmp/class/{i}.sqlite).

Each learner is a separate `quiz take` process driven through a pipe: it reads up to each `> `
prompt and answers the question shown in a form its hint asks for. An answer counts as
acknowledged when the program shows the next question (the response was saved before that).
A learner chosen for killing gets SIGKILL after a random number of acknowledged answers, then
`quiz resume` continues the attempt and answers the rest. Prints, as JSON on the last line, what
every learner saw acknowledged (position -> answer) and its exit codes, for the caller to check
against the store.
"""
import json, os, random, re, signal, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

HEADER = re.compile(rb"^\[(\d+)/(\d+)\]", re.M)


def candidates(block):
    """Answers to try for the question in `block` (its text since the header), most likely first."""
    text = block.decode("utf-8", "replace")
    m = re.search(r"\(Give every number 1–(\d+) once", text)
    if m:
        return [" ".join(str(i) for i in range(1, int(m.group(1)) + 1))]
    m = re.search(r"\(Pair each of 1–(\d+) with a letter", text)
    if m:
        return [" ".join(f"{i}{chr(64 + i)}" for i in range(1, int(m.group(1)) + 1)), "1A"]
    if "(true or false)" in text:
        return ["t"]
    if "(a number)" in text:
        return ["1"]
    if re.search(r"^  A\) ", text, re.M):
        return ["a", "a b"]
    return ["word", "1", "t", "a"]


class Learner:
    def __init__(self, quiz, root, test, store, kill_after, seed):
        self.quiz, self.root, self.test, self.store = quiz, root, test, store
        self.kill_after = kill_after
        self.seed = seed
        self.acknowledged = {}
        self.codes = []
        self.log = b""

    def run(self, args, kill_after=None):
        env = dict(os.environ, NO_COLOR="1")
        p = subprocess.Popen([self.quiz, *args, "--root", self.root, "--store", self.store],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        out = b""
        pending = None          # (position, answer) sent, waiting for the next question
        tries = {}
        answered_here = 0
        while True:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
            if not out.endswith(b"> ") and not out.endswith(b">"):
                continue
            headers = list(HEADER.finditer(out))
            if b"(y/n)" in out[-200:]:
                if pending:
                    self.acknowledged[pending[0]] = pending[1]
                    pending = None
                p.stdin.write(b"y\n"); p.stdin.flush()
                continue
            if not headers:
                continue
            last = headers[-1]
            position = int(last.group(1))
            block = out[last.start():]
            if pending and (pending[0] != position or b"expected" not in block.lower()):
                # A new question is on screen: the previous answer was saved.
                if pending[0] != position:
                    self.acknowledged[pending[0]] = pending[1]
                    answered_here += 1
                    pending = None
            if kill_after is not None and answered_here >= kill_after:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
                self.codes.append(p.returncode)
                self.log += out
                return False
            options = candidates(block)
            n = tries.get(position, 0)
            if n >= len(options) + 2:
                raise RuntimeError(f"no answer accepted for question {position}:\n{block.decode()}")
            tries[position] = n + 1
            answer = options[min(n, len(options) - 1)]
            pending = (position, answer)
            p.stdin.write(answer.encode() + b"\n"); p.stdin.flush()
            out = out[last.start():] if n == 0 else out
        p.wait()
        self.codes.append(p.returncode)
        self.log += out + p.stderr.read()
        return True

    def take(self):
        done = self.run(["take", self.test, "--seed", str(self.seed)], kill_after=self.kill_after)
        if not done:
            self.run(["resume"])
        return self


def main():
    quiz, root, test, template, n = sys.argv[1:6]
    n = int(n)
    kill_fraction = float(sys.argv[6]) if len(sys.argv) > 6 else 0.5
    concurrency = int(sys.argv[7]) if len(sys.argv) > 7 else n
    rng = random.Random(7)
    learners = []
    for i in range(1, n + 1):
        kill_after = rng.randint(1, 19) if i <= n * kill_fraction else None
        learners.append(Learner(quiz, root, test, template.replace("{i}", f"{i:03d}"), kill_after, seed=i))
    start = time.time()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda l: l.take(), learners))
    elapsed = time.time() - start
    summary = {
        "elapsed_s": round(elapsed, 1),
        "learners": [
            {"store": l.store.split("@")[0].split(":")[0] + "@" + l.store.split("@")[-1] if "@" in l.store else l.store,
             "killed": l.kill_after is not None, "codes": l.codes,
             "acknowledged": {str(k): v for k, v in sorted(l.acknowledged.items())}}
            for l in results
        ],
    }
    print(json.dumps(summary))


main()
