/// Did-you-mean suggestions for misspelt keys, sections and rule names.
public enum Spelling {
    /// The closest candidate within a small edit distance (about a third of its length), if any.
    ///
    /// Called once for each unknown key or broken link, often with many candidates: a candidate whose
    /// length alone puts it out of reach is skipped before any distance is computed, and each text is
    /// turned into Characters once.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = Array(dashed(word.lowercased()))
        var best: (String, Int)?
        for candidate in candidates {
            let other = Array(dashed(candidate))
            let limit = max(2, other.count / 3)
            // The distance is at least the difference in length.
            let gap = abs(lowered.count - other.count)
            guard gap <= limit, gap < (best?.1 ?? .max) else { continue }
            let d = distance(lowered, other)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// The text with `_` written as `-`; as it is when it has none (the common case, and no copy).
    private static func dashed(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// Levenshtein distance between two strings, by characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
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
