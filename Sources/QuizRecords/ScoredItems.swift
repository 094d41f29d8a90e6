import Foundation

/// A finished attempt's items, packed in the attempt's own row: what item analysis reads.
///
/// When an attempt ends, the store writes beside it its total points, its maximum and, for each
/// question drawn into it by position, the question id, the points earned (0 when unanswered),
/// the maximum and the response text (nil when none was given or it was cleared). `quiz stats`
/// then reads one row per attempt instead of joining every response to its question, which is
/// what makes a million attempts cheap. The rows of `attempt_question` and `response` stay the
/// record; the summary is derived from them and rebuilt from them whenever they change.
public struct ScoredItems: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var questionID: String
        /// Points earned: the response's points, 0 without a response.
        public var points: Double
        public var max: Double
        /// The response text; nil when unanswered or cleared.
        public var response: String?

        public init(questionID: String, points: Double, max: Double, response: String?) {
            self.questionID = questionID
            self.points = points
            self.max = max
            self.response = response
        }
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    /// The items of an attempt from its rows: questions by position, each with the response at its position.
    public init(questions: [AttemptQuestionRecord], responses: [ResponseRecord]) {
        let byPosition = Dictionary(responses.map { ($0.position, $0) }, uniquingKeysWith: { _, last in last })
        items = questions.sorted { $0.position < $1.position }.map { question in
            let response = byPosition[question.position]
            return Item(questionID: question.questionID, points: response?.points ?? 0, max: question.maxPoints,
                        response: response?.response)
        }
    }

    /// The attempt's total t: the sum of its items' points.
    public var points: Double { items.reduce(0) { $0 + $1.points } }
    /// The attempt's maximum m: the sum of its items' maxima.
    public var max: Double { items.reduce(0) { $0 + $1.max } }

    /// The first byte of every packed summary; a reader meeting another one rebuilds the summary from the rows.
    public static let formatVersion: UInt8 = 1

    /// The packed bytes: the format version, the number of items, then per item the id (length, UTF-8), the points and the
    /// maximum (IEEE 754 binary64, little-endian), and the response (0 for none, else length + 1, UTF-8).
    /// Lengths are unsigned LEB128.
    public var packed: Data {
        var bytes: [UInt8] = [Self.formatVersion]
        bytes.reserveCapacity(2 + items.count * 32)
        Self.appendLength(items.count, to: &bytes)
        for item in items {
            let id = Array(item.questionID.utf8)
            Self.appendLength(id.count, to: &bytes)
            bytes += id
            Self.appendDouble(item.points, to: &bytes)
            Self.appendDouble(item.max, to: &bytes)
            if let response = item.response {
                let text = Array(response.utf8)
                Self.appendLength(text.count + 1, to: &bytes)
                bytes += text
            } else {
                bytes.append(0)
            }
        }
        return Data(bytes)
    }

    /// The items packed in `data`; nil when the bytes are not a summary this version wrote.
    public init?(packed data: Data) {
        var items: [Item] = []
        let complete = data.withUnsafeBytes { raw in
            Self.unpack(raw) { id, points, max, response in
                items.append(Item(questionID: String(decoding: id, as: UTF8.self), points: points, max: max,
                                  response: response.map { String(decoding: $0, as: UTF8.self) }))
            }
        }
        guard complete else { return nil }
        self.items = items
    }

    /// Calls `body` with each packed item's id bytes, points, maximum and response bytes (nil when none),
    /// without copying them. False when the bytes end early or go on past the last item, carry another
    /// format, or hold a number that is not finite; the items before the fault have been passed by then.
    public static func unpack(_ raw: UnsafeRawBufferPointer,
                              _ body: (UnsafeRawBufferPointer, Double, Double, UnsafeRawBufferPointer?) -> Void) -> Bool {
        guard let first = raw.first, first == formatVersion else { return false }
        var at = 1
        let end = raw.count
        func length() -> Int? {
            var value = 0, shift = 0
            while at < end, shift < 35 {
                let byte = raw[at]
                at += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        func double() -> Double? {
            guard end - at >= 8 else { return nil }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(raw[at + k]) << (8 * k) }
            at += 8
            let value = Double(bitPattern: bits)
            return value.isFinite ? value : nil
        }
        guard let count = length() else { return false }
        for _ in 0..<count {
            guard let idLength = length(), end - at >= idLength else { return false }
            let id = UnsafeRawBufferPointer(rebasing: raw[at..<(at + idLength)])
            at += idLength
            guard let points = double(), let max = double(), let marker = length() else { return false }
            var response: UnsafeRawBufferPointer?
            if marker > 0 {
                guard end - at >= marker - 1 else { return false }
                response = UnsafeRawBufferPointer(rebasing: raw[at..<(at + marker - 1)])
                at += marker - 1
            }
            body(id, points, max, response)
        }
        return at == end
    }

    private static func appendLength(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func appendDouble(_ value: Double, to bytes: inout [UInt8]) {
        let bits = value.bitPattern
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * k))) }
    }
}
