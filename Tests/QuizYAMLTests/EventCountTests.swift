import QuizYAML
import Testing

/// `countEvents` runs libyaml alone: a count for text it accepts, nil for text it rejects.
struct EventCountTests {
    @Test("valid text gives libyaml's event count", arguments: [
        ("", 2),                   // stream start, stream end
        ("# only a comment\n", 2),
        ("hello", 5),              // + document start, scalar, document end
        ("- a\n- b\n", 8),         // + sequence start, 2 scalars, sequence end
        ("a: [1, 2]", 11),
        ("a: &x 1\nb: *x\n", 10),  // an alias is one event, and is not resolved
        ("a\n---\nb\n", 8),        // two documents are fine for libyaml
    ])
    func valid(_ yaml: String, events: Int) {
        #expect(YAMLParser.countEvents(Array(yaml.utf8)) == events)
    }

    @Test("invalid text gives nil", arguments: [
        Array("key: [a, b".utf8),
        Array("a: b: c".utf8),
        Array("a:\n\tb: c\n".utf8),
        Array("a: b\nc: \u{01}\n".utf8),
        Array("a: ".utf8) + [0xFF],
        Array("x: ".utf8) + [0xE2, 0x82],
    ])
    func invalid(_ bytes: [UInt8]) {
        #expect(YAMLParser.countEvents(bytes) == nil)
    }

    @Test("deep nesting is counted without a limit")
    func deep() {
        let n = 10_000
        let yaml = String(repeating: "[", count: n) + String(repeating: "]", count: n)
        #expect(YAMLParser.countEvents(Array(yaml.utf8)) == 2 * n + 4)
    }
}
