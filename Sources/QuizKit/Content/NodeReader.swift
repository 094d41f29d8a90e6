import Foundation
import QuizYAML

/// Reads typed values out of a parsed document's nodes for the bank loader, turning every
/// problem into a finding with the node's place instead of throwing.
///
/// A node is an index into `document`; keys are compared as bytes against the
/// vocabulary's, and a scalar becomes a `String` only when its text is kept.
/// One reader serves one file; `findings` collects everything it reports.
final class NodeReader {
    let file: String
    let document: YAMLDocument
    private(set) var findings: [Finding] = []
    /// The first problem since the last `beginScope()` that makes the question or test being
    /// read unusable, whatever lint's configuration says about its rule.
    private(set) var scopeFlaw: Finding?

    /// Whether the question or test being read can no longer be used.
    var scopeHasError: Bool { scopeFlaw != nil }

    init(file: String, document: YAMLDocument) {
        self.file = file
        self.document = document
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
    /// `misplaced` names keys that exist in the DSL but not here, with the reason; it is given
    /// the key and, for a key of `allowed`, its index there.
    /// The result's `places` holds where every text key and its value stand (its start
    /// and end are the caller's to set).
    /// `places: false` leaves `places` empty, for a mapping whose places nothing asks for.
    func fields(of mapping: Int, in what: String, allowed: KeySet, places: Bool = true,
                misplaced: (_ name: String, _ known: Int?) -> String? = { _, _ in nil }) -> Fields {
        let doc = document
        var out = Fields(keys: allowed, capacity: doc.count(mapping), places: places)
        for (key, value) in doc.pairs(mapping) {
            let keyStart = doc.start(key)
            guard doc.isScalar(key), !doc.isNull(key) else {
                if places && doc.isScalar(key) { out.places.add(doc.string(key), key: keyStart, value: doc.start(value)) }
                report(.invalidValue, at: keyStart, "a key in \(what) must be plain text, not \(doc.kindDescription(key))")
                continue
            }
            let known = allowed.index(of: key, in: doc)
            let name = known.map { allowed.names[$0] } ?? doc.string(key)
            if places { out.place(name, known: known, key: keyStart, value: doc.start(value)) }
            if let known, let first = out.found.first(where: { $0.name == known }) {
                report(.duplicateKey, at: keyStart,
                       "key \"\(name)\" appears twice in \(what) (first at line \(doc.start(first.key).line)); keep one")
                continue
            }
            if let reason = misplaced(name, known) {
                report(.unknownKey, at: keyStart, reason)
                continue
            }
            guard let known else {
                var message = "unknown key \"\(name)\" in \(what)"
                if let guess = Spelling.suggestion(for: name, among: allowed.names) {
                    message += "; did you mean \"\(guess)\"?"
                } else {
                    message += "; allowed keys are \(allowed.names.joined(separator: ", "))"
                }
                report(.unknownKey, at: keyStart, message)
                continue
            }
            out.found.append((known, key, value))
        }
        return out
    }

    /// The keys a mapping may have, as names and as bytes to compare keys with.
    struct KeySet: Sendable {
        let names: [String]
        let bytes: [[UInt8]]
        /// `YAMLDocument.shortKey` of each name: one comparison tells most keys apart.
        let shortKeys: [UInt64]

        init(_ names: [String]) {
            self.names = names
            bytes = names.map { Array($0.utf8) }
            shortKeys = bytes.map { b in b.withUnsafeBufferPointer(YAMLDocument.shortKey) }
        }

        /// Which of the names a key node is, told from its bytes without making a `String`.
        func index(of key: Int, in doc: YAMLDocument) -> Int? {
            let short = doc.shortKey(key)
            for i in shortKeys.indices where shortKeys[i] == short {
                if bytes[i].count <= 7 || bytes[i].withUnsafeBufferPointer({ doc.scalarEquals(key, $0) }) { return i }
            }
            return nil
        }

        func contains(_ name: String) -> Bool { names.contains(name) }

        /// Whether name `i` is `literal`: its short key, and for a long name its bytes.
        func name(_ i: Int, is literal: StaticString, shortKey: UInt64) -> Bool {
            guard shortKeys[i] == shortKey else { return false }
            let count = literal.utf8CodeUnitCount
            guard count > 7 else { return true }
            return bytes[i].withUnsafeBufferPointer { mine in
                (0..<count).allSatisfy { mine[$0] == literal.utf8Start[$0] }
            }
        }
    }

    /// The accepted pairs of a mapping by key. A mapping has few keys, so they are
    /// found by a scan of a small array rather than by hashing.
    struct Fields {
        let keys: KeySet
        /// Accepted keys: which name (in `keys`), the key node and the value node.
        var found: [(name: Int, key: Int, value: Int)] = []
        var places = Places()

        init(keys: KeySet, capacity: Int, places: Bool) {
            self.keys = keys
            found.reserveCapacity(capacity)
            if places { self.places.entries.reserveCapacity(capacity) }
        }

        /// The names of `keys` already in `places`, one bit each.
        private var placed: UInt64 = 0

        /// Records where a key and its value stand, the first of a repeated key winning as
        /// `Places.add` does; a key of `keys` is told a repeat by one bit, not by comparing names.
        mutating func place(_ name: String, known: Int?, key: Mark, value: Mark) {
            guard let known, known < 64, places.entries.count < 15 else {
                places.add(name, key: key, value: value)
                return
            }
            guard placed & (1 << UInt64(known)) == 0 else { return }
            placed |= 1 << UInt64(known)
            places.entries.append((name, key, value))
        }

        /// The key and value nodes of the accepted pair with `key`, compared as bytes.
        subscript(key: StaticString) -> (key: Int, value: Int)? {
            let short = YAMLDocument.shortKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            for f in found where keys.name(f.name, is: key, shortKey: short) { return (f.key, f.value) }
            return nil
        }

        /// The value node of the accepted pair with `key`.
        func value(_ key: StaticString) -> Int? { self[key]?.value }
    }

    // MARK: Values

    private static let blank = CharacterSet.whitespacesAndNewlines

    /// Text as written. Reports an empty value or a list/mapping.
    func text(_ node: Int, _ name: @autoclosure () -> String, rule: RuleID = .invalidValue) -> String? {
        let doc = document
        guard doc.isScalar(node) else {
            report(rule, at: doc.start(node), "\(name()) must be text, not \(doc.kindDescription(node))")
            return nil
        }
        if doc.style(node) == .plain && (doc.byteCount(node) == 0 || doc.scalarEquals(node, "~")) {
            report(rule, at: doc.start(node), "\(name()) is empty; write its text")
            return nil
        }
        let value = doc.string(node)
        // Same test as trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, but it stops at
        // the first other character instead of copying the text through NSString; most texts
        // start with a visible ASCII character, told from one byte without a character-set look-up.
        if !Self.isVisibleASCII(doc.firstByte(node)), value.unicodeScalars.allSatisfy(Self.blank.contains) {
            report(rule, at: doc.start(node), "\(name()) is blank; write its text")
            return nil
        }
        return value
    }

    static func isVisibleASCII(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b > 0x20 && b < 0x7F
    }

    /// A list of texts.
    func texts(_ node: Int, _ name: String) -> [String]? {
        let doc = document
        guard doc.isSequence(node) else {
            report(.invalidValue, at: doc.start(node), "\(name) must be a list, e.g. [a, b], not \(doc.kindDescription(node))")
            return nil
        }
        var out: [String] = []
        var ok = true
        for item in doc.items(node) {
            if let t = text(item, "each item of \(name)") { out.append(t) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// A plain `true` or `false`; nil for anything else.
    func plainBool(_ node: Int) -> Bool? {
        let doc = document
        guard doc.isScalar(node), doc.style(node) == .plain else { return nil }
        return doc.scalarEquals(node, "true") ? true : doc.scalarEquals(node, "false") ? false : nil
    }

    func bool(_ node: Int, _ name: String) -> Bool? {
        if let b = plainBool(node) { return b }
        report(.invalidValue, at: document.start(node), "\(name) must be true or false, not \(quoted(node))")
        return nil
    }

    /// The text of a plain scalar; nil for another node.
    func plainText(_ node: Int) -> String? {
        document.isScalar(node) && document.style(node) == .plain ? document.string(node) : nil
    }

    /// An integer or decimal number written plainly (`3`, `-2.5`, `.5`).
    /// Told from the scalar's bytes; a `String` is made only for a numeral.
    func number(_ node: Int) -> Double? {
        guard document.isScalar(node), document.style(node) == .plain else { return nil }
        return document.withBytes(node) { bytes -> Double? in
            guard Self.isNumeral(bytes) else { return nil }
            let value = String(decoding: bytes, as: UTF8.self)
            if bytes.first == 0x2E { return Double("0" + value) }  // .5
            if bytes.count > 1, bytes[0] == 0x2D, bytes[1] == 0x2E { return Double("-0" + value.dropFirst()) }  // -.5
            return Double(value)
        }
    }

    /// An optional sign, then ASCII digits with at most one dot among them.
    static func isNumeral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < bytes.count, bytes[i] == 0x2D || bytes[i] == 0x2B { i += 1 }
        var digits = 0, dots = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x2E { dots += 1 } else { return false }
            i += 1
        }
        return digits > 0 && dots <= 1
    }

    static func isNumeral(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isNumeral($0) }
    }

    func number(_ node: Int, _ name: String, rule: RuleID = .invalidValue) -> Double? {
        if let n = number(node) { return n }
        report(rule, at: document.start(node), "\(name) must be a number, not \(quoted(node))")
        return nil
    }

    func positiveNumber(_ node: Int, _ name: String) -> Double? {
        guard let n = number(node, name) else { return nil }
        guard n > 0 else {
            report(.invalidValue, at: document.start(node), "\(name) must be greater than 0, not \(quoted(node))")
            return nil
        }
        return n
    }

    func positiveInteger(_ node: Int, _ name: String) -> Int? {
        if let value = plainText(node), let n = Int(value), n > 0 { return n }
        report(.invalidValue, at: document.start(node), "\(name) must be a whole number greater than 0, not \(quoted(node))")
        return nil
    }

    /// A duration in seconds: a positive integer, or `1h`, `7m`, `90s`, `1m30s`.
    func duration(_ node: Int, _ name: String) -> Int? {
        if document.isScalar(node), let seconds = Self.seconds(document.string(node), plain: document.style(node) == .plain) { return seconds }
        report(.invalidValue, at: document.start(node),
               "\(name) must be a duration of at most a week, like 45s, 7m, 1m30s or a number of seconds, not \(quoted(node))")
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
    func choice<T: RawRepresentable>(_ node: Int, _ name: String, _: T.Type) -> T? where T.RawValue == String, T: CaseIterable {
        if document.isScalar(node), let v = T(rawValue: document.string(node)) { return v }
        let allowed = T.allCases.map { $0.rawValue }.joined(separator: ", ")
        report(.invalidValue, at: document.start(node), "\(name) must be one of \(allowed), not \(quoted(node))")
        return nil
    }

    /// A kebab-case id: lowercase letters and digits joined by single hyphens.
    func id(_ node: Int, _ name: String) -> String? {
        guard let t = text(node, name) else { return nil }
        guard Self.isKebabCase(t) else {
            report(.invalidValue, at: document.start(node),
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
    func quoted(_ node: Int) -> String {
        guard let s = document.scalar(node) else { return document.kindDescription(node) }
        if s.isNull { return "an empty value" }
        let short = s.value.count > 40 ? String(s.value.prefix(37)) + "…" : s.value
        return "\"\(short)\""
    }
}
