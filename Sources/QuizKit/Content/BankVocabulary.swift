/// The keys of a bank file, mapping by mapping, each with what it is for: the one
/// list the loader checks keys against and `quiz schema` describes to editors.
///
/// A key added here is accepted by the loader and offered by the schema at once;
/// the loader still decides, key by key, what a value must look like.
public enum BankVocabulary {
    /// One key of a mapping in a bank file.
    public struct Key: Sendable, Equatable {
        public let name: String
        /// One or two sentences for an author, as an editor shows them beside the key.
        public let summary: String
        /// The question types the key belongs to; nil for keys every question has.
        public let types: [QuestionType]?
        /// Whether every mapping (or question of a type the key belongs to) must have it.
        public let isRequired: Bool

        init(_ name: String, _ summary: String, types: [QuestionType]? = nil, required: Bool = false) {
            self.name = name
            self.summary = summary
            self.types = types
            self.isRequired = required
        }

        /// Whether a question of `type` may have this key.
        public func belongs(to type: QuestionType) -> Bool { types?.contains(type) ?? true }
    }

    /// The top-level keys of a bank.
    public static let bank: [Key] = [
        Key("quiz", "The bank id: kebab-case, unique across the course, equal to the file name without .yaml.", required: true),
        Key("title", "The bank's title, as lists show it.", required: true),
        Key("lesson", "The lesson whose sections plain section ids refer to. Default: the bank id."),
        Key("defaults", "Values applied to every question that does not set them: points, time, shuffle, scoring, difficulty, tags."),
        Key("questions", "The questions of the bank, each starting with \"- id:\".", required: true),
        Key("tests", "The practice tests drawn from this bank, each starting with \"- id:\"."),
    ]

    /// The keys of a question, with the types each type-specific key belongs to.
    public static let question: [Key] = [
        Key("id", "The question id: kebab-case, unique across the whole course.", required: true),
        Key("section", "The lesson section it checks: a section id of the bank's lesson, or lesson-id#section-id.", required: true),
        Key("type", "The question type. Default: single."),
        Key("prompt", "The question, in Markdown; fenced code blocks allowed.", required: true),
        Key("choices", "2 to 8 choices, each text or {text, feedback}; feedback is shown when a learner picks it.",
            types: [.single, .multiple], required: true),
        Key("answer", "The key: a letter (single), a list of letters (multiple), true or false (truefalse), "
            + "an accepted text, /regex/ or a list of them (short), a number (numeric).",
            types: [.single, .multiple, .truefalse, .short, .numeric], required: true),
        Key("tolerance", "How far a numeric response may be from the answer and still be right: a number, or a percentage like \"5%\". Default: 0.",
            types: [.numeric]),
        Key("items", "2 to 10 items, written in the right order; learners see them scrambled.", types: [.order], required: true),
        Key("pairs", "2 to 10 pairs, each one line \"- left: right\", written correctly; learners see the right sides scrambled.",
            types: [.match], required: true),
        Key("explanation", "Markdown shown after the answer. Lint warns when it is missing."),
        Key("hint", "Shown on request in quick checks."),
        Key("points", "What a right answer earns: a number greater than 0. Default: 1."),
        Key("scoring", "all-or-nothing (default) or partial credit.", types: [.multiple, .order, .match]),
        Key("difficulty", "easy, medium or hard; practice tests can draw by it."),
        Key("tags", "A list of tags; practice tests can draw by them."),
        Key("time", "Expected answering time: seconds, or 20s, 1m, 1m30s. Default: 20s."),
        Key("shuffle", "Whether choices are shuffled when shown. Default: true."),
        Key("check", "Whether it is offered as a quick check of its section. Default: true."),
    ]

    /// The question keys `defaults` may set.
    public static let defaults: [Key] = ["points", "time", "shuffle", "scoring", "difficulty", "tags"].compactMap { name in
        question.first { $0.name == name }
    }

    /// The keys of a choice written as a mapping.
    public static let choice: [Key] = [
        Key("text", "The choice as learners read it.", required: true),
        Key("feedback", "Shown when a learner picks this choice: why it is right or wrong."),
    ]

    /// The keys of a practice test.
    public static let test: [Key] = [
        Key("id", "The test id: kebab-case, unique within the bank. Run it as quiz take BANK/TEST.", required: true),
        Key("title", "The test's title, as learners see it.", required: true),
        Key("time_limit", "A duration: seconds, or 45s, 7m, 1m30s, 1h. Absent: untimed."),
        Key("pick", "How many questions to draw: all (default), a number N, or {per_section: N}."),
        Key("from", "Which questions may be drawn: sections, tags (any of) and difficulty lists, combined with AND. Default: the whole bank."),
        Key("shuffle", "Whether question order is shuffled. Default: true; false keeps bank order."),
        Key("pass", "The pass mark, a percentage in quotes from \"0%\" to \"100%\". Default: \"70%\"."),
        Key("penalty", "0 to 1: the fraction of the points taken off a single, multiple or truefalse answer that earns nothing. Default: 0."),
        Key("feedback", "When learners see results: end (default, after submit) or immediate."),
    ]

    /// The keys of a test's `pick` written as a mapping.
    public static let pick: [Key] = [
        Key("per_section", "Draw this many questions from each section of the pool.", required: true),
    ]

    /// The keys of a test's `from` filter.
    public static let pool: [Key] = [
        Key("sections", "Section ids to draw from."),
        Key("tags", "Draw questions that have any of these tags."),
        Key("difficulty", "Difficulties to draw from: easy, medium, hard."),
    ]

    /// How many choices a single or multiple question may have.
    public static let choiceCount = 2...ChoiceLetter.maxChoices
    /// How many items an order question, or pairs a match question, may have.
    public static let arrangementCount = 2...10

    /// The longest duration accepted, in seconds: a week. Anything longer is a typo, and keeping
    /// durations small keeps every sum of them far from overflowing.
    public static let longestDuration = 7 * 24 * 3600

    /// The question types `key` belongs to; nil for a key every type has (or no question key).
    public static func owners(of key: String) -> [QuestionType]? {
        let length = key.utf8.count
        return typedKeys.first { $0.name.utf8.count == length && $0.name == key }?.types
    }

    /// The type-specific question keys, scanned for every key of every question the loader reads.
    private static let typedKeys = question.filter { $0.types != nil }
}

extension Array where Element == BankVocabulary.Key {
    /// The keys' names, in order.
    public var names: [String] { map(\.name) }
}
