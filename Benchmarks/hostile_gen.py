#!/usr/bin/env python3
"""Writes one hostile content root for Benchmarks/hostile.sh: hostile_gen.py SHAPE N DIR.

Each shape is a file anyone can commit to a repository whose CI runs `quiz lint`; N is its size
(keys, items, bytes, duplicates, headings…). The same shapes are built in Swift by
Tests/QuizCLITests/HostileShapeTests.swift; keep the two in step.
"""
import os
import sys

HEAD = "quiz: demo\ntitle: Demo\nquestions:\n"


def question(i, qid=None, prompt=None, section="alpha", extra=""):
    qid = qid or f"q{i}"
    prompt = prompt or f"Question {i}?"
    return (f"  - id: {qid}\n    section: {section}\n    prompt: {prompt}\n"
            f"    choices: [Yes {i}, No {i}]\n    answer: A\n    explanation: E\n{extra}")


LESSON = "# Demo\n\n## Alpha\n\nText.\n"


def shape(name, n):
    """(lesson markdown, bank yaml) of a shape."""
    if name == "keys":          # a top-level mapping with n keys besides the bank's own
        return LESSON, HEAD + question(0) + "".join(f"key{i}: value {i}\n" for i in range(n))
    if name == "items":         # a sequence of n items, none of them a question
        return LESSON, HEAD + "".join(f"  - item {i}\n" for i in range(n))
    if name == "scalar":        # one prompt of n bytes
        words = "word " * (n // 5) + "end?"
        return LESSON, HEAD + question(0, prompt=words)
    if name == "dupkeys":       # one key written n times in one question
        return LESSON, HEAD + question(0) + "    explanation: again\n" * (n - 1)
    if name == "dupids":        # n questions sharing one id
        return LESSON, HEAD + "".join(question(i, qid="same") for i in range(n))
    if name == "headings":      # a lesson of n headings; a bank linking to every tenth, some misspelt
        lesson = "# Demo\n\n" + "".join(f"## Heading {i}\n\nText {i}.\n\n" for i in range(n))
        bank = HEAD + "".join(question(i, section=f"heading-{i * 10}" if i % 10 else f"heding-{i * 10}")
                              for i in range(n // 10))
        return lesson, bank
    if name == "prompts":       # n questions with one prompt
        return LESSON, HEAD + "".join(question(i, prompt="The same prompt?") for i in range(n))
    if name == "choices":       # one question with n choices, all alike
        return LESSON, (HEAD + "  - id: q0\n    section: alpha\n    prompt: Pick?\n    choices:\n"
                        + "".join("      - Same choice\n" for _ in range(n))
                        + "    answer: A\n    explanation: E\n")
    if name == "tests":         # n tests sharing one id
        return LESSON, (HEAD + question(0) + "tests:\n"
                        + "".join("  - {id: t, title: T, pick: 1}\n" for _ in range(n)))
    raise SystemExit(f"unknown shape {name}")


def main():
    name, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lesson, bank = shape(name, n)
    for folder in ("Lessons", "Quizzes"):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    with open(os.path.join(root, "Lessons/demo.md"), "w") as f:
        f.write(lesson)
    with open(os.path.join(root, "Quizzes/demo.yaml"), "w") as f:
        f.write(bank)


if __name__ == "__main__":
    main()
