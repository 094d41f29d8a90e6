/// A learner's answer to one question, in the author's terms.
///
/// Indices refer to choices, items and pairs as written in the bank, never to
/// the shuffled layout the learner saw, so a response means the same thing in
/// every attempt. `canonical` is a short, human-readable form for the store
/// and for CSV, and `init?(canonical:for:)` reads it back.
public enum Response: Sendable, Equatable, Codable {
    /// The index of the chosen choice as written.
    case single(Int)
    /// The indices of the chosen choices as written, ascending.
    case multiple([Int])
    case truefalse(Bool)
    /// The text as typed, trimmed.
    case short(String)
    case numeric(Double)
    /// The items as written (0-based), in the order the learner put them.
    case order([Int])
    /// For each left item as written, the index of the right item as written paired with it.
    case match([Int])

    /// The question type this response answers.
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

    /// The response written in the author's terms.
    ///
    /// `B` (single), `A,C` (multiple), `true`, the text (short), `3.5` or `-2`
    /// (numeric, shortest form that reads back to the same number),
    /// `3 1 2 4` (order: 1-based item numbers as written, learner's order),
    /// `1B 2A 3C` (match: left item number, then the right item's letter, as written).
    public var canonical: String {
        switch self {
        case .single(let choice):
            ChoiceLetter.name(choice)
        case .multiple(let choices):
            choices.sorted().map(ChoiceLetter.name).joined(separator: ",")
        case .truefalse(let value):
            value ? "true" : "false"
        case .short(let text):
            text
        case .numeric(let value):
            Figures.plain(value)
        case .order(let items):
            items.map { String($0 + 1) }.joined(separator: " ")
        case .match(let rights):
            rights.enumerated().map { "\($0.offset + 1)\(ChoiceLetter.name($0.element))" }.joined(separator: " ")
        }
    }

    /// Reads a `canonical` string back for `question`; nil when it does not fit
    /// the question (wrong form, or a letter or number the question does not have).
    ///
    /// Short text is taken exactly as given. Every other form is read with the
    /// typing rules of `ResponseParser` over the written layout, so `b` reads
    /// as `B` too.
    public init?(canonical: String, for question: Question) {
        switch question.kind {
        case .short:
            self = .short(canonical)
            return
        case .single(let choices, _):
            // The common forms read directly: `B`, `A,C`, `true`.
            if let i = Self.letter(canonical.utf8), i < choices.count {
                self = .single(i)
                return
            }
        case .multiple(let choices, _):
            let letters = canonical.utf8.split(separator: UInt8(ascii: ","))
            let picks = letters.compactMap { Self.letter($0) }
            if !picks.isEmpty, picks.count == letters.count, picks.allSatisfy({ $0 < choices.count }) {
                self = .multiple(picks.sorted())
                return
            }
        case .truefalse:
            if canonical == "true" || canonical == "false" {
                self = .truefalse(canonical == "true")
                return
            }
        default:
            break
        }
        guard let response = try? ResponseParser.parse(canonical, for: question, shown: .asWritten(for: question))
        else { return nil }
        self = response
    }

    /// The index of a single upper-case key letter A–H, or nil.
    private static func letter(_ bytes: some Collection<UInt8>) -> Int? {
        guard bytes.count == 1, let b = bytes.first, let index = ChoiceLetter.index(ofASCII: b),
              index < ChoiceLetter.maxChoices else { return nil }
        return index
    }
}
