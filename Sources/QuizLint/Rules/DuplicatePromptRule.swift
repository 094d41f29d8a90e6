import QuizKit
import QuizYAML

/// `duplicate-prompt`: two questions ask the same thing, so a test may ask it twice or one gives the other away.
public enum DuplicatePromptRule: Rule {
    public static let description = RuleDescription(
        id: .duplicatePrompt,
        defaultSeverity: .warning,
        summary: "Two questions in the root have the same prompt, ignoring case and runs of white space; the later one is reported.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: What does a browser send when an EventSource reconnects?
                choices: [Last-Event-ID, Retry-After]
                answer: A
                explanation: The id of the last event it saw.
              - ↓id: two
                section: beta
                prompt: |
                  what does a browser send  when an
                  EventSource reconnects?
                type: short
                answer: Last-Event-ID
                explanation: The id of the last event it saw.

            """),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + "  - {id: one, section: alpha, prompt: Why jitter?, type: short, answer: herd, explanation: E}\n",
                extra: ["Quizzes/other.yaml": "quiz: other\ntitle: Other\nlesson: demo\nquestions:\n"
                    + "  - {id: two, section: beta, prompt: Why back off?, type: short, answer: load, explanation: E}\n"
                    + "  - {↓id: three, section: beta, prompt: WHY  jitter?, type: short, answer: herd, explanation: E}\n"]),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: What does a browser send when an EventSource reconnects?
                choices: [Last-Event-ID, Retry-After]
                answer: A
                explanation: The id of the last event it saw.
              - id: two
                section: beta
                prompt: What does a server send to set the reconnection delay?
                type: short
                answer: retry
                explanation: A retry field in milliseconds.

            """),
        ])

    /// A prompt as compared: lower case, white-space runs as one space, trimmed.
    static func normalized(_ prompt: String) -> String {
        DuplicateChoiceRule.normalized(prompt)
    }

    /// A number equal for normalized prompts that are equal. Swift compares Strings by canonical
    /// equivalence, so hashing one normalizes it to NFC first, which costs more than the rest
    /// of this rule for text with non-ASCII characters. This hashes only what canonical
    /// equivalence never changes: the words (between the single spaces of a normalized prompt,
    /// which no character composes with or decomposes to), each by its bytes when it is all
    /// ASCII without ";" or "`", and by a mark otherwise. (A word equivalent to such a word is
    /// the same bytes: apart from the Kelvin sign, which `lowercased()` has made a "k", only
    /// U+037E and U+1FEF decompose to ASCII, to ";" and "`".)
    static func bucket(_ normalized: String) -> UInt64 {
        var text = normalized
        return text.withUTF8 { bytes in
            let prime: UInt64 = 1_099_511_628_211
            var hash: UInt64 = 14_695_981_039_346_656_037
            var word: UInt64 = hash
            var plain = true
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0x20
                if b == 0x20 {
                    hash = (hash ^ (plain ? word : 0xFF)) &* prime
                    word = 14_695_981_039_346_656_037
                    plain = true
                } else {
                    if b >= 0x80 || b == 0x3B || b == 0x60 { plain = false }
                    word = (word ^ UInt64(b)) &* prime
                }
            }
            return hash
        }
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        struct Occurrence { var prompt: String; var file: String; var mark: Mark; var id: String }
        // The first occurrence of each prompt, found by bucket and then compared as Strings.
        var seen: [UInt64: [Occurrence]] = [:]
        var findings: [Finding] = []
        let banks = root.usableBanks.sorted { $0.file < $1.file }
        for bank in banks {
            // Sorted by index, so no question is copied to be sorted.
            let questions = bank.questions
            for i in questions.indices.sorted(by: { questions[$0].place.start < questions[$1].place.start }) {
                let q = questions[i]
                let prompt = normalized(q.prompt)
                guard !prompt.isEmpty else { continue }
                let key = bucket(prompt)
                guard let first = seen[key]?.first(where: { $0.prompt == prompt }) else {
                    seen[key, default: []].append(Occurrence(prompt: prompt, file: bank.file, mark: q.place.start, id: q.id))
                    continue
                }
                let place = first.file == bank.file ? "line \(first.mark.line)" : "\(first.file):\(first.mark.line)"
                findings.append(root.finding(bank.file, q.place.start, .duplicatePrompt,
                    "question \"\(q.id)\" has the same prompt as \"\(first.id)\" at \(place); merge them, or reword one so each asks its own thing"))
            }
        }
        return findings
    }
}
