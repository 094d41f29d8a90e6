import QuizInterop
import QuizKit
import Testing

/// The schema and the loader agree on every mapping of a bank: the keys the loader accepts are the
/// keys the schema offers, the keys the loader requires are the keys the schema requires, and every
/// word the schema allows the loader reads.
@Suite(.timeLimit(.minutes(1))) struct SchemaAgreementTests {
    static let schema = BankSchema.document

    /// Every key name anywhere in the DSL, plus near misses an author might type.
    static let candidates: [String] = {
        let all = BankVocabulary.bank + BankVocabulary.question + BankVocabulary.test + BankVocabulary.choice
            + BankVocabulary.pick + BankVocabulary.pool
        return Array(Set(all.names + ["explaination", "answers", "choice", "timelimit", "per-section", "Title"])).sorted()
    }()

    /// Whether the loader reports `key` as unknown in `yaml`.
    static func loaderRefuses(_ key: String, in yaml: String) throws -> Bool {
        try BankFixture.findings(.unknownKey, in: yaml).contains { $0.message.contains("\"\(key)\"") }
    }

    /// The branch of the question schema that applies to `type`.
    static func branch(for type: QuestionType) throws -> JSONValue {
        let rules = schema["properties"]?["questions"]?["items"]?["allOf"]?.items ?? []
        return try #require(rules.first { $0["if"]?["properties"]?["type"]?["const"] == .string(type.rawValue) })
    }

    /// The keys the schema lets a question of `type` have.
    static func schemaKeys(for type: QuestionType) throws -> Set<String> {
        let question = try #require(schema["properties"]?["questions"]?["items"])
        let banned = try branch(for: type)["then"]?["properties"]?.members.filter { $0.value == .bool(false) }.keys
        return Set(question["properties"]?.members.keys ?? [:].keys).subtracting(banned ?? [:].keys)
    }

    @Test(arguments: QuestionType.allCases)
    func questionKeysAreTheOnesTheLoaderAccepts(type: QuestionType) throws {
        let offered = try Self.schemaKeys(for: type)
        #expect(offered.contains("type"))
        for key in Self.candidates where key != "type" {
            let yaml = "quiz: demo\ntitle: Demo\nquestions:\n  - type: \(type.rawValue)\n    \(key): x\n"
            #expect(try Self.loaderRefuses(key, in: yaml) == !offered.contains(key),
                    "\(key) on a \(type.rawValue) question: the schema \(offered.contains(key) ? "offers" : "refuses") it")
        }
    }

    /// Each mapping other than a question: where it sits in a bank file, and where its keys sit in the schema.
    static let mappings: [(name: String, yaml: @Sendable (String) -> String, properties: JSONValue?)] = [
        ("bank", { "\($0): x\n" }, schema["properties"]),
        ("defaults", { "quiz: demo\ntitle: Demo\ndefaults:\n  \($0): x\nquestions: []\n" },
         schema["properties"]?["defaults"]?["properties"]),
        ("test", { "quiz: demo\ntitle: Demo\nquestions: []\ntests:\n  - \($0): x\n" },
         schema["properties"]?["tests"]?["items"]?["properties"]),
        ("choice", { "quiz: demo\ntitle: Demo\nquestions:\n  - choices:\n      - \($0): x\n      - b\n" },
         schema["$defs"]?["choice"]?["anyOf"]?[1]?["properties"]),
        ("pick", { "quiz: demo\ntitle: Demo\nquestions: []\ntests:\n  - pick: {\($0): 1}\n" },
         schema["properties"]?["tests"]?["items"]?["properties"]?["pick"]?["anyOf"]?[2]?["properties"]),
        ("from", { "quiz: demo\ntitle: Demo\nquestions: []\ntests:\n  - from: {\($0): [x]}\n" },
         schema["properties"]?["tests"]?["items"]?["properties"]?["from"]?["properties"]),
    ]

    @Test(arguments: mappings.indices)
    func keysOfEveryOtherMappingAreTheOnesTheLoaderAccepts(index: Int) throws {
        let mapping = Self.mappings[index]
        let offered = Set(try #require(mapping.properties, "the schema has no \(mapping.name) mapping").members.keys)
        #expect(!offered.isEmpty)
        for key in Self.candidates {
            #expect(try Self.loaderRefuses(key, in: mapping.yaml(key)) == !offered.contains(key),
                    "\(key) in \(mapping.name): the schema \(offered.contains(key) ? "offers" : "refuses") it")
        }
    }

    /// A value the loader accepts for each question key, by type.
    static func value(of key: String, for type: QuestionType) -> String {
        switch (key, type) {
        case ("id", _): "q"
        case ("type", _): type.rawValue
        case ("choices", _): "[yes, no]"
        case ("answer", .single): "A"
        case ("answer", .multiple): "[A]"
        case ("answer", .truefalse): "true"
        case ("answer", .numeric), ("points", _), ("tolerance", _): "1"
        case ("items", _): "[a, b]"
        case ("pairs", _): "[{a: b}, {c: d}]"
        case ("scoring", _): "partial"
        case ("difficulty", _): "easy"
        case ("tags", _): "[t]"
        case ("time", _): "20s"
        case ("shuffle", _), ("check", _): "true"
        default: "text"
        }
    }

    @Test(arguments: QuestionType.allCases)
    func requiredQuestionKeysAreTheOnesTheLoaderMisses(type: QuestionType) throws {
        let keys = BankVocabulary.question.filter { $0.belongs(to: type) }.names
        let whole = keys.map { "    \($0): \(Self.value(of: $0, for: type))\n" }
        let complete = "quiz: demo\ntitle: Demo\nquestions:\n  - " + whole.joined().dropFirst(4)
        #expect(try BankFixture.decode(complete).findings.isEmpty, "the complete \(type.rawValue) question loads cleanly")
        let required = Set((Self.schema["properties"]?["questions"]?["items"]?["required"]?.strings ?? [])
            + (try Self.branch(for: type)["then"]?["required"]?.strings ?? []))
        #expect(required.isSuperset(of: ["id", "section", "prompt"]))
        for (index, key) in keys.enumerated() where key != "type" {
            var lines = whole
            lines.remove(at: index)
            let yaml = "quiz: demo\ntitle: Demo\nquestions:\n  - " + lines.joined().dropFirst(4)
            let missed = try BankFixture.findings(.missingField, in: yaml).contains { $0.message.contains("\"\(key)\"") }
            #expect(missed == required.contains(key),
                    "without \(key), a \(type.rawValue) question \(missed ? "is" : "is not") missing a field")
        }
    }

    @Test func requiredBankAndTestKeysAreTheOnesTheLoaderMisses() throws {
        let bank = ["quiz: demo", "title: Demo", "lesson: demo", "defaults: {points: 1}",
                    "questions:\n  - {id: q, section: s, type: truefalse, prompt: P, answer: true}",
                    "tests:\n  - {id: t, title: T}"]
        let required = Set(Self.schema["required"]?.strings ?? [])
        for (index, key) in BankVocabulary.bank.names.enumerated() {
            var lines = bank
            lines.remove(at: index)
            let missed = try BankFixture.findings(.missingField, in: lines.joined(separator: "\n") + "\n")
                .contains { $0.message.contains("\"\(key)\"") }
            #expect(missed == required.contains(key), "a bank without \(key)")
        }
        let test = Self.schema["properties"]?["tests"]?["items"]
        let testRequired = Set(test?["required"]?.strings ?? [])
        #expect(testRequired == ["id", "title"])
        for key in BankVocabulary.test.names {
            let others = BankVocabulary.test.names.filter { $0 != key && ["id", "title"].contains($0) }
            let yaml = "quiz: demo\ntitle: Demo\nquestions: []\ntests:\n  - {" + others.map { "\($0): t" }.joined(separator: ", ") + "}\n"
            let missed = try BankFixture.findings(.missingField, in: yaml).contains { $0.message.contains("\"\(key)\"") }
            #expect(missed == testRequired.contains(key), "a test without \(key)")
        }
    }

    /// A bank's one good question, then the start of its tests.
    static let tested = "questions:\n  - {id: q, section: s, type: truefalse, prompt: P, answer: true}\ntests:\n"

    /// Every word the schema allows for an enumerated key, with the bank line that uses it.
    static let words: [(key: String, values: [String], yaml: @Sendable (String) -> String)] = {
        let question = schema["properties"]?["questions"]?["items"]?["properties"]
        let test = schema["properties"]?["tests"]?["items"]?["properties"]
        return [
            ("type", question?["type"]?["enum"]?.strings ?? [], { "questions:\n  - type: \($0)\n" }),
            ("scoring", question?["scoring"]?["enum"]?.strings ?? [], { "questions:\n  - {type: match, scoring: \($0)}\n" }),
            ("difficulty", question?["difficulty"]?["enum"]?.strings ?? [], { "questions:\n  - difficulty: \($0)\n" }),
            ("feedback", test?["feedback"]?["enum"]?.strings ?? [], { tested + "  - feedback: \($0)\n" }),
            ("from difficulty", test?["from"]?["properties"]?["difficulty"]?["items"]?["enum"]?.strings ?? [],
             { tested + "  - from: {difficulty: [\($0)]}\n" }),
        ]
    }()

    @Test(arguments: words.indices)
    func everyWordTheSchemaAllowsTheLoaderReads(index: Int) throws {
        let (key, values, yaml) = Self.words[index]
        #expect(values.count >= 2, "\(key) lists its words")
        for value in values {
            let refused = try BankFixture.findings(.invalidValue, in: "quiz: demo\ntitle: Demo\n" + yaml(value))
            #expect(refused.isEmpty, "\(key): \(value) is allowed by the schema but the loader says \(refused.map(\.message))")
        }
        let misspelt = try BankFixture.findings(.invalidValue, in: "quiz: demo\ntitle: Demo\n" + yaml("Unheard-of"))
        #expect(misspelt.count == 1, "\(key): a word outside the schema's list is refused by the loader too")
    }

    @Test func everyKeyHasAFormAndADescription() {
        var mappings: [(String, JSONValue?)] = Self.mappings.map { ($0.name, $0.properties) }
        mappings.append(("question", Self.schema["properties"]?["questions"]?["items"]?["properties"]))
        for (name, properties) in mappings {
            for (key, schema) in properties?.members ?? [:] {
                guard case .string(let description) = schema["description"] else {
                    Issue.record("\(name) key \(key) has no description")
                    continue
                }
                #expect(!description.isEmpty)
                let form = schema.members.keys.filter { $0 != "description" && $0 != "default" }
                #expect(!form.isEmpty, "\(name) key \(key) says nothing about its value")
            }
        }
    }
}
