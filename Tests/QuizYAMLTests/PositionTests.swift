import QuizYAML
import Testing

/// Where each node starts and ends, as 1-based line:column, counted in characters.
struct PositionTests {
    /// One node picked out of a document by path, and the range it should have.
    struct Place: Sendable, CustomTestStringConvertible {
        var yaml: String
        var path: String
        var range: String
        var testDescription: String { "\(path.isEmpty ? "root" : path) of \(yaml.debugDescription)" }
    }

    static let scalars: [Place] = [
        Place(yaml: "hello", path: "", range: "1:1-1:6"),
        Place(yaml: "a: plain text\n", path: "a", range: "1:4-1:14"),
        Place(yaml: "a: plain text\n", path: "@a", range: "1:1-1:2"),
        Place(yaml: "a: one\n  two\n", path: "a", range: "1:4-2:6"),
        Place(yaml: "a: 'it''s'\n", path: "a", range: "1:4-1:11"),
        Place(yaml: "a: \"tab\\there\"\n", path: "a", range: "1:4-1:15"),
        Place(yaml: "'key': \"value\"\n", path: "@key", range: "1:1-1:6"),
        // A block scalar runs from its indicator to the start of the line after its text.
        Place(yaml: "text: |\n  line one\n  line two\nnext: x\n", path: "text", range: "1:7-4:1"),
        Place(yaml: "text: >-\n  line one\n  line two\n", path: "text", range: "1:7-4:1"),
        Place(yaml: "text: |\n  line one\n  line two\nnext: x\n", path: "next", range: "4:7-4:8"),
        Place(yaml: "a: !!str 5\n", path: "a", range: "1:4-1:11"),
    ]

    static let collections: [Place] = [
        Place(yaml: "- a\n- b\n", path: "", range: "1:1-3:1"),
        Place(yaml: "- a\n- b\n", path: "1", range: "2:3-2:4"),
        Place(yaml: "[a, b, [c]]", path: "", range: "1:1-1:12"),
        Place(yaml: "[a, b, [c]]", path: "2", range: "1:8-1:11"),
        Place(yaml: "[a, b, [c]]", path: "2/0", range: "1:9-1:10"),
        Place(yaml: "items:\n- a\n- b\nend: x\n", path: "items", range: "2:1-4:1"),
        Place(yaml: "a: 1\nb: 2\n", path: "", range: "1:1-3:1"),
        Place(yaml: "{a: 1, b: [x, y]}", path: "", range: "1:1-1:18"),
        Place(yaml: "{a: 1, b: [x, y]}", path: "b", range: "1:11-1:17"),
        Place(yaml: "{a: 1, b: [x, y]}", path: "b/1", range: "1:15-1:16"),
    ]

    static let nested = "quiz:\n  title: Intro\n  questions:\n    - text: What?\n      answer: B\n"
    static let nestedPlaces: [Place] = [
        Place(yaml: nested, path: "quiz", range: "2:3-6:1"),
        Place(yaml: nested, path: "quiz/@questions", range: "3:3-3:12"),
        Place(yaml: nested, path: "quiz/questions", range: "4:5-6:1"),
        Place(yaml: nested, path: "quiz/questions/0", range: "4:7-6:1"),
        Place(yaml: nested, path: "quiz/questions/0/text", range: "4:13-4:18"),
        Place(yaml: nested, path: "quiz/questions/0/@answer", range: "5:7-5:13"),
        Place(yaml: nested, path: "quiz/questions/0/answer", range: "5:15-5:16"),
    ]

    /// é is 2 bytes, 日 3 and 🎉 4, but each is one column.
    static let multiByte: [Place] = [
        Place(yaml: "é: café\n", path: "@é", range: "1:1-1:2"),
        Place(yaml: "é: café\n", path: "é", range: "1:4-1:8"),
        Place(yaml: "🎉: [日本語, x]\n", path: "🎉", range: "1:4-1:12"),
        Place(yaml: "🎉: [日本語, x]\n", path: "🎉/0", range: "1:5-1:8"),
        Place(yaml: "🎉: [日本語, x]\n", path: "🎉/1", range: "1:10-1:11"),
        Place(yaml: "- 'naïve 😀'\n- end\n", path: "0", range: "1:3-1:12"),
        Place(yaml: "- 'naïve 😀'\n- end\n", path: "1", range: "2:3-2:6"),
        Place(yaml: "\u{FEFF}a: b\n", path: "a", range: "1:4-1:5"),
    ]

    @Test("scalar positions", arguments: scalars)
    func scalar(_ place: Place) throws {
        try check(place)
    }

    @Test("sequence and mapping positions", arguments: collections)
    func collection(_ place: Place) throws {
        try check(place)
    }

    @Test("positions in nested blocks", arguments: nestedPlaces)
    func nestedBlock(_ place: Place) throws {
        try check(place)
    }

    @Test("multi-byte characters count as one column", arguments: multiByte)
    func multiByteColumns(_ place: Place) throws {
        try check(place)
    }

    @Test("the dump of a small quiz file shows every node with its range")
    func dump() throws {
        let root = try #require(try YAMLParser.parse(contentsOf: Fixture.url("quiz.yaml")))
        #expect(root.description == """
            mapping 2:1-9:1
              scalar 2:1-2:6 plain "title"
                scalar 2:8-2:13 plain "Cells"
              scalar 3:1-3:10 plain "questions"
                sequence 4:3-9:1
                  mapping 4:5-9:1
                    scalar 4:5-4:9 plain "text"
                      scalar 4:11-4:28 doubleQuoted "What makes ATP?"
                    scalar 5:5-5:12 plain "choices"
                      sequence 5:14-5:37
                        scalar 5:15-5:22 plain "Nucleus"
                        scalar 5:24-5:36 plain "Mitochondria"
                    scalar 6:5-6:11 plain "answer"
                      scalar 6:13-6:14 plain "B"
                    scalar 7:5-7:12 plain "explain"
                      scalar 7:14-9:1 literal "The mitochondria.\\n"

            """)
    }

    @Test("a mark and a range print as line:column")
    func printedForm() {
        let range = SourceRange(start: Mark(line: 1, column: 4), end: Mark(line: 2, column: 1))
        #expect(range.description == "1:4-2:1")
        #expect(Mark(line: 1, column: 9) < Mark(line: 2, column: 1))
        #expect(Mark(line: 2, column: 1) < Mark(line: 2, column: 3))
        #expect(!(Mark(line: 2, column: 3) < Mark(line: 2, column: 3)))
    }

    private func check(_ place: Place) throws {
        let root = try #require(try YAMLParser.parse(place.yaml))
        let node = try #require(root.at(place.path), "no node at \(place.path)")
        #expect(node.range.description == place.range)
    }
}
