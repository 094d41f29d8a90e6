import QuizYAML
import Testing

/// A large bank is parsed on two cores: its `questions` cut in two at an item. Whatever the
/// file, the parts must read as the whole file reads: the same nodes, text, styles, tags and
/// marks, or the same error at the same place.
@Suite(.timeLimit(.minutes(1))) struct PartsTests {
    /// What reading `bytes` whole and in parts gave, and whether the parts were used.
    struct Comparison {
        var split = false
        var same = false
        var detail = ""
    }

    static func compare(_ bytes: [UInt8], key: String = "questions") -> Comparison {
        var whole: YAMLDocument?
        var wholeError: YAMLError?
        do { whole = try YAMLParser.document(bytes) } catch { wholeError = error }
        var parts: YAMLParts?
        var partsError: YAMLError?
        do { parts = try YAMLParser.parts(bytes, sequence: key, splitAbove: 0) } catch { partsError = error }

        var out = Comparison()
        if let wholeError {
            out.same = partsError == wholeError
            out.detail = "whole: \(wholeError.message) at \(wholeError.mark); parts: \(partsError.map { "\($0.message) at \($0.mark)" } ?? "no error")"
            return out
        }
        guard let parts else {
            out.detail = "the parts failed (\(partsError?.message ?? "")) where the whole did not"
            return out
        }
        out.split = parts.rest != nil
        let a = whole.map { $0.node($0.root) }
        let joined = parts.joined()
        let b = joined.map { $0.node($0.root) }
        // `==` compares content and tags, the description adds every node's range and style.
        out.same = a == b && a?.description == b?.description && whole?.nodeCount == joined?.nodeCount
        if !out.same {
            let left = (a?.description ?? "nil").split(separator: "\n")
            let right = (b?.description ?? "nil").split(separator: "\n")
            let first = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
            out.detail = "first difference at dump line \(first + 1): whole \(first < left.count ? String(left[first]) : "-") / parts \(first < right.count ? String(right[first]) : "-")"
        }
        return out
    }

    /// A bank-shaped file: `items` questions at `indent`, with `extra` lines inside each, and `tail` after.
    static func bank(items: Int, indent: Int = 2, extra: (Int) -> String = { _ in "" }, tail: String = "tests:\n  - id: practice\n    draw: 5\n",
                     head: String = "quiz: bench\ntitle: Bench\ndefaults:\n  time: 20s\n") -> String {
        let pad = String(repeating: " ", count: indent)
        var out = head + "questions:\n"
        for i in 1...items {
            out += "\(pad)- id: q-\(i)\n\(pad)  section: s-\(i % 7)\n\(pad)  prompt: Question \(i)?\n"
            out += extra(i).split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        }
        return out + tail
    }

    static func expectSame(_ text: String, split: Bool?, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = compare(Array(text.utf8))
        #expect(result.same, "\(comment?.description ?? "") \(result.detail)", sourceLocation: sourceLocation)
        if let split {
            #expect(result.split == split, "\(comment?.description ?? "") read in parts: \(result.split)", sourceLocation: sourceLocation)
        }
    }

    static func rich(_ i: Int) -> String {
        switch i % 6 {
        case 0: return "  explanation: |\n    Line one of \(i).\n      indented more\n\n    last line\n"
        case 1: return "  explanation: >-\n    Folded \(i)\n    text.\n  tags: [a, b, \"c d\"]\n"
        case 2: return "  prompt2: \"a quoted scalar\n    over two lines \(i)\"\n  choices:\n    - one\n    - text: two\n      feedback: why\n"
        case 3: return "  anchor: &a\(i) {x: 1, y: [2, 3]}\n  again: *a\(i)\n# a comment at column 0\n\n"
        case 4: return "  tagged: !!str 12\n  local: !thing value\n  plain: a plain scalar\n    that goes on\n"
        default: return "  empty:\n  nulls: ~\n  'quoted key': 'single ''quoted'''\n"
        }
    }

    @Test func aWellShapedBankIsReadInPartsExactlyAsWhole() {
        Self.expectSame(Self.bank(items: 40, extra: Self.rich(_:)), split: true, "indented items, a tail")
        Self.expectSame(Self.bank(items: 40, indent: 0, extra: Self.rich(_:)), split: true, "items at column 0")
        Self.expectSame(Self.bank(items: 40, extra: Self.rich(_:), tail: ""), split: true, "no tail")
        Self.expectSame(Self.bank(items: 40, indent: 0, extra: Self.rich(_:), tail: ""), split: true, "items at column 0, no tail")
        Self.expectSame(Self.bank(items: 40, extra: Self.rich(_:), tail: "# the end\n\ntests:\n  - id: a\nother: &o [1]\nlast: *o\n"),
                        split: true, "a longer tail with its own anchors")
        Self.expectSame(Self.bank(items: 40, extra: Self.rich(_:), tail: " "), split: true, "a last line of a space, unended")
        Self.expectSame(Self.bank(items: 40, extra: Self.rich(_:), tail: "tests: x\n   "), split: true, "a tail whose last line is unended")
        Self.expectSame(Self.bank(items: 40, indent: 0, extra: Self.rich(_:), tail: "  "), split: true, "items at column 0, an unended last line")
        Self.expectSame("\u{FEFF}" + Self.bank(items: 30, extra: Self.rich(_:)), split: true, "a byte order mark")
        Self.expectSame(Self.bank(items: 30, extra: Self.rich(_:)).replacingOccurrences(of: "\n", with: "\r\n"), split: true, "CR LF line ends")
        Self.expectSame(Self.bank(items: 30, extra: Self.rich(_:), head: "quiz: x\ntitle: 'é — ü'\n").replacingOccurrences(of: "questions:\n", with: "questions:   # all of them\n"),
                        split: true, "a comment after the key, text beyond ASCII")
        Self.expectSame(Self.bank(items: 30, extra: { i in "  text: \"\(String(repeating: "é", count: i))\"\n" }), split: true, "long lines of two-byte characters")
    }

    @Test func theLaterItemsKeepTheirPlacesInTheFile() throws {
        let text = Self.bank(items: 50)
        let parts = try YAMLParser.parts(Array(text.utf8), sequence: "questions", splitAbove: 0)
        let rest = try #require(parts.rest)
        let document = try #require(parts.document)
        let runs = parts.items(of: rest.sequence)
        #expect(runs.count == 2)
        #expect(runs.map(\.items.count).reduce(0, +) == 50)
        #expect(runs[1].items.count > 10, "the cut is near the middle")
        // Item n starts on line 4 + 1 + 3 (n - 1) + 1, at column 3.
        for run in runs {
            for node in run.items {
                let id = try #require(run.document.pairs(node).first { run.document.string($0.key) == "id" })
                let n = Int(run.document.string(id.value).dropFirst(2))!
                #expect(run.document.start(node) == Mark(line: 5 + 1 + 3 * (n - 1), column: 5), "item q-\(n)")
            }
        }
        let tests = try #require(document.pairs(document.root).first { document.string($0.key) == "tests" })
        #expect(document.start(tests.key).line == 5 + 1 + 3 * 50)
    }

    @Test func aFileNotShapedForACutIsReadWhole() {
        let body = Self.bank(items: 30, extra: Self.rich(_:))
        Self.expectSame("%YAML 1.1\n---\n" + body, split: false, "a directive")
        Self.expectSame(body + "questions:\n  - id: again\n", split: false, "the key twice")
        Self.expectSame("quiz: x\nquestions: [a, b, c]\n", split: false, "a flow sequence")
        Self.expectSame(Self.bank(items: 30, tail: "\"tests\": []\n"), split: false, "a quoted key after the sequence")
        Self.expectSame(Self.bank(items: 30, tail: "  stray: 1\n"), split: false, "a line the sequence cannot hold")
        Self.expectSame(Self.bank(items: 30, tail: "---\nmore: 1\n"), split: false, "a second document")
        Self.expectSame(Self.bank(items: 30, tail: "...\n"), split: false, "a document end")
        Self.expectSame("questions:\n  - a\n", split: nil, "a tiny file")
        Self.expectSame("", split: false, "an empty file")
    }

    @Test func aCutThatWouldBreakAConstructFallsBackToTheWholeFile() {
        // Every item carries a construct whose inner lines look like items at the sequence's
        // indentation: wherever the middle falls, a part fails alone or has the wrong shape.
        let quoted = Self.bank(items: 40, extra: { i in "  note: \"spans\n  - id: fake-\(i)\n    lines\"\n" })
        Self.expectSame(quoted, split: nil, "double-quoted scalars")
        Self.expectSame(Self.bank(items: 40, extra: { i in "  note: 'spans\n  - id: fake-\(i)\n    lines'\n" }), split: nil, "single-quoted scalars")
        Self.expectSame(Self.bank(items: 40, extra: { i in "  list: [a,\n  - id: fake-\(i),\n    b]\n" }), split: nil, "flow sequences")
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 30 ? "  bad: [unclosed\n" : "" }), split: false, "an error in the later half")
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 3 ? "  bad: \"unclosed\n" : "" }), split: false, "an error in the head")
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 2 ? "  anchor: &early [1]\n" : i == 38 ? "  use: *early\n" : "" }),
                        split: false, "an alias to an anchor before the cut")
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 38 ? "  anchor: &late [1]\n" : "" }, tail: "tests: *late\n"),
                        split: false, "the tail's alias to an anchor in the later items")
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 35 ? "  deep: \(String(repeating: "[", count: 255))\(String(repeating: "]", count: 255))\n" : "" }),
                        split: false, "nesting past the limit only once the items sit in the sequence")
        Self.expectSame(Self.bank(items: 40, extra: { i in "  x: a\u{85}b\n" }), split: nil, "NEL, a line break to libyaml")
    }

    @Test func linesThatOnlyLibyamlStartsSendTheFileToAWholeRead() {
        // libyaml starts a line after a lone CR, U+0085, U+2028 and U+2029, and reads a directive after a
        // byte order mark; the cut's scan sees neither, so the parts' own events must send these back.
        let tagged = Self.bank(items: 40, extra: { i in "  kind: !!str k\(i)\n  local: !thing v\(i)\n" })
        Self.expectSame("\u{FEFF}%TAG !! tag:example.com,2000:\n---\n" + tagged, split: false, "a directive after a byte order mark")
        Self.expectSame("# c\r%TAG ! tag:example.com,2000:\n---\n" + tagged, split: false, "a directive after a lone CR")
        Self.expectSame("# c\u{2028}%TAG !! tag:example.com,2000:\n---\n" + tagged, split: false, "a directive after U+2028")
        for end in ["\r...", "\u{85}...", "\u{2029}..."] {
            Self.expectSame(Self.bank(items: 40, extra: { _ in "  # note\(end)\n" }), split: false, "a document end in every item, after \(end.unicodeScalars.first!.value)")
            Self.expectSame(Self.bank(items: 40, tail: "  - z\(end)\nother: 1\n"), split: false, "a document end before the tail")
            Self.expectSame(Self.bank(items: 40, tail: "  - z\(end)\n"), split: false, "a document end at the end of the items")
        }
        Self.expectSame(Self.bank(items: 40, extra: { i in i == 20 ? "...\n" : "" }), split: false, "a document end half way")
        // A `questions:` line inside an earlier quoted scalar, with a nested list's indentation under it.
        let nested = (0..<60).map { "    - n\($0)\n" }.joined()
        Self.expectSame("intro: \"\nquestions:\n    - fake\n\"\nquestions:\n  - a: 1\n  - b:\n" + nested + "tail: 1\n", split: nil,
                        "a fake key line before the real one")
    }

    @Test func theAliasLimitCountsEveryPart() throws {
        // Each part alone stays under the limit; together they pass it, as the whole file does.
        let text = Self.bank(items: 40, extra: { i in i == 5 || i == 35 ? "  a: &a\(i) [1, 2, 3, 4, 5, 6, 7, 8, 9]\n  b: [*a\(i), *a\(i), *a\(i), *a\(i), *a\(i), *a\(i)]\n" : "" })
        let limits = YAMLLimits(maxDepth: 256, maxAliasNodes: 80)
        var wholeError: YAMLError?
        do { _ = try YAMLParser.document(Array(text.utf8), limits: limits) } catch { wholeError = error }
        var partsError: YAMLError?
        do { _ = try YAMLParser.parts(Array(text.utf8), sequence: "questions", limits: limits, splitAbove: 0) } catch { partsError = error }
        #expect(wholeError?.kind == .aliasExpansion)
        #expect(partsError?.kind == .aliasExpansion)
        #expect(partsError?.mark == wholeError?.mark)
    }

    @Test func mutatedBanksReadInPartsAsWhole() {
        // Lines that change a file's structure, put anywhere: each mutant reads the same both ways.
        let lines = ["- x", "  - ", "  - id: stray", "tests:", "\"", "'", "  x: |", "&a x", "*a", "---", "...", "%TAG ! tag:x,2000:",
                     "\t- x", "questions:", "? x", "  # comment", "#", "", "  key: [", "  key: {a: 1}", "x: y", "    - nested", "-", "  -"]
        let glued = ["\r...", "\u{85}...", "\u{2028}%TAG ! tag:x,2000:", "\r---", "\r", "\u{2029}tests: 1", "\rquestions:", "\r  - x"]
        // Items at three indentations, some ending with open block containers or an empty value.
        let endsOpen = { (i: Int) in i % 2 == 0 ? "  nested:\n    deeper:\n      - a\n      - b:\n  last:\n" : Self.rich(i) }
        let bases = [Self.bank(items: 24, extra: Self.rich(_:)), Self.bank(items: 24, indent: 0, extra: endsOpen),
                     Self.bank(items: 24, indent: 4, extra: endsOpen, tail: "")]
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var random = XorShift(state: 20261130)
        var splits = 0
        for round in 0..<600 {
            var mutant = bases[round % bases.count]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(mutant.count))
                switch random.next() % 3 {
                case 0 where random.next() % 3 == 0:
                    // Glued to a line: a line start only libyaml sees.
                    mutant[at] += glued[Int(random.next() % UInt64(glued.count))]
                case 0: mutant.insert(lines[Int(random.next() % UInt64(lines.count))], at: at)
                case 1: mutant.remove(at: at)
                default: mutant.insert(mutant[at], at: Int(random.next() % UInt64(mutant.count)))
                }
            }
            var bytes = Array(mutant.joined(separator: "\n").utf8)
            if random.next() % 4 == 0 {
                // Cut short anywhere in the last quarter: an unended last line, a construct left open.
                bytes.removeLast(Int(random.next() % UInt64(bytes.count / 4)))
            }
            let result = Self.compare(bytes)
            if result.split { splits += 1 }
            #expect(result.same, "mutant \(round): \(result.detail)")
            if !result.same { break }
        }
        #expect(splits > 150, "most mutants are still read in parts (\(splits) of 600)")
    }
}

/// Marsaglia's xorshift64, seeded, so a failing mutant can be made again.
struct XorShift {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
