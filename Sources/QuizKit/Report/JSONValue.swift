/// A JSON value, for the parts of a report whose type depends on the question type.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// A response in the author's terms, as the report contract writes it.
    public init(_ response: Response?, for question: Question) {
        guard let response else {
            self = .null
            return
        }
        func letter(_ i: Int) -> JSONValue { .string(i < ChoiceLetter.maxChoices ? ChoiceLetter.name(i) : "?") }
        switch response {
        case .single(let i): self = letter(i)
        case .multiple(let picks): self = .array(picks.sorted().map(letter))
        case .truefalse(let b): self = .bool(b)
        case .short(let s): self = .string(s)
        case .numeric(let n): self = .number(n)
        case .order(let items): self = .array(items.map { .number(Double($0 + 1)) })
        case .match(let rights):
            guard case .match(let pairs) = question.kind else { self = .null; return }
            var object: [String: JSONValue] = [:]
            for (left, right) in rights.enumerated() where pairs.indices.contains(left) && pairs.indices.contains(right) {
                object[pairs[left].left] = .string(pairs[right].right)
            }
            self = .object(object)
        }
    }
}
