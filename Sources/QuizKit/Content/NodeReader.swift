import Foundation
import QuizYAML

/// Reads typed values out of YAML nodes for the bank loader, turning every
/// problem into a finding with the node's place instead of throwing.
///
/// One reader serves one file; `findings` collects everything it reports.
final class NodeReader {
    let file: String
    private(set) var findings: [Finding] = []
    /// The first problem since the last `beginScope()` that makes the question or test being
    /// read unusable, whatever lint's configuration says about its rule.
    private(set) var scopeFlaw: Finding?

    /// Whether the question or test being read can no longer be used.
    var scopeHasError: Bool { scopeFlaw != nil }

    init(file: String) {
        self.file = file
    }

    func report(_ rule: RuleID, at mark: Mark, _ message: String) {
        let finding = Finding(file: file, line: mark.line, column: mark.column, rule: rule, message: message)
        findings.append(finding)
        if rule.makesContentUnusable && scopeFlaw == nil { scopeFlaw = finding }
    }

    func beginScope() { scopeFlaw = nil }

    /// Takes in findings made by another reader of the same file.
    func absorb(_ more: [Finding]) { findings += more }

    // MARK: Mappings

    /// The pairs of a mapping by key, each key once. Reports keys that are not text,
    /// duplicate keys (at the later one), and keys outside `allowed`.
    /// `misplaced` names keys that exist in the DSL but not here, with the reason.
    func fields(of pairs: [Pair], in what: String, allowed: [String],
                misplaced: (String) -> String? = { _ in nil }) -> Fields {
        var out = Fields(pairs: pairs)
        // By index: a Pair copied for every key cost more than looking the key up.
        for index in pairs.indices {
            guard let scalar = pairs[index].key.scalar, !scalar.isNull else {
                report(.invalidValue, at: pairs[index].key.start, "a key in \(what) must be plain text, not \(pairs[index].key.kindDescription)")
                continue
            }
            let key = scalar.value
            let keyStart = pairs[index].key.start
            if let first = out.index(of: key) {
                report(.duplicateKey, at: keyStart,
                       "key \"\(key)\" appears twice in \(what) (first at line \(pairs[first].key.start.line)); keep one")
                continue
            }
            if let reason = misplaced(key) {
                report(.unknownKey, at: keyStart, reason)
                continue
            }
            let length = key.utf8.count
            guard allowed.contains(where: { $0.utf8.count == length && $0 == key }) else {
                var message = "unknown key \"\(key)\" in \(what)"
                if let guess = Spelling.suggestion(for: key, among: allowed) {
                    message += "; did you mean \"\(guess)\"?"
                } else {
                    message += "; allowed keys are \(allowed.joined(separator: ", "))"
                }
                report(.unknownKey, at: keyStart, message)
                continue
            }
            out.found.append((key, index))
        }
        return out
    }

    /// The accepted pairs of a mapping by key. A mapping has few keys, so they are
    /// found by a scan of a small array rather than by hashing.
    struct Fields {
        let pairs: [Pair]
        var found: [(key: String, index: Int)] = []

        init(pairs: [Pair]) {
            self.pairs = pairs
            found.reserveCapacity(pairs.count)
        }

        subscript(key: String) -> Pair? {
            index(of: key).map { pairs[$0] }
        }

        /// The value of the pair with `key`, without copying its key node.
        func value(_ key: String) -> Node? {
            index(of: key).map { pairs[$0].value }
        }

        /// Where in `pairs` the accepted pair with `key` is.
        func index(of key: String) -> Int? {
            let length = key.utf8.count
            for i in found.indices where found[i].key.utf8.count == length && found[i].key == key { return found[i].index }
            return nil
        }
    }

    // MARK: Values

    private static let blank = CharacterSet.whitespacesAndNewlines

    /// Text as written. Reports an empty value or a list/mapping.
    func text(_ node: Node, _ name: String, rule: RuleID = .invalidValue) -> String? {
        guard let s = node.scalar else {
            report(rule, at: node.start, "\(name) must be text, not \(node.kindDescription)")
            return nil
        }
        if s.isNull && s.style == .plain && (s.value.isEmpty || s.value == "~") {
            report(rule, at: node.start, "\(name) is empty; write its text")
            return nil
        }
        // Same test as trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, but it stops at
        // the first other character instead of copying the text through NSString.
        if !Self.startsWithVisibleASCII(s.value), s.value.unicodeScalars.allSatisfy(Self.blank.contains) {
            report(rule, at: node.start, "\(name) is blank; write its text")
            return nil
        }
        return s.value
    }

    /// Whether the text starts with an ASCII character that is not white space, so is not blank
    /// (the usual case, told from one byte without a character-set look-up).
    static func startsWithVisibleASCII(_ text: String) -> Bool {
        guard let b = text.utf8.first else { return false }
        return b > 0x20 && b < 0x7F
    }

    /// A list of texts.
    func texts(_ node: Node, _ name: String) -> [String]? {
        guard let items = node.sequence else {
            report(.invalidValue, at: node.start, "\(name) must be a list, e.g. [a, b], not \(node.kindDescription)")
            return nil
        }
        var out: [String] = []
        var ok = true
        for item in items {
            if let t = text(item, "each item of \(name)") { out.append(t) } else { ok = false }
        }
        return ok ? out : nil
    }

    func bool(_ node: Node, _ name: String) -> Bool? {
        if let s = node.scalar, s.style == .plain {
            if s.value == "true" { return true }
            if s.value == "false" { return false }
        }
        report(.invalidValue, at: node.start, "\(name) must be true or false, not \(Self.quoted(node))")
        return nil
    }

    /// An integer or decimal number written plainly (`3`, `-2.5`, `.5`).
    static func number(_ node: Node) -> Double? {
        guard let s = node.scalar, s.style == .plain, isNumeral(s.value) else { return nil }
        return Double(s.value.hasPrefix(".") ? "0" + s.value : s.value.replacingOccurrences(of: "-.", with: "-0."))
    }

    static func isNumeral(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        guard !chars.isEmpty else { return false }
        var digits = 0, dots = 0
        for c in chars {
            if c.isASCII && c.isNumber { digits += 1 } else if c == "." { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }

    func number(_ node: Node, _ name: String, rule: RuleID = .invalidValue) -> Double? {
        if let n = Self.number(node) { return n }
        report(rule, at: node.start, "\(name) must be a number, not \(Self.quoted(node))")
        return nil
    }

    func positiveNumber(_ node: Node, _ name: String) -> Double? {
        guard let n = number(node, name) else { return nil }
        guard n > 0 else {
            report(.invalidValue, at: node.start, "\(name) must be greater than 0, not \(Self.quoted(node))")
            return nil
        }
        return n
    }

    func positiveInteger(_ node: Node, _ name: String) -> Int? {
        if let s = node.scalar, s.style == .plain, let n = Int(s.value), n > 0 { return n }
        report(.invalidValue, at: node.start, "\(name) must be a whole number greater than 0, not \(Self.quoted(node))")
        return nil
    }

    /// A duration in seconds: a positive integer, or `1h`, `7m`, `90s`, `1m30s`.
    func duration(_ node: Node, _ name: String) -> Int? {
        if let s = node.scalar, let seconds = Self.seconds(s.value, plain: s.style == .plain) { return seconds }
        report(.invalidValue, at: node.start,
               "\(name) must be a duration of at most a week, like 45s, 7m, 1m30s or a number of seconds, not \(Self.quoted(node))")
        return nil
    }

    static let maxSeconds = BankVocabulary.longestDuration

    static func seconds(_ text: String, plain: Bool) -> Int? {
        if plain, let n = Int(text) { return n > 0 && n <= maxSeconds ? n : nil }
        var total = 0
        var digits = ""
        var lastUnit = -1
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
                continue
            }
            let units: [Character: (Int, Int)] = ["h": (0, 3600), "m": (1, 60), "s": (2, 1)]
            guard let (rank, factor) = units[c], rank > lastUnit, digits.count <= 9, let n = Int(digits) else { return nil }
            total += n * factor
            guard total <= maxSeconds else { return nil }
            lastUnit = rank
            digits = ""
        }
        guard digits.isEmpty, lastUnit >= 0, total > 0 else { return nil }
        return total
    }

    /// One of a fixed set of words.
    func choice<T: RawRepresentable>(_ node: Node, _ name: String, _: T.Type) -> T? where T.RawValue == String, T: CaseIterable {
        if let s = node.scalar, let v = T(rawValue: s.value) { return v }
        let allowed = T.allCases.map { $0.rawValue }.joined(separator: ", ")
        report(.invalidValue, at: node.start, "\(name) must be one of \(allowed), not \(Self.quoted(node))")
        return nil
    }

    /// A kebab-case id: lowercase letters and digits joined by single hyphens.
    func id(_ node: Node, _ name: String) -> String? {
        guard let t = text(node, name) else { return nil }
        guard Self.isKebabCase(t) else {
            report(.invalidValue, at: node.start,
                   "\(name) \"\(t)\" must be kebab-case (lowercase letters and digits joined by hyphens), e.g. \"\(Self.kebab(t))\"")
            return t
        }
        return t
    }

    static func isKebabCase(_ s: String) -> Bool {
        // Byte by byte: lowercase ASCII letters and digits in runs joined by single hyphens,
        // without Unicode property look-ups or Foundation string searches.
        var previous: UInt8 = 0x2D
        for b in s.utf8 {
            if b == 0x2D {
                if previous == 0x2D { return false }
            } else if !((0x61...0x7A).contains(b) || (0x30...0x39).contains(b)) {
                return false
            }
            previous = b
        }
        return previous != 0x2D
    }

    static func kebab(_ s: String) -> String {
        let words = s.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.joined(separator: "-")
    }

    /// A node as a reader would quote it in a message.
    static func quoted(_ node: Node) -> String {
        guard let s = node.scalar else { return node.kindDescription }
        if s.isNull { return "an empty value" }
        let short = s.value.count > 40 ? String(s.value.prefix(37)) + "…" : s.value
        return "\"\(short)\""
    }
}
