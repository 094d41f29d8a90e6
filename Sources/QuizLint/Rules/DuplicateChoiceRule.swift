import QuizKit
import QuizYAML

/// `duplicate-choice`: two choices (or order items, or match left sides) with the same text, ignoring case and space.
public enum DuplicateChoiceRule: Rule {
    public static let description = RuleDescription(
        id: .duplicateChoice,
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

    static func normalized(_ text: String) -> String {
        if let ascii = asciiNormalized(text) { return ascii }
        return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `normalized` for all-ASCII text, byte by byte (the common case, and many times faster than
    /// going through Characters); nil when the text has a non-ASCII byte.
    private static func asciiNormalized(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var space = false
            for b in bytes {
                guard b < 0x80 else { return nil }
                if b == 0x20 || (0x09...0x0D).contains(b) {  // Character.isWhitespace within ASCII
                    space = !out.isEmpty
                    continue
                }
                if space { out.append(0x20); space = false }
                out.append((0x41...0x5A).contains(b) ? b + 0x20 : b)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for q in bank.questions {
                let entries: [(String, Mark)]
                let noun: String
                switch q.kind {
                case .single(let c, _), .multiple(let c, _): entries = c.map { ($0.text, $0.mark) }; noun = "choice"
                case .order(let items): entries = items.map { ($0.text, $0.mark) }; noun = "item"
                case .match(let pairs): entries = pairs.map { ($0.left, $0.mark) }; noun = "left side"
                default: continue
                }
                var seen: [String: Int] = [:]
                for (i, (text, mark)) in entries.enumerated() where !text.isEmpty {
                    let key = normalized(text)
                    if let first = seen[key] {
                        findings.append(root.finding(bank.file, mark, .duplicateChoice,
                            "\(noun) \(i + 1) \"\(text)\" repeats \(noun) \(first + 1) of question \"\(q.id)\"; make each \(noun) different"))
                    } else {
                        seen[key] = i
                    }
                }
            }
        }
        return findings
    }
}
