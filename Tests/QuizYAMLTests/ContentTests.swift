import QuizYAML
import Testing

/// What the tree holds: scalar text, style and tag; pairs in order; aliases; one document.
struct ContentTests {
    struct Styled: Sendable, CustomTestStringConvertible {
        var yaml: String
        var style: Scalar.Style
        var value: String
        var testDescription: String { yaml.debugDescription }
    }

    static let styles: [Styled] = [
        Styled(yaml: "plain text", style: .plain, value: "plain text"),
        Styled(yaml: "'single ''quoted'''", style: .singleQuoted, value: "single 'quoted'"),
        Styled(yaml: "\"double \\\"quoted\\\"\\n\"", style: .doubleQuoted, value: "double \"quoted\"\n"),
        Styled(yaml: "|\n  kept\n  lines\n", style: .literal, value: "kept\nlines\n"),
        Styled(yaml: "|-\n  stripped\n", style: .literal, value: "stripped"),
        Styled(yaml: ">\n  folded\n  lines\n", style: .folded, value: "folded lines\n"),
        Styled(yaml: ">+\n  kept\n\n", style: .folded, value: "kept\n\n"),
    ]

    @Test("each scalar style is recorded with its text", arguments: styles)
    func style(_ c: Styled) throws {
        let node = try #require(try YAMLParser.parse(c.yaml))
        #expect(node.scalar == Scalar(c.value, style: c.style))
    }

    struct Tagged: Sendable, CustomTestStringConvertible {
        var yaml: String
        var tag: String?
        var testDescription: String { yaml.debugDescription }
    }

    static let tags: [Tagged] = [
        Tagged(yaml: "!!str 5", tag: "tag:yaml.org,2002:str"),
        Tagged(yaml: "!!int '7'", tag: "tag:yaml.org,2002:int"),
        Tagged(yaml: "!!seq [a]", tag: "tag:yaml.org,2002:seq"),
        Tagged(yaml: "!!map {a: b}", tag: "tag:yaml.org,2002:map"),
        Tagged(yaml: "!local x", tag: "!local"),
        Tagged(yaml: "! x", tag: "!"),
        Tagged(yaml: "!<tag:example.com,2000:item> x", tag: "tag:example.com,2000:item"),
        Tagged(yaml: "%TAG !e! tag:example.com,2000:\n--- !e!item x", tag: "tag:example.com,2000:item"),
        Tagged(yaml: "5", tag: nil),
        Tagged(yaml: "[a]", tag: nil),
    ]

    @Test("tags are resolved to their full form", arguments: tags)
    func tag(_ c: Tagged) throws {
        let node = try #require(try YAMLParser.parse(c.yaml))
        #expect(node.tag == c.tag)
    }

    @Test("a tagged scalar keeps its text", arguments: ["!!str 5", "!!int 5"])
    func taggedText(_ yaml: String) throws {
        let node = try #require(try YAMLParser.parse(yaml))
        #expect(node.scalar == Scalar("5"))
    }

    /// YAML 1.1 would read some of these as booleans, numbers or null; the tree keeps the text.
    @Test("words that look like values stay text", arguments: [
        "Yes", "No", "off", "on", "y", "n", "true", "FALSE", "1.0", "~", "null",
        "0x1F", "0o17", "007", "+12", "1e3", ".inf", "-.inf", ".nan", "2024-01-01", "12:30:00",
    ])
    func keptAsText(_ word: String) throws {
        let node = try #require(try YAMLParser.parse("answer: \(word)\n"))
        let value = try #require(node.at("answer"))
        #expect(value.scalar == Scalar(word, style: .plain))
        #expect(value.tag == nil)
    }

    @Test("null is a plain ~, null, Null, NULL or nothing", arguments: [
        ("a: ~", true), ("a: null", true), ("a: Null", true), ("a: NULL", true), ("a:", true), ("a: ''", false),
        ("a: '~'", false), ("a: \"null\"", false), ("a: No", false), ("a: nil", false), ("a: None", false),
    ])
    func null(_ yaml: String, isNull: Bool) throws {
        let value = try #require(try YAMLParser.parse(yaml)?.at("a")?.scalar)
        #expect(value.isNull == isNull)
    }

    @Test("each kind of node describes itself in words", arguments: [
        ("a: x", "a scalar"), ("a: ~", "empty"), ("a: [1]", "a list"), ("a: {b: 1}", "a mapping"), ("a: []", "a list"),
    ])
    func kindDescription(_ yaml: String, words: String) throws {
        let value = try #require(try YAMLParser.parse(yaml)?.at("a"))
        #expect(value.kindDescription == words)
    }

    @Test("duplicate keys are kept, in file order")
    func duplicateKeys() throws {
        let pairs = try #require(try YAMLParser.parse("a: 1\nb: 2\na: 3\n")?.mapping)
        #expect(pairs.map { $0.key.scalar?.value } == ["a", "b", "a"])
        #expect(pairs.map { $0.value.scalar?.value } == ["1", "2", "3"])
        #expect(pairs[2].key.range.description == "3:1-3:2")
    }

    @Test("an alias is a copy of the anchored node, placed where the alias is written")
    func aliasCopiesTheAnchoredNode() throws {
        let root = try #require(try YAMLParser.parse("base: &b {x: 1, y: [2, 3]}\ncopy: *b\n"))
        let base = try #require(root.at("base"))
        let copy = try #require(root.at("copy"))
        #expect(copy == base)
        #expect(copy.mapping?.count == 2)
        #expect(base.range.description == "1:7-1:27")
        #expect(copy.range.description == "2:7-2:9")
        // What is inside the copy still points at the anchored text.
        #expect(copy.at("y/1")?.range.description == "1:24-1:25")
    }

    @Test("an alias of a scalar keeps its text, style and tag")
    func aliasOfScalar() throws {
        let root = try #require(try YAMLParser.parse("a: &t !!str 'hi'\nb: *t\n"))
        let b = try #require(root.at("b"))
        #expect(b.scalar == Scalar("hi", style: .singleQuoted))
        #expect(b.tag == "tag:yaml.org,2002:str")
        #expect(b.range.description == "2:4-2:6")
    }

    @Test("an alias refers to the latest anchor of that name")
    func anchorRedefined() throws {
        let root = try #require(try YAMLParser.parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n"))
        #expect(root.at("b")?.scalar?.value == "1")
        #expect(root.at("d")?.scalar?.value == "2")
    }

    @Test("an alias can be a key")
    func aliasAsKey() throws {
        let pairs = try #require(try YAMLParser.parse("- &k name\n- {*k : value}\n")?.at("1")?.mapping)
        #expect(pairs.first?.key.scalar?.value == "name")
        #expect(pairs.first?.value.scalar?.value == "value")
    }

    @Test("equal content is equal wherever it was written", arguments: [
        ("a: [1, 2]", "a:\n  - 1\n  - 2\n"),
        ("{a: b}", "a: b"),
        ("x", "\n\n   x"),
        ("a: &n [1]\nb: *n", "a: [1]\nb: [1]"),
    ])
    func equalIgnoringPositions(_ first: String, _ second: String) throws {
        let a = try #require(try YAMLParser.parse(first))
        let b = try #require(try YAMLParser.parse(second))
        #expect(a == b)
        #expect(a.description != b.description, "the dumps, which show positions, should differ")
    }

    @Test("style, tag, order and duplicates make content differ", arguments: [
        ("a: '1'", "a: 1"),
        ("!!str 1", "1"),
        ("[a, b]", "[b, a]"),
        ("a: 1\na: 1", "a: 1"),
        ("a: [1]", "a: {1: }"),
    ])
    func unequalContent(_ first: String, _ second: String) throws {
        let a = try #require(try YAMLParser.parse(first))
        let b = try #require(try YAMLParser.parse(second))
        #expect(a != b)
    }

    @Test("one explicit document is accepted, with or without an end marker", arguments: [
        "---\na: 1\n", "---\na: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "# intro\n---\na: 1\n",
    ])
    func explicitDocument(_ yaml: String) throws {
        let root = try #require(try YAMLParser.parse(yaml))
        #expect(root.at("a")?.scalar?.value == "1")
    }

    @Test("a document marker with nothing after it is an empty scalar, not nil")
    func emptyExplicitDocument() throws {
        let root = try #require(try YAMLParser.parse("---\n"))
        #expect(root.scalar?.isNull == true)
    }

    @Test("a second document is an error at its marker", arguments: [
        ("a: 1\n---\nb: 2\n", 2, 1),
        ("--- a\n--- b\n", 2, 1),
        ("a: 1\n...\n---\nb: 2\n", 3, 1),
    ])
    func extraDocument(_ yaml: String, line: Int, column: Int) {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(yaml) }
        #expect(error == YAMLError(.extraDocument, "a second YAML document starts here; a file holds one document",
                                   at: Mark(line: line, column: column)))
    }
}
