import QuizKit
import QuizYAML

/// `duplicate-choice`: two choices (or order items, or match left sides) with the same text, ignoring case and space.
public enum DuplicateChoiceRule: Rule {
    public static let description = RuleDescription(
        id: .duplicateChoice,
        defaultSeverity: .error,
        summary: "Two choices with the same text, ignoring case and spacing; also two order items or two match left sides, which make the key ambiguous.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices:
                  - Long polling
                  - Short polling
                  - ↓long  Polling
                answer: A
                explanation: Because.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Long polling, Short polling, Streaming]
                answer: A
                explanation: Because.

            """),
        ])

    /// A text as compared: lower case, white-space runs as one space, trimmed. Byte by byte where
    /// the text is ASCII; only pieces holding other characters go through `lowercased()` and
    /// Characters.
    static func normalized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            ShownText.forEachPiece(of: bytes, cutAt: { $0 == 0x20 || (0x09...0x0D).contains($0) }) { range, ascii in
                if ascii {
                    if !out.isEmpty { out.append(0x20) }
                    for b in bytes[range] { out.append((0x41...0x5A).contains(b) ? b + 0x20 : b) }
                    return
                }
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                for word in piece.lowercased().split(whereSeparator: { $0.isWhitespace }) {
                    if !out.isEmpty { out.append(0x20) }
                    out += word.utf8
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Equal for texts that are equal ignoring case and spacing (the converse need not hold):
    /// the count and a sum of their non-space bytes, lowercased when ASCII.
    static func fingerprint(_ text: String) -> (Int, UInt64) {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var sum: UInt64 = 0
            for b in bytes where !(b == 0x20 || (0x09...0x0D).contains(b)) {
                if b >= 0x80 { return (-1, 0) }
                count += 1
                sum = sum &* 31 &+ UInt64((0x41...0x5A).contains(b) ? b + 0x20 : b)
            }
            return (count, sum)
        }
    }

    /// `fingerprint` as a dictionary key.
    private struct Fingerprint: Hashable {
        var count: Int
        var sum: UInt64
        init(_ print: (Int, UInt64)) { (count, sum) = print }
    }

    /// The first entry seen with each key. A question has a few choices, so they are found by a
    /// scan of a small array without hashing; past `few` keys, in a dictionary, since a question
    /// may have thousands of choices.
    struct FirstHolders<Key: Hashable> {
        static var few: Int { 16 }
        private var small: [(key: Key, index: Int)] = []
        private var large: [Key: Int] = [:]

        /// The index that first held `key`; nil when none did, and `index` now holds it.
        mutating func holder(of key: Key, orTake index: Int) -> Int? {
            if small.count < Self.few {
                if let hit = small.first(where: { $0.key == key }) { return hit.index }
                small.append((key, index))
                return nil
            }
            if let hit = small.first(where: { $0.key == key }) { return hit.index }
            if let hit = large[key] { return hit }
            large[key] = index
            return nil
        }
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for qi in bank.questions.indices {
                let entries: [(String, Mark)]
                let noun: String
                switch bank.questions[qi].kind {
                case .single(let c, _), .multiple(let c, _): entries = c.map { ($0.text, $0.mark) }; noun = "choice"
                case .order(let items): entries = items.map { ($0.text, $0.mark) }; noun = "item"
                case .match(let pairs): entries = pairs.map { ($0.left, $0.mark) }; noun = "left side"
                default: continue
                }
                // A cheap fingerprint first; texts are normalized only once two fingerprints agree.
                var firstWithPrint = FirstHolders<Fingerprint>()
                var firstWithText = FirstHolders<String>()
                var promoted: Set<Fingerprint> = []
                for i in entries.indices where !entries[i].0.isEmpty {
                    let print = Fingerprint(fingerprint(entries[i].0))
                    guard let holder = firstWithPrint.holder(of: print, orTake: i) else { continue }
                    // Equal texts have equal fingerprints: the earlier equal text is the fingerprint's first
                    // holder or was normalized since.
                    if promoted.insert(print).inserted { _ = firstWithText.holder(of: normalized(entries[holder].0), orTake: holder) }
                    guard let first = firstWithText.holder(of: normalized(entries[i].0), orTake: i) else { continue }
                    let (text, mark) = entries[i]
                    findings.append(root.finding(bank.file, mark, .duplicateChoice,
                        "\(noun) \(i + 1) \"\(text)\" repeats \(noun) \(first + 1) of question \"\(bank.questions[qi].id)\"; make each \(noun) different"))
                }
            }
        }
        return findings
    }
}
