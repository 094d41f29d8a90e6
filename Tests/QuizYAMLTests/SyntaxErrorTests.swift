import QuizYAML
import Testing

/// libyaml's own words and place for text it rejects, pinned exactly so a
/// change in libyaml or in how its error state is read shows up here.
struct SyntaxErrorTests {
    struct Rejected: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { yaml.debugDescription }
    }

    static let libyamlErrors: [Rejected] = [
        Rejected(yaml: "key: [a, b", line: 2, column: 1,
                 message: "did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 6)"),
        Rejected(yaml: "a: b: c", line: 1, column: 5,
                 message: "mapping values are not allowed in this context"),
        Rejected(yaml: "a:\n\tb: c\n", line: 2, column: 1,
                 message: "found character that cannot start any token (while scanning for the next token at line 2, column 1)"),
        Rejected(yaml: "a:\n  b: 1\n c: 2\n", line: 3, column: 2,
                 message: "did not find expected key (while parsing a block mapping at line 1, column 1)"),
        Rejected(yaml: "a:\n  - 1\n - 2\n", line: 3, column: 2,
                 message: "did not find expected key (while parsing a block mapping at line 1, column 1)"),
        Rejected(yaml: "a: 'oops\n", line: 2, column: 1,
                 message: "found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)"),
        Rejected(yaml: "\"\\q\"", line: 1, column: 2,
                 message: "found unknown escape character (while parsing a quoted scalar at line 1, column 1)"),
        Rejected(yaml: "[a, - b]", line: 1, column: 5,
                 message: "did not find expected node content (while parsing a flow node at line 1, column 5)"),
        Rejected(yaml: "!e!item x\n", line: 1, column: 1,
                 message: "found undefined tag handle (while parsing a node at line 1, column 1)"),
        Rejected(yaml: "a\n...\nb\n", line: 3, column: 1,
                 message: "did not find expected <document start>"),
    ]

    @Test("libyaml's problem text and mark are passed on", arguments: libyamlErrors)
    func libyamlError(_ c: Rejected) {
        expectSyntaxError(c)
    }

    /// libyaml's reader reports a byte offset, not a line and column; the parser turns it into one.
    static let controlCharacter = "cannot read the file: control characters are not allowed"

    static let readerErrors: [Rejected] = [
        Rejected(yaml: "a: b\nc: d\u{01}e\n", line: 2, column: 5, message: controlCharacter),
        Rejected(yaml: "a: é\u{7F}\n", line: 1, column: 5, message: controlCharacter),
        Rejected(yaml: "a: b\r\nc: \u{01}\r\n", line: 2, column: 4, message: controlCharacter),
        Rejected(yaml: "a: b\rc: \u{01}\r", line: 2, column: 4, message: controlCharacter),
        Rejected(yaml: "\u{FEFF}a: \u{01}\n", line: 1, column: 4, message: controlCharacter),
        Rejected(yaml: "a:\n  \u{0}", line: 2, column: 3, message: controlCharacter),
    ]

    @Test("a control character is reported where it is", arguments: readerErrors)
    func readerError(_ c: Rejected) {
        expectSyntaxError(c)
    }

    static let aliasErrors: [Rejected] = [
        Rejected(yaml: "a: *nope\n", line: 1, column: 4, message: "unknown alias *nope; define the anchor &nope before using it"),
        Rejected(yaml: "a: *x\nb: &x 1\n", line: 1, column: 4, message: "unknown alias *x; define the anchor &x before using it"),
        // A node cannot contain an alias to itself.
        Rejected(yaml: "a: &a [*a]\n", line: 1, column: 8, message: "unknown alias *a; define the anchor &a before using it"),
    ]

    @Test("an alias without an anchor before it is an error at the alias", arguments: aliasErrors)
    func unknownAlias(_ c: Rejected) {
        expectSyntaxError(c)
    }

    static let loneDashMessage = "a lone \"-\" cannot be a value inside [ ] or { }; quote it as \"-\" or remove it"

    /// libyaml accepts these as the text "-" (yaml-test-suite YJV2); YAML does not.
    static let loneDashes: [Rejected] = [
        Rejected(yaml: "[-]", line: 1, column: 2, message: loneDashMessage),
        Rejected(yaml: "choices: [a, -]\n", line: 1, column: 14, message: loneDashMessage),
        Rejected(yaml: "[-, a]", line: 1, column: 2, message: loneDashMessage),
        Rejected(yaml: "{a: -}", line: 1, column: 5, message: loneDashMessage),
        Rejected(yaml: "{-}", line: 1, column: 2, message: loneDashMessage),
        Rejected(yaml: "[é, 日本, -]", line: 1, column: 9, message: loneDashMessage),
        Rejected(yaml: "\u{FEFF}[é, -]", line: 1, column: 5, message: loneDashMessage),
    ]

    @Test("a lone - before a flow indicator is rejected", arguments: loneDashes)
    func loneDash(_ c: Rejected) {
        expectSyntaxError(c)
    }

    @Test("a dash that YAML allows in flow is still text", arguments: [
        ("{-: x}", "-"), ("[-x]", "-x"), ("['-']", "-"), ("[-#]", "-#"), ("-]", "-]"), ("-: x", "-"),
    ])
    func allowedDash(_ yaml: String, text: String) throws {
        var node = try #require(try YAMLParser.parse(yaml))
        while node.scalar == nil {
            node = try #require(node.sequence?.first ?? node.mapping?.first?.key)
        }
        #expect(node.scalar?.value == text)
    }

    @Test("an error prints as line:column: message")
    func printedForm() {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse("a: b: c") }
        #expect(error?.description == "1:5: mapping values are not allowed in this context")
    }

    private func expectSyntaxError(_ c: Rejected, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: YAMLError.self, sourceLocation: sourceLocation) { try YAMLParser.parse(c.yaml) }
        #expect(error?.kind == .syntax, sourceLocation: sourceLocation)
        #expect(error?.message == c.message, sourceLocation: sourceLocation)
        #expect(error?.mark == Mark(line: c.line, column: c.column), sourceLocation: sourceLocation)
    }
}
