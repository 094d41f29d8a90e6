import QuizKit

/// The value forms the bank schema refers to by name (`#/$defs/…`): text, ids, durations,
/// choice letters. Each follows what the loader accepts, written as JSON Schema.
enum Shapes {
    static var definitions: JSONValue {
        let lastLetter = ChoiceLetter.name(ChoiceLetter.maxChoices - 1)
        return [
            "text": [
                "description": "Text. A plain value is kept exactly as written, so Yes, off and 1.0 are text; it must not be blank.",
                "type": ["string", "number", "boolean"],
                "pattern": #"\S"#,
            ],
            "texts": ["type": "array", "items": ref("text")],
            "id": [
                "description": "Kebab-case: lowercase letters and digits joined by single hyphens, e.g. sse-reconnect.",
                "type": ["string", "integer"],
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "minimum": 0,
            ],
            "duration": [
                "description": "Seconds (90), or hours, minutes and seconds in that order (1h, 7m, 45s, 1m30s); at most a week.",
                "anyOf": [
                    ["type": "integer", "minimum": 1, "maximum": .number(Double(BankVocabulary.longestDuration))],
                    ["type": "string", "pattern": #"^(\d+h(\d+m)?(\d+s)?|\d+m(\d+s)?|\d+s)$"#],
                ],
            ],
            "letter": [
                "description": .string("The letter of a choice as written: A is the first, up to \(lastLetter); either case."),
                "type": "string",
                "pattern": .string(#"^\s*[A-"# + lastLetter + "a-" + lastLetter.lowercased() + #"]\s*$"#),
            ],
            "choice": [
                "anyOf": [
                    ref("text"),
                    [
                        "type": "object",
                        "properties": BankSchema.properties(BankVocabulary.choice) { _ in ref("text") },
                        "required": BankSchema.required(BankVocabulary.choice),
                        "additionalProperties": false,
                    ],
                ],
            ],
        ]
    }

    /// A reference to one of the definitions.
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/\(name)")] }

    /// The words of an enum the loader reads, in declaration order.
    static func words<T: CaseIterable & RawRepresentable>(_: T.Type) -> JSONValue where T.RawValue == String {
        .array(T.allCases.map { .string($0.rawValue) })
    }

    /// A list of order items or match pairs, within the loader's bounds.
    static func arrangement(of item: JSONValue) -> JSONValue {
        ["type": "array", "items": item,
         "minItems": .number(Double(BankVocabulary.arrangementCount.lowerBound)),
         "maxItems": .number(Double(BankVocabulary.arrangementCount.upperBound))]
    }
}
