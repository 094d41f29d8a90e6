import QuizKit

/// The JSON Schema (draft 2020-12) of a bank file, which `quiz schema` prints so that
/// yaml-language-server (VS Code, Neovim, JetBrains) completes keys and flags wrong values.
///
/// Every key, which question types it belongs to, whether it is required, and every
/// allowed word (types, scoring, difficulty, feedback) comes from ``BankVocabulary`` and
/// the model's enums, the very lists the loader checks, so the schema cannot offer a key
/// the loader refuses or miss one it accepts. The schema is stricter than nothing and
/// looser than lint: it knows value forms, not cross-references such as section ids.
public enum BankSchema {
    /// The dialect the schema is written in.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as a JSON value.
    public static var document: JSONValue {
        [
            "$schema": .string(dialect),
            "title": "quiz question bank",
            "description": "A question bank of quiz: one YAML file under Quizzes/. Made by quiz schema; quiz lint checks what a schema cannot, such as section ids.",
            "type": "object",
            "properties": properties(BankVocabulary.bank) { bankShape($0) },
            "required": required(BankVocabulary.bank),
            "additionalProperties": false,
            "$defs": Shapes.definitions,
        ]
    }

    /// The schema as `quiz schema` prints it: pretty-printed with sorted keys, so the same build always
    /// prints the same bytes.
    public static func json() throws -> String {
        try JSONDocument.pretty(document)
    }

    // MARK: Mappings

    static func bankShape(_ key: String) -> JSONValue {
        switch key {
        case "quiz", "lesson": Shapes.ref("id")
        case "title": Shapes.ref("text")
        case "defaults":
            [
                "type": "object",
                "properties": properties(BankVocabulary.defaults) { questionShape($0) },
                "additionalProperties": false,
            ]
        case "questions": ["type": "array", "minItems": 1, "items": question]
        case "tests": ["type": "array", "items": test]
        default: [:]
        }
    }

    /// A question: every key with its form, then for each type the keys it must have, the form of
    /// its `answer`, and the keys that do not belong to it (a `false` schema each).
    static var question: JSONValue {
        let keys = BankVocabulary.question
        let rules: [JSONValue] = QuestionType.allCases.map { type in
            var forType: [String: JSONValue] = [:]
            for key in keys {
                if !key.belongs(to: type) {
                    forType[key.name] = false
                } else if key.name == "answer" {
                    forType[key.name] = answerShape(type)
                }
            }
            let required = keys.filter { $0.isRequired && $0.types != nil && $0.belongs(to: type) }.names
            // A question without `type` is single, so only single's condition holds when the key is absent.
            let condition: JSONValue = type == .single
                ? ["properties": ["type": ["const": .string(type.rawValue)]]]
                : ["properties": ["type": ["const": .string(type.rawValue)]], "required": ["type"]]
            return ["if": condition, "then": ["properties": .object(forType), "required": .array(required.map(JSONValue.string))]]
        }
        return [
            "type": "object",
            "properties": properties(keys) { questionShape($0) },
            "required": .array(keys.filter { $0.isRequired && $0.types == nil }.names.map(JSONValue.string)),
            "additionalProperties": false,
            "allOf": .array(rules),
        ]
    }

    static func questionShape(_ key: String) -> JSONValue {
        switch key {
        case "id": Shapes.ref("id")
        case "section", "prompt", "explanation", "hint": Shapes.ref("text")
        case "type": ["enum": Shapes.words(QuestionType.self), "default": .string(QuestionType.single.rawValue)]
        case "choices":
            ["type": "array", "items": Shapes.ref("choice"),
             "minItems": .number(Double(BankVocabulary.choiceCount.lowerBound)),
             "maxItems": .number(Double(BankVocabulary.choiceCount.upperBound))]
        case "answer": ["type": ["string", "number", "boolean", "array"]]
        case "tolerance":
            ["anyOf": [["type": "number", "minimum": 0], ["type": "string", "pattern": #"^\+?(\d+\.?\d*|\.\d+)%$"#]]]
        case "items": Shapes.arrangement(of: Shapes.ref("text"))
        case "pairs":
            Shapes.arrangement(of: ["type": "object", "minProperties": 1, "maxProperties": 1,
                                    "additionalProperties": Shapes.ref("text")])
        case "points": ["type": "number", "exclusiveMinimum": 0]
        case "scoring": ["enum": Shapes.words(ScoringPolicy.self), "default": .string(ScoringPolicy.allOrNothing.rawValue)]
        case "difficulty": ["enum": Shapes.words(Difficulty.self)]
        case "tags": Shapes.ref("texts")
        case "time": Shapes.ref("duration")
        case "shuffle", "check": ["type": "boolean", "default": true]
        default: [:]
        }
    }

    /// What `answer` must be for a question of `type`.
    static func answerShape(_ type: QuestionType) -> JSONValue {
        switch type {
        case .single: Shapes.ref("letter")
        case .multiple: ["type": "array", "items": Shapes.ref("letter"), "minItems": 1, "uniqueItems": true]
        case .truefalse: ["type": "boolean"]
        case .short: ["anyOf": [Shapes.ref("text"), ["type": "array", "items": Shapes.ref("text"), "minItems": 1]]]
        case .numeric: ["type": "number"]
        case .order, .match: false
        }
    }

    static var test: JSONValue {
        [
            "type": "object",
            "properties": properties(BankVocabulary.test) { testShape($0) },
            "required": required(BankVocabulary.test),
            "additionalProperties": false,
        ]
    }

    static func testShape(_ key: String) -> JSONValue {
        switch key {
        case "id": Shapes.ref("id")
        case "title": Shapes.ref("text")
        case "time_limit": Shapes.ref("duration")
        case "pick":
            ["anyOf": [
                ["const": "all"],
                ["type": "integer", "minimum": 1],
                ["type": "object", "properties": properties(BankVocabulary.pick) { _ in ["type": "integer", "minimum": 1] },
                 "required": required(BankVocabulary.pick), "additionalProperties": false],
            ], "default": "all"]
        case "from":
            ["type": "object", "properties": properties(BankVocabulary.pool) { poolShape($0) }, "additionalProperties": false]
        case "shuffle": ["type": "boolean", "default": true]
        case "pass": ["type": "string", "pattern": #"^0*(100(\.0*)?|\d{1,2}(\.\d*)?|\.\d+)%$"#, "default": "70%"]
        case "penalty": ["type": "number", "minimum": 0, "maximum": 1, "default": 0]
        case "feedback": ["enum": Shapes.words(FeedbackTiming.self), "default": .string(FeedbackTiming.end.rawValue)]
        default: [:]
        }
    }

    static func poolShape(_ key: String) -> JSONValue {
        switch key {
        case "sections", "tags": Shapes.ref("texts")
        case "difficulty": ["type": "array", "items": ["enum": Shapes.words(Difficulty.self)]]
        default: [:]
        }
    }

    // MARK: Building blocks

    /// `properties` for `keys`: each key's form with its summary as the description.
    static func properties(_ keys: [BankVocabulary.Key], shape: (String) -> JSONValue) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for key in keys {
            var schema: [String: JSONValue] = [:]
            if case .object(let fields) = shape(key.name) { schema = fields }
            schema["description"] = .string(key.summary)
            out[key.name] = .object(schema)
        }
        return .object(out)
    }

    static func required(_ keys: [BankVocabulary.Key]) -> JSONValue {
        .array(keys.filter(\.isRequired).names.map(JSONValue.string))
    }
}
