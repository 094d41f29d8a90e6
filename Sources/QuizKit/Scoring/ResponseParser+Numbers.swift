import Foundation

extension ResponseParser {
    static let numberExamples = "e.g. \"42\", \"-2.5\" or \"0.75\""

    /// Numeric: a decimal number with an optional sign, decimal point and exponent.
    ///
    /// Accepted: `3`, `+3`, `-2.5`, `−2.5` (a typographic minus), `.5`, `5.`,
    /// `1e3`, `2.5E-3`. Rejected with a hint: a decimal comma (`1,5`),
    /// thousands separators (`1,500`), units or other words (`5 ms`), `inf`,
    /// `nan`, hexadecimal, and numbers too large for a Double.
    static func number(_ text: String) throws(AnswerError) -> Double {
        guard !text.isEmpty else { throw AnswerError("Answer with a number, \(numberExamples).") }
        let typed = text.replacingOccurrences(of: "\u{2212}", with: "-")
        if typed.contains(",") {
            throw AnswerError(commaHint(typed) ?? "\"\(text)\" is not a number: answer with a number only, \(numberExamples).")
        }
        guard isDecimal(typed), let value = Double(typed) else {
            throw AnswerError("\"\(text)\" is not a number: answer with a number only, \(numberExamples).")
        }
        guard value.isFinite else { throw AnswerError("\"\(text)\" is too large: answer with a smaller number.") }
        return value
    }

    /// What to say about a number written with commas, or nil when it is not a number either way.
    static func commaHint(_ typed: String) -> String? {
        let commas = typed.filter { $0 == "," }.count
        let withPoint = typed.replacingOccurrences(of: ",", with: ".")
        let withoutCommas = typed.replacingOccurrences(of: ",", with: "")
        if commas == 1, isDecimal(withPoint) {
            if looksLikeThousands(typed) {
                return "Write the number without commas: \"\(withoutCommas)\", or \"\(withPoint)\" for a decimal."
            }
            return "Use a decimal point, not a comma: \"\(withPoint)\"."
        }
        if isDecimal(withoutCommas) {
            return "Write the number without commas: \"\(withoutCommas)\"."
        }
        return nil
    }

    /// `1,500` or `-12,000`: one to three digits, a comma, exactly three digits.
    static func looksLikeThousands(_ typed: String) -> Bool {
        var digits = Substring(typed)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let halves = digits.split(separator: ",", omittingEmptySubsequences: false)
        return halves.count == 2 && (1...3).contains(halves[0].count) && halves[1].count == 3
            && halves.allSatisfy { $0.allSatisfy(isDigit) }
    }

    /// `[+-] digits [. digits] [e [+-] digits]`, with at least one digit before the exponent.
    static func isDecimal(_ typed: String) -> Bool {
        let chars = Array(typed)
        var i = 0
        func skipDigits() -> Int {
            let start = i
            while i < chars.count, isDigit(chars[i]) { i += 1 }
            return i - start
        }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        var digits = skipDigits()
        if i < chars.count, chars[i] == "." {
            i += 1
            digits += skipDigits()
        }
        guard digits > 0 else { return false }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return i == chars.count
    }

    static func isDigit(_ c: Character) -> Bool {
        c.isASCII && c.isNumber
    }
}
