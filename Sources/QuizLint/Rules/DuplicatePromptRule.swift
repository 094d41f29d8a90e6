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

    /// `bucket(normalized(prompt))`, or nil when the normalized prompt is empty, read straight from
    /// the prompt's bytes without making the normalized String: most prompts share a bucket with no
    /// other, so they are never normalized at all. The words are those of `normalized`: an ASCII
    /// piece between white space is one word, lowercased byte by byte; a piece with other
    /// characters is lowercased and split as Characters, unless it holds no white space and no
    /// Kelvin sign, when it is known to be one word that is not plain (its non-ASCII characters
    /// stay non-ASCII once lowercased), and only that counts in the bucket.
    static func promptBucket(_ prompt: String) -> UInt64? {
        var text = prompt
        return text.withUTF8 { bytes -> UInt64? in
            let prime: UInt64 = 1_099_511_628_211
            let basis: UInt64 = 14_695_981_039_346_656_037
            if let bucket = simpleBucket(bytes) { return bucket.words == 0 ? nil : bucket.hash }
            var hash = basis
            var words = 0
            ShownText.forEachPiece(of: bytes, cutAt: { $0 == 0x20 || (0x09...0x0D).contains($0) }) { range, ascii in
                if ascii {
                    var word = basis
                    var plain = true
                    for i in range {
                        var b = bytes[i]
                        if (0x41...0x5A).contains(b) { b += 0x20 } else if b == 0x3B || b == 0x60 { plain = false }
                        word = (word ^ UInt64(b)) &* prime
                    }
                    hash = (hash ^ (plain ? word : 0xFF)) &* prime
                    words += 1
                    return
                }
                if isOneNonPlainWord(UnsafeBufferPointer(rebasing: bytes[range])) {
                    hash = (hash ^ 0xFF) &* prime
                    words += 1
                    return
                }
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                for w in piece.lowercased().split(whereSeparator: { $0.isWhitespace }) {
                    var word = basis
                    var plain = true
                    for b in w.utf8 {
                        if b >= 0x80 || b == 0x3B || b == 0x60 { plain = false }
                        word = (word ^ UInt64(b)) &* prime
                    }
                    hash = (hash ^ (plain ? word : 0xFF)) &* prime
                    words += 1
                }
            }
            return words == 0 ? nil : hash
        }
    }

    /// `promptBucket` in one pass over the bytes when every non-ASCII character of the text is
    /// one of U+00A1–U+00FF (Latin-1 letters and signs) or U+2010–U+2027 (dashes, quotes, bullets),
    /// as in most prompts; nil for any other text. None of these is white space, joins a character
    /// before or after it into one Character, or lowercases to ASCII; so the words are the runs
    /// between ASCII white space, and a word holding one of them is not plain.
    static func simpleBucket(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, words: Int)? {
        let prime: UInt64 = 1_099_511_628_211
        let basis: UInt64 = 14_695_981_039_346_656_037
        var hash = basis
        var words = 0
        var word = basis
        var plain = true
        var inWord = false
        let n = bytes.count
        var i = 0
        while i < n {
            var b = bytes[i]
            if b == 0x20 || b &- 0x09 < 5 {
                if inWord {
                    hash = (hash ^ (plain ? word : 0xFF)) &* prime
                    words += 1
                    word = basis
                    plain = true
                    inWord = false
                }
                i += 1
                continue
            }
            inWord = true
            if b >= 0x80 {
                plain = false
                let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
                if (b == 0xC2 && b1 >= 0xA1) || b == 0xC3 {
                    i += 2
                } else if b == 0xE2 && b1 == 0x80 && (0x90...0xA7).contains(b2) {
                    i += 3
                } else {
                    return nil
                }
                continue  // the word's hash no longer counts, as it is not plain
            }
            if b &- 0x41 < 26 { b |= 0x20 } else if b == 0x3B || b == 0x60 { plain = false }
            word = (word ^ UInt64(b)) &* prime
            i += 1
        }
        if inWord {
            hash = (hash ^ (plain ? word : 0xFF)) &* prime
            words += 1
        }
        return (hash, words)
    }

    /// Whether a piece of text holding non-ASCII characters is, once lowercased, one word of which
    /// some byte is not ASCII: true when it holds no white-space character (ASCII or U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and no Kelvin sign (U+212A,
    /// the one character that lowercases to ASCII). False sends the piece the long way.
    static func isOneNonPlainWord(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = piece.count
        for i in 0..<n {
            let b = piece[i]
            if b < 0x80 {
                if b == 0x20 || (0x09...0x0D).contains(b) { return false }
                continue
            }
            let b1: UInt8 = i + 1 < n ? piece[i + 1] : 0
            let b2: UInt8 = i + 2 < n ? piece[i + 2] : 0
            switch b {
            case 0xC2: if b1 == 0x85 || b1 == 0xA0 { return false }
            case 0xE1: if b1 == 0x9A && b2 == 0x80 { return false }
            case 0xE2:
                if b1 == 0x80 && ((0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return false }
                if b1 == 0x81 && b2 == 0x9F { return false }
                if b1 == 0x84 && b2 == 0xAA { return false }
            case 0xE3: if b1 == 0x80 && b2 == 0x80 { return false }
            default: break
            }
        }
        return true
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        /// A prompt's first question; its normalized prompt is made only once another prompt shares its bucket.
        struct Occurrence { var prompt: String; var normalized: String?; var file: String; var mark: Mark; var id: String }
        var seen: [UInt64: [Occurrence]] = [:]
        var findings: [Finding] = []
        let banks = root.usableBanks.sorted { $0.file < $1.file }
        for bank in banks {
            // Sorted by index, so no question is copied to be sorted.
            let questions = bank.questions
            for i in questions.indices.sorted(by: { questions[$0].place.start < questions[$1].place.start }) {
                guard let key = promptBucket(questions[i].prompt) else { continue }
                guard var sharing = seen[key] else {
                    seen[key] = [Occurrence(prompt: questions[i].prompt, normalized: nil, file: bank.file, mark: questions[i].place.start, id: questions[i].id)]
                    continue
                }
                let prompt = normalized(questions[i].prompt)
                var match: Int?
                for k in sharing.indices {
                    let other = sharing[k].normalized ?? normalized(sharing[k].prompt)
                    sharing[k].normalized = other
                    if other == prompt { match = k; break }
                }
                guard let k = match else {
                    sharing.append(Occurrence(prompt: questions[i].prompt, normalized: prompt, file: bank.file, mark: questions[i].place.start, id: questions[i].id))
                    seen[key] = sharing
                    continue
                }
                seen[key] = sharing
                let first = sharing[k]
                let place = first.file == bank.file ? "line \(first.mark.line)" : "\(first.file):\(first.mark.line)"
                findings.append(root.finding(bank.file, questions[i].place.start, .duplicatePrompt,
                    "question \"\(questions[i].id)\" has the same prompt as \"\(first.id)\" at \(place); merge them, or reword one so each asks its own thing"))
            }
        }
        return findings
    }
}
