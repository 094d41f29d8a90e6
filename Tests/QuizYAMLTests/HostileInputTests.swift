import Foundation
@testable import QuizYAML
import Testing

/// Input built to hurt: deep nesting, alias bombs, bad bytes, odd files, sheer size.
/// Each must end in a clean result or a `YAMLError`, quickly, never a crash.
struct HostileInputTests {
    struct Deep: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let deep: [Deep] = [
        Deep(name: "100,000 flow sequences", yaml: String(repeating: "[", count: 100_000), line: 1, column: 257),
        Deep(name: "100,000 flow mappings", yaml: String(repeating: "{a: ", count: 100_000), line: 1, column: 1025),
        Deep(name: "100,000 block sequences", yaml: String(repeating: "- ", count: 100_000) + "x\n", line: 1, column: 513),
        Deep(name: "300 indented block mappings",
             yaml: (0..<300).map { String(repeating: " ", count: $0) + "a:\n" }.joined(), line: 257, column: 257),
    ]

    @Test("nesting far past the limit is .tooDeep, at once", arguments: deep)
    func tooDeep(_ c: Deep) {
        let started = ContinuousClock.now
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(c.yaml) }
        #expect(ContinuousClock.now - started < .seconds(10), "a bound only a hang crosses; the real figures are the benchmarks' job")
        #expect(error?.kind == .tooDeep)
        #expect(error?.mark == Mark(line: c.line, column: c.column))
        #expect(error?.message == "nesting is deeper than 256 levels; flatten the structure")
    }

    @Test("256 levels are accepted and 257 are not")
    func depthLimitBoundary() throws {
        let nested = { (n: Int) in String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        #expect(try YAMLParser.parse(nested(256)) != nil)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(nested(257)) }
        #expect(error?.kind == .tooDeep)
        #expect(error?.mark == Mark(line: 1, column: 257))
    }

    @Test("the depth limit can be set")
    func customDepthLimit() throws {
        let limits = YAMLLimits(maxDepth: 2)
        #expect(try YAMLParser.parse("a: [1]", limits: limits) != nil)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse("a: [[1]]", limits: limits) }
        #expect(error?.kind == .tooDeep)
        #expect(error?.mark == Mark(line: 1, column: 5))
    }

    /// 255 brackets under a key make 256 levels; one more level through an alias is too many.
    static let anchored255 = "a: &a " + String(repeating: "[", count: 255) + String(repeating: "]", count: 255) + "\n"

    @Test("what an alias brings in counts toward the depth limit")
    func aliasDepth() throws {
        #expect(try YAMLParser.parse(Self.anchored255 + "b: *a\n") != nil)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(Self.anchored255 + "b: [*a]\n") }
        #expect(error?.kind == .tooDeep)
        #expect(error?.mark == Mark(line: 2, column: 5))
        #expect(error?.message == "nesting is deeper than 256 levels once alias *a is expanded; flatten the structure")
    }

    /// Each line nests the previous anchor 250 levels deeper; 27 lines would build a
    /// tree about 6,750 levels deep, enough to overflow the stack of any recursive walk.
    @Test("a chain of aliases cannot build a tree past the depth limit")
    func aliasDepthChain() {
        let wrap = { (inner: String) in String(repeating: "[", count: 250) + inner + String(repeating: "]", count: 250) }
        var yaml = "a0: &a0 \(wrap("x"))\n"
        for k in 1...26 {
            yaml += "a\(k): &a\(k) \(wrap("*a\(k - 1)"))\n"
        }
        // Not `#expect(throws:)`: on failure it would print the tree, and printing recurses.
        do throws(YAMLError) {
            _ = try YAMLParser.parse(yaml)
            Issue.record("aliases built a tree deeper than the 256-level limit")
        } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.mark == Mark(line: 2, column: 259))
        }
    }

    /// `a` holds 10 scalars and each later line holds 10 aliases of the line before, so
    /// `j` would expand to 10^10 nodes. The count passes 100,000 at the 8th alias on line 5.
    @Test("a billion laughs is .aliasExpansion, long before it expands", arguments: [9, 10])
    func billionLaughs(levels: Int) {
        let names = "abcdefghij".map(String.init)
        var yaml = "a: &a [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
        for level in 1..<levels {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 10).joined(separator: ", ")
            yaml += "\(names[level]): &\(names[level]) [\(aliases)]\n"
        }
        let started = ContinuousClock.now
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(yaml) }
        #expect(ContinuousClock.now - started < .seconds(5), "a bound only a blow-up crosses; the real figures are the benchmarks' job")
        #expect(error?.kind == .aliasExpansion)
        #expect(error?.mark == Mark(line: 5, column: 36))
    }

    @Test("the alias limit counts copied nodes, and the limit itself is allowed")
    func customAliasLimit() throws {
        // Each alias of a three-item list copies 4 nodes.
        let limits = YAMLLimits(maxAliasNodes: 8)
        #expect(try YAMLParser.parse("a: &a [1, 2, 3]\nb: *a\nc: *a\n", limits: limits) != nil)
        let error = #expect(throws: YAMLError.self) {
            try YAMLParser.parse("a: &a [1, 2, 3]\nb: *a\nc: *a\nd: *a\n", limits: limits)
        }
        #expect(error?.kind == .aliasExpansion)
        #expect(error?.mark == Mark(line: 4, column: 4))
        #expect(error?.message
            == "aliases expand to more than 8 nodes (an alias bomb?); write the content out or use fewer aliases")
    }

    /// Valid text, then a bad sequence (whose first byte is the one reported), then more text.
    struct BadBytes: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var bad: UInt8
        var mark: Mark

        init(_ name: String, _ before: String, _ sequence: [UInt8], _ after: String = "", at line: Int, _ column: Int) {
            self.name = name
            bytes = Array(before.utf8) + sequence + Array(after.utf8)
            bad = sequence[0]
            mark = Mark(line: line, column: column)
        }

        var testDescription: String { name }
    }

    static let badBytes: [BadBytes] = [
        BadBytes("a lone 0xFF", "a: ", [0xFF], at: 1, 4),
        BadBytes("a 3-byte sequence cut short at the end", "title: ok\nb: ", [0xE2, 0x82], at: 2, 4),
        BadBytes("a 3-byte sequence cut short by ASCII", "x: ", [0xE2, 0x82], "y\n", at: 1, 4),
        BadBytes("an overlong 2-byte slash", "a: ", [0xC0, 0xAF], at: 1, 4),
        BadBytes("an overlong 3-byte slash", "a: ", [0xE0, 0x80, 0xAF], at: 1, 4),
        BadBytes("the surrogate U+D800", "- ok\n- ", [0xED, 0xA0, 0x80], at: 2, 3),
        BadBytes("a code point past U+10FFFF", "a: ", [0xF4, 0x90, 0x80, 0x80], at: 1, 4),
        BadBytes("a lone continuation byte", "", [0x80], at: 1, 1),
        BadBytes("after multi-byte characters", "é: 日本 ", [0xFF], at: 1, 7),
        BadBytes("after a byte order mark", "\u{FEFF}a: ", [0xFF], at: 1, 4),
        BadBytes("after CR LF line ends", "a: b\r\nc: ", [0xFF], at: 2, 4),
        BadBytes("UTF-16 with a byte order mark", "", [0xFF, 0xFE, 0x61, 0x00], at: 1, 1),
    ]

    @Test("invalid UTF-8 is .encoding at the first bad byte", arguments: badBytes)
    func invalidUTF8(_ c: BadBytes) {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(c.bytes) }
        #expect(error?.kind == .encoding)
        #expect(error?.mark == c.mark)
        let hex = String(c.bad, radix: 16, uppercase: true)
        #expect(error?.message == "file is not valid UTF-8 (bad byte 0x\(hex)); save it as UTF-8")
    }

    @Test("the edges of valid UTF-8 pass the check", arguments: [
        "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}", "\u{10FFFF}", "é日😀",
    ])
    func validUTF8(_ text: String) {
        #expect(YAMLParser.firstInvalidUTF8(Array(text.utf8)) == nil)
    }

    @Test("a file with no document gives nil", arguments: ["empty.yaml", "comments-only.yaml"])
    func noDocumentFile(_ name: String) throws {
        #expect(try YAMLParser.parse(contentsOf: Fixture.url(name)) == nil)
    }

    @Test("text with no document gives nil", arguments: ["", "\n\n   \n", "# a comment", "# one\n# two\n", "\u{FEFF}"])
    func noDocumentText(_ text: String) throws {
        #expect(try YAMLParser.parse(text) == nil)
    }

    @Test("a directory or a missing file is .unreadable", arguments: [
        ("", "is a directory, not a file"),
        ("no-such-file.yaml", "no such file"),
    ])
    func unreadable(_ name: String, message: String) {
        let url = name.isEmpty ? Fixture.folder : Fixture.url(name)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(contentsOf: url) }
        #expect(error == YAMLError(.unreadable, message, at: Mark(line: 1, column: 1)))
    }

    @Test func aLargeFileIsReadWholeAndInOrder() throws {
        // Past 1 MB the two halves are read at once, each into its own end of the array.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-read-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        for size in [(1 << 20) - 1, 1 << 20, 3 * (1 << 20) + 7] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
            try Data(bytes).write(to: url)
            #expect(try YAMLParser.readFile(url) == bytes, "\(size) bytes")
        }
    }

    /// Shapes of a huge document, one entry a line.
    enum Shape: String, Sendable, CaseIterable {
        case list, mapping
        /// Mappings keyed by a plain "-", which the parser checks against the byte after it.
        case dashKeys

        /// Lines to write: fewer for one-pair mappings, which cost more each.
        var count: Int { self == .dashKeys ? 50_000 : 200_000 }

        func line(_ i: Int) -> String {
            switch self {
            case .list: "- item \(i)"
            case .mapping: "key\(i): value \(i)"
            case .dashKeys: "- -: value \(i)"
            }
        }
    }

    /// Before the parser added items in place, 200,000 items took minutes (each item copied all before it);
    /// a lookup from the start of the file for each "-" key would be as slow.
    @Test("a huge but honest document parses in linear time", .timeLimit(.minutes(1)), arguments: Shape.allCases)
    func hugeDocument(_ shape: Shape) throws {
        let count = shape.count
        let yaml = (0..<count).map(shape.line).joined(separator: "\n")
        let started = ContinuousClock.now
        let root = try #require(try YAMLParser.parse(yaml))
        #expect(ContinuousClock.now - started < .seconds(30), "quadratic work takes minutes here; the real figures are the benchmarks' job")
        switch shape {
        case .list:
            let items = try #require(root.sequence)
            #expect(items.count == count)
            #expect(items.last?.scalar?.value == "item 199999")
            #expect(items.last?.range.description == "200000:3-200000:14")
        case .mapping:
            let pairs = try #require(root.mapping)
            #expect(pairs.count == count)
            #expect(pairs.last?.value.scalar?.value == "value 199999")
            #expect(pairs.last?.value.range.description == "200000:12-200000:24")
        case .dashKeys:
            let items = try #require(root.sequence)
            #expect(items.count == count)
            #expect(items.last?.at("@-")?.range.description == "50000:3-50000:4")
            #expect(items.last?.at("-")?.scalar?.value == "value 49999")
        }
    }
}
