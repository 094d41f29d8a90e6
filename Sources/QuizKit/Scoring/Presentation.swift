/// How one question is laid out for a learner: which choice, item or option
/// appears at each displayed position.
///
/// Every array maps a displayed position (letter A = 0, number 1 = 0) to the
/// index of the thing as written in the bank, so a typed answer can be turned
/// back into the author's terms. Only the arrays that apply to the question's
/// type are filled; the others are empty. Order items and match options are
/// always scrambled, and never left in an order that shows the answer.
public struct Presentation: Sendable, Equatable, Codable {
    /// Single and multiple: the choice shown with each letter.
    public var choices: [Int]
    /// Order: the item shown with each number.
    public var items: [Int]
    /// Match: the right-hand option shown with each letter (left items keep their written order).
    public var options: [Int]

    public init(choices: [Int] = [], items: [Int] = [], options: [Int] = []) {
        self.choices = choices
        self.items = items
        self.options = options
    }

    /// The layout with nothing moved: every position shows what is written there.
    public static func asWritten(for question: Question) -> Presentation {
        switch question.kind {
        case .single(let choices, _), .multiple(let choices, _):
            Presentation(choices: Array(choices.indices))
        case .order(let items):
            Presentation(items: Array(items.indices))
        case .match(let pairs):
            Presentation(options: Array(pairs.indices))
        case .truefalse, .short, .numeric:
            Presentation()
        }
    }

    /// A fresh layout drawn from `rng`.
    ///
    /// Choices move only when `question.shuffle` is true. Order items and match
    /// options move whatever `shuffle` says, because as written they are the
    /// answer; with two or more of them the drawn layout never reads as the
    /// answer (compared by text, so repeated texts are handled too).
    public static func make(for question: Question, rng: inout some RandomNumberGenerator) -> Presentation {
        switch question.kind {
        case .single(let choices, _), .multiple(let choices, _):
            let written = Array(choices.indices)
            return Presentation(choices: question.shuffle ? written.reproduciblyShuffled(using: &rng) : written)
        case .order(let items):
            return Presentation(items: scramble(items.map(\.text), rng: &rng))
        case .match(let pairs):
            return Presentation(options: scramble(pairs.map(\.right), rng: &rng))
        case .truefalse, .short, .numeric:
            return Presentation()
        }
    }

    /// How many redraws to try before falling back to a rotation.
    static let scrambleAttempts = 32

    /// A permutation of `texts.indices` whose texts differ from the written sequence.
    ///
    /// Redrawing until the layout differs keeps every non-revealing layout
    /// equally likely; a generator that keeps drawing the written order (or
    /// texts that are all the same) ends in a rotation by one.
    static func scramble(_ texts: [String], rng: inout some RandomNumberGenerator) -> [Int] {
        let written = Array(texts.indices)
        guard texts.count >= 2 else { return written }
        for _ in 0..<scrambleAttempts {
            let drawn = written.reproduciblyShuffled(using: &rng)
            if drawn.map({ texts[$0] }) != texts { return drawn }
        }
        return Array(written.dropFirst()) + [0]
    }

    /// The choice as written behind displayed position `shown`, for a question with `count` choices.
    func choice(at shown: Int, count: Int) -> Int { Self.lookUp(choices, shown, count) }
    /// The order item as written behind displayed number `shown` (0-based).
    func item(at shown: Int, count: Int) -> Int { Self.lookUp(items, shown, count) }
    /// The match option as written behind displayed letter `shown` (0-based).
    func option(at shown: Int, count: Int) -> Int { Self.lookUp(options, shown, count) }

    /// A layout that does not fit the question (wrong length) is read as the written order.
    private static func lookUp(_ layout: [Int], _ shown: Int, _ count: Int) -> Int {
        layout.count == count ? layout[shown] : shown
    }
}
