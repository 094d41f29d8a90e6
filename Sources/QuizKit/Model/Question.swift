import QuizYAML

/// One question of a bank, with everything needed to show, score and lint it.
///
/// The loader builds a question even when parts of it are wrong, so lint
/// rules can still look at what is there; `flaw` then says why it cannot be
/// asked, and no session asks it, whatever lint's configuration says.
public struct Question: Sendable, Identifiable, Equatable {
    public var id: String
    /// The section reference as written: `section-id` or `lesson-id#section-id`.
    public var section: String
    public var prompt: String
    public var kind: Kind
    public var explanation: String?
    public var hint: String?
    public var points: Double
    public var scoring: ScoringPolicy
    public var difficulty: Difficulty?
    public var tags: [String]
    /// Expected answering time in seconds.
    public var time: Int
    public var shuffle: Bool
    public var check: Bool
    /// The first problem the loader found that stops this question being asked (a key
    /// naming a missing choice, no choices, a pattern that does not compile, …); nil when it can be.
    public var flaw: Flaw?
    public var place: Places

    /// The type-specific part of a question. One case per question type.
    public enum Kind: Sendable, Equatable {
        case single(choices: [Choice], answer: Int)
        case multiple(choices: [Choice], answers: [Int])
        case truefalse(answer: Bool)
        case short(accepted: [ShortAnswer])
        case numeric(answer: Double, tolerance: Tolerance)
        case order(items: [Item])
        case match(pairs: [MatchPair])

        public var type: QuestionType {
            switch self {
            case .single: .single
            case .multiple: .multiple
            case .truefalse: .truefalse
            case .short: .short
            case .numeric: .numeric
            case .order: .order
            case .match: .match
            }
        }

        /// The choices of a single or multiple question; empty for other types.
        public var choices: [Choice] {
            switch self {
            case .single(let c, _), .multiple(let c, _): c
            default: []
            }
        }
    }

    public var type: QuestionType { kind.type }

    /// Whether the question can be asked and scored as written.
    public var isValid: Bool { flaw == nil }

    /// Why a question cannot be asked: where in its file, and the loader's words.
    public struct Flaw: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var rule: RuleID
        public var message: String

        public init(line: Int, column: Int, rule: RuleID, message: String) {
            self.line = line
            self.column = column
            self.rule = rule
            self.message = message
        }

        init(_ finding: Finding) {
            self.init(line: finding.line, column: finding.column, rule: finding.rule, message: finding.message)
        }
    }

    public init(id: String, section: String, prompt: String, kind: Kind, explanation: String? = nil,
                hint: String? = nil, points: Double = 1, scoring: ScoringPolicy = .allOrNothing,
                difficulty: Difficulty? = nil, tags: [String] = [], time: Int = 20, shuffle: Bool = true,
                check: Bool = true, flaw: Flaw? = nil, place: Places = Places()) {
        self.id = id
        self.section = section
        self.prompt = prompt
        self.kind = kind
        self.explanation = explanation
        self.hint = hint
        self.points = points
        self.scoring = scoring
        self.difficulty = difficulty
        self.tags = tags
        self.time = time
        self.shuffle = shuffle
        self.check = check
        self.flaw = flaw
        self.place = place
    }
}

/// The seven question types, by their DSL names.
public enum QuestionType: String, Sendable, CaseIterable, Codable {
    case single, multiple, truefalse, short, numeric, order, match
}

public enum ScoringPolicy: String, Sendable, Codable, CaseIterable {
    case allOrNothing = "all-or-nothing"
    case partial
}

public enum Difficulty: String, Sendable, Codable, CaseIterable {
    case easy, medium, hard
}

/// A choice of a single or multiple question, with optional feedback shown when it is picked.
public struct Choice: Sendable, Equatable {
    public var text: String
    public var feedback: String?
    public var mark: Mark

    public init(_ text: String, feedback: String? = nil, mark: Mark = Mark(line: 0, column: 0)) {
        self.text = text
        self.feedback = feedback
        self.mark = mark
    }

    public static func == (a: Choice, b: Choice) -> Bool { a.text == b.text && a.feedback == b.feedback }
}

/// One item of an order question, in the correct position as written.
public struct Item: Sendable, Equatable {
    public var text: String
    public var mark: Mark

    public init(_ text: String, mark: Mark = Mark(line: 0, column: 0)) {
        self.text = text
        self.mark = mark
    }

    public static func == (a: Item, b: Item) -> Bool { a.text == b.text }
}

/// One correct pairing of a match question.
public struct MatchPair: Sendable, Equatable {
    public var left: String
    public var right: String
    public var mark: Mark

    public init(_ left: String, _ right: String, mark: Mark = Mark(line: 0, column: 0)) {
        self.left = left
        self.right = right
        self.mark = mark
    }

    public static func == (a: MatchPair, b: MatchPair) -> Bool { a.left == b.left && a.right == b.right }
}

/// An accepted short answer: text compared loosely, or a regular expression written `/…/`.
public enum ShortAnswer: Sendable, Equatable {
    case text(String)
    case pattern(String)
}

/// How far a numeric response may be from the answer and still be right.
public enum Tolerance: Sendable, Equatable {
    case absolute(Double)
    case percent(Double)

    /// The allowed distance for a given answer (a percentage applies to |answer|).
    public func allowance(for answer: Double) -> Double {
        switch self {
        case .absolute(let d): d
        case .percent(let p): abs(answer) * p / 100
        }
    }
}

/// Where the parts of a question or test were written, for findings.
///
/// `start` is the first key of the mapping and `end` where the mapping ends;
/// `keys[name]` gives a key's place and `values[name]` its value's place.
/// A mapping has a handful of keys, so they are kept in one small array and
/// looked up in order: cheaper to build and to read than two dictionaries.
///
/// Positions are left out of equality: any two `Places` are equal, so a question, test or bank equals
/// its copy read from another place or from the content cache.
public struct Places: Sendable, Equatable {
    public var start: Mark
    public var end: Mark
    var entries: [(name: String, key: Mark, value: Mark)]
    /// The names in `entries` once there are many, so that a mapping with very many keys is
    /// recorded in linear time; a handful are found faster by a scan than by hashing.
    private var names: Set<String> = []

    public init(start: Mark = Mark(line: 0, column: 0), end: Mark = Mark(line: 0, column: 0)) {
        self.start = start
        self.end = end
        self.entries = []
    }

    /// Records a key and its value's place; the first of a repeated key wins.
    public mutating func add(_ name: String, key: Mark, value: Mark) {
        if entries.count < 16 {
            guard !entries.contains(where: { $0.name == name }) else { return }
            entries.append((name, key, value))
            if entries.count == 16 { names = Set(entries.map(\.name)) }
        } else if names.insert(name).inserted {
            entries.append((name, key, value))
        }
    }

    public static func == (a: Places, b: Places) -> Bool { true }

    public var keys: Lookup { Lookup(entries: entries, values: false) }
    public var values: Lookup { Lookup(entries: entries, values: true) }

    /// Places by key name.
    public struct Lookup: Sendable {
        let entries: [(name: String, key: Mark, value: Mark)]
        let values: Bool

        public subscript(name: String) -> Mark? {
            guard let e = entries.first(where: { $0.name == name }) else { return nil }
            return values ? e.value : e.key
        }
    }
}
