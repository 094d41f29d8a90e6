import QuizInterop
import QuizKit
import Testing

/// The schema checked by a real validator: good banks pass it, and banks the loader refuses fail it
/// at the key or value at fault.
@Suite(.timeLimit(.minutes(1)), .enabled(if: PythonValidator.isAvailable, "needs python3 with its yaml and jsonschema modules"))
struct SchemaValidationTests {
    /// A small good bank; each bad case changes one line of it.
    static let good = """
        quiz: demo
        title: Demo
        questions:
          - id: pick-one
            section: basics
            prompt: Which one?
            choices: [First, Second]
            answer: A
            explanation: Because.
        tests:
          - id: practice
            title: Practice
            time_limit: 5m

        """

    /// A bad bank (one line of the good one replaced) and the path of the error the validator must report.
    static let bad: [(change: (String, String), path: String)] = [
        (("    explanation: Because.", "    explaination: Because."), "questions/0"),
        (("    time_limit: 5m", "    time_limit: [1]"), "tests/0/time_limit"),
        (("    answer: A", "    answer: {}"), "questions/0/answer"),
        (("    answer: A", "    answer: [A, B]"), "questions/0/answer"),
        (("    answer: A", "    answer: K"), "questions/0/answer"),
        (("    choices: [First, Second]", "    choices: [Only]"), "questions/0/choices"),
        (("    prompt: Which one?", "    prompt: [Which, one]"), "questions/0/prompt"),
        (("    prompt: Which one?", "    type: essay"), "questions/0/type"),
        (("    explanation: Because.", "    items: [a, b]"), "questions/0"),
        (("    explanation: Because.", "    scoring: partial"), "questions/0"),
        (("    explanation: Because.", "    points: 0"), "questions/0/points"),
        (("    explanation: Because.", "    time: 5 minutes"), "questions/0/time"),
        (("    explanation: Because.", "    shuffle: \"yes\""), "questions/0/shuffle"),
        (("    explanation: Because.", "    tags: fundamentals"), "questions/0/tags"),
        (("    time_limit: 5m", "    pass: \"170%\""), "tests/0/pass"),
        (("    time_limit: 5m", "    penalty: 2"), "tests/0/penalty"),
        (("    time_limit: 5m", "    pick: {per_section: 0}"), "tests/0/pick"),
        (("    time_limit: 5m", "    feedback: later"), "tests/0/feedback"),
        (("title: Demo", "titel: Demo"), ""),
        (("id: pick-one", "id: Pick One"), "questions/0/id"),
    ]

    static func banks() throws -> [String] {
        [try BankFixture.text(of: BankFixture.shippedFile), try BankFixture.text(of: BankFixture.everyTypeFile), good]
    }

    @Test func goodBanksPassTheSchemaAndTheLoader() throws {
        let banks = try Self.banks()
        let errors = try PythonValidator.errors(schema: try BankSchema.json(), banks: banks)
        #expect(errors.count == banks.count)
        for (bank, found) in zip(banks, errors) {
            #expect(found.isEmpty, "\(bank.prefix(40)): \(found)")
            let stem = bank.hasPrefix("quiz: websockets") ? "websockets-sse-polling" : bank.hasPrefix("quiz: every-type") ? "every-type" : "demo"
            #expect(try BankFixture.decode(bank, stem: stem).findings.isEmpty)
        }
    }

    @Test func banksTheLoaderRefusesFailTheSchemaAtTheFault() throws {
        let banks = Self.bad.map { Self.good.replacingOccurrences(of: $0.change.0, with: $0.change.1) }
        for (bank, change) in zip(banks, Self.bad) {
            #expect(bank != Self.good, "\(change.change.0) is a line of the good bank")
            let refused = try BankFixture.decode(bank).findings.filter { $0.severity == .error }
            #expect(!refused.isEmpty, "the loader refuses \(change.change.1)")
        }
        let errors = try PythonValidator.errors(schema: try BankSchema.json(), banks: banks)
        #expect(errors.count == banks.count)
        for (found, change) in zip(errors, Self.bad) {
            #expect(found.contains { $0.hasPrefix(change.path + ": ") },
                    "\(change.change.1) should fail at \(change.path.isEmpty ? "the top" : change.path); the validator says \(found)")
        }
    }

    @Test func aTypoedKeyIsNamedInTheError() throws {
        let bank = Self.good.replacingOccurrences(of: "    explanation:", with: "    explaination:")
        let errors = try PythonValidator.errors(schema: try BankSchema.json(), banks: [bank])
        #expect(errors.first?.contains { $0.contains("'explaination' was unexpected") } == true, "\(errors)")
    }
}
