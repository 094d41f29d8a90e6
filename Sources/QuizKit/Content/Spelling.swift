/// Did-you-mean suggestions for misspelt keys, sections and rule names.
public enum Spelling {
    /// The closest candidate within a small edit distance (about a third of its length), if any.
    ///
    /// Called once for each unknown key or broken link, often with many candidates: a candidate whose
    /// length alone puts it out of reach is skipped before any distance is computed, and ASCII texts
    /// (nearly all keys and ids) are compared byte by byte rather than as Characters.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = dashed(word.lowercased())
        let loweredBytes = isASCII(lowered) ? Array(lowered.utf8) : nil
        var loweredCharacters: [Character]?
        var best: (String, Int)?
        for candidate in candidates {
            let other = dashed(candidate)
            let d: Int
            if let loweredBytes, isASCII(other) {
                let otherBytes = Array(other.utf8)
                guard let found = within(loweredBytes, otherBytes, best: best?.1) else { continue }
                d = found
            } else {
                if loweredCharacters == nil { loweredCharacters = Array(lowered) }
                guard let found = within(loweredCharacters!, Array(other), best: best?.1) else { continue }
                d = found
            }
            best = (candidate, d)
        }
        return best?.0
    }

    /// The distance from `word` to `candidate` when it is within the candidate's limit and below `best`.
    private static func within<Unit: Equatable>(_ word: [Unit], _ candidate: [Unit], best: Int?) -> Int? {
        let limit = max(2, candidate.count / 3)
        // The distance is at least the difference in length.
        let gap = abs(word.count - candidate.count)
        guard gap <= limit, gap < (best ?? .max) else { return nil }
        let d = distance(word, candidate)
        return d <= limit && d < (best ?? .max) ? d : nil
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// The text with `_` written as `-`; as it is when it has none (the common case, and no copy).
    private static func dashed(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// Levenshtein distance between two strings, by characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    private static func distance<Unit: Equatable>(_ a: [Unit], _ b: [Unit]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
