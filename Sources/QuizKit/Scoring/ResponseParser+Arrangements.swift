extension ResponseParser {
    /// Order: every displayed number 1…count exactly once, first to last; 0-based displayed positions.
    ///
    /// Numbers are separated by spaces or commas. With at most 9 items a run of
    /// digits that are all item numbers is read digit by digit, so `2413`
    /// means `2 4 1 3`.
    static func order(_ text: String, count: Int) throws(AnswerError) -> [Int] {
        let example = orderExample(count)
        let expected = "give every number 1–\(count) once, first step first, e.g. \"\(example)\"."
        let parts = tokens(text)
        guard !parts.isEmpty else { throw AnswerError(sentence(nil, expected)) }
        var numbers: [Int] = []
        for part in parts {
            guard part.allSatisfy(isDigit) else { throw AnswerError(sentence("\"\(part)\" is not a number", expected)) }
            let digits = part.compactMap(\.wholeNumberValue)
            if count <= 9, digits.count > 1, digits.allSatisfy({ (1...count).contains($0) }) {
                numbers += digits
            } else if let number = Int(part), (1...count).contains(number) {
                numbers.append(number)
            } else {
                throw AnswerError(sentence("There is no item \(part)", expected))
            }
        }
        if let twice = firstRepeat(numbers) {
            throw AnswerError(sentence("\(twice) is given twice", expected))
        }
        let missing = (1...count).filter { !numbers.contains($0) }
        if !missing.isEmpty {
            throw AnswerError(sentence("\(list(missing)) \(missing.count == 1 ? "is" : "are") missing", expected))
        }
        return numbers.map { $0 - 1 }
    }

    /// Match: one `<number><letter>` per left item, each left item once; for
    /// each left item as written, the 0-based displayed letter paired with it.
    ///
    /// Pairs are separated by spaces or commas, or not at all (`1B2A3C`); a
    /// space, `-`, `:`, `=` or `)` may sit between number and letter (`1 B`,
    /// `1-B`). A letter may be used for more than one left item.
    static func match(_ text: String, count: Int) throws(AnswerError) -> [Int] {
        let last = ChoiceLetter.name(count - 1)
        let expected = "pair each of 1–\(count) with a letter A–\(last), e.g. \"\(matchExample(count))\"."
        let parts = joinedNumberLetter(tokens(text))
        guard !parts.isEmpty else { throw AnswerError(sentence(nil, expected)) }
        var letters = [Int?](repeating: nil, count: count)
        for part in parts {
            guard let pairs = numberLetterPairs(part) else {
                throw AnswerError(sentence("\"\(part)\" is not a pair", expected))
            }
            for (number, letter) in pairs {
                guard let left = Int(number), (1...count).contains(left) else {
                    throw AnswerError(sentence("There is no item \(number)", expected))
                }
                guard letter < count else {
                    throw AnswerError(sentence("\"\(ChoiceLetter.name(letter))\" is not an option", expected))
                }
                guard letters[left - 1] == nil else { throw AnswerError(sentence("\(left) is paired twice", expected)) }
                letters[left - 1] = letter
            }
        }
        let missing = (1...count).filter { letters[$0 - 1] == nil }
        if !missing.isEmpty {
            throw AnswerError(sentence("\(list(missing)) \(missing.count == 1 ? "is" : "are") not paired", expected))
        }
        return letters.map { $0 ?? 0 }
    }

    /// `2 4 1 3` for four items: even numbers, then odd ones — never the identity for 2 or more.
    static func orderExample(_ count: Int) -> String {
        let numbers = Array(stride(from: 2, through: count, by: 2)) + Array(stride(from: 1, through: count, by: 2))
        return numbers.map(String.init).joined(separator: " ")
    }

    /// `1B 2A 3C` for three items: the first two swapped, the rest in place.
    static func matchExample(_ count: Int) -> String {
        (0..<count).map { i in
            let letter = count >= 2 && i < 2 ? 1 - i : i
            return "\(i + 1)\(ChoiceLetter.name(letter))"
        }.joined(separator: " ")
    }

    /// Rejoins `1 B` typed with a space into `1B`.
    static func joinedNumberLetter(_ parts: [Substring]) -> [String] {
        var joined: [String] = []
        for part in parts {
            if letterIndex(part) != nil, let previous = joined.last, previous.allSatisfy(isDigit) {
                joined[joined.count - 1] = previous + part
            } else {
                joined.append(String(part))
            }
        }
        return joined
    }

    /// `1B`, `1-b`, `1B2A` as (number as typed, 0-based letter) pairs; nil when the part is not made of pairs.
    static func numberLetterPairs(_ part: String) -> [(String, Int)]? {
        let chars = Array(part)
        var pairs: [(String, Int)] = []
        var i = 0
        while i < chars.count {
            let start = i
            while i < chars.count, isDigit(chars[i]) { i += 1 }
            guard i > start else { return nil }
            let number = String(chars[start..<i])
            if i < chars.count, "-:=)".contains(chars[i]) { i += 1 }
            guard i < chars.count, let letter = letterIndex(Substring(String(chars[i]))) else { return nil }
            pairs.append((number, letter))
            i += 1
        }
        return pairs
    }

    static func firstRepeat(_ numbers: [Int]) -> Int? {
        var seen = Set<Int>()
        return numbers.first { !seen.insert($0).inserted }
    }
}
