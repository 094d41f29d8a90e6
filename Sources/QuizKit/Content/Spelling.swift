/// Did-you-mean suggestions for misspelt keys, sections and rule names.
public enum Spelling {
    /// The closest candidate within a small edit distance (about a third of its length), if any.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased().replacingOccurrences(of: "_", with: "-")
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lowered, candidate.replacingOccurrences(of: "_", with: "-"))
            let limit = max(2, candidate.count / 3)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance between two strings, by characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
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
