import Foundation
import QuizKit

/// Questions read from a Moodle GIFT file, for `quiz import --from gift`.
///
/// It reads GIFT as Moodle does (`question/format/gift/format.php`): questions separated by
/// blank lines, `//` comments (with `[id:…]` and `[tag:…]` read from them), `::title::`,
/// `$CATEGORY:` lines, the escapes `\~ \= \# \{ \} \: \\ \n`, text formats, and the answer
/// forms of multiple choice, true/false, short answer, numerical and matching. A question our
/// DSL cannot hold is left out and named in `warnings`; malformed text gives `findings`.
public struct GIFTReader: Sendable {
    /// One imported question, with the category it was filed under (nil before any `$CATEGORY:`).
    public struct Entry: Sendable {
        public var question: Question
        /// The `::title::` as written, nil when the question has none.
        public var title: String?
        public var category: String?
        public var line: Int
    }

    /// A problem with the file that stops the import, placed like a lint finding.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(file):\(line):\(column): error: \(message)" }

        public init(file: String, line: Int, column: Int, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var findings: [Finding] = []
    /// One line per question left out or changed, naming the file, line and title.
    public private(set) var warnings: [String] = []
    /// Questions left out, counted by their GIFT type.
    public private(set) var skipped: [String: Int] = [:]
    /// The categories in the order they were first used by an imported question.
    public var categories: [String?] {
        var seen: [String?] = []
        for entry in entries where !seen.contains(entry.category) { seen.append(entry.category) }
        return seen
    }

    /// One character of the file, whether a backslash escaped it, and where it was.
    struct Unit {
        var character: Character
        var escaped: Bool
        var line: Int
        var column: Int
    }

    let file: String
    /// The text format of the question being read, which its answers inherit.
    var questionFormat = "moodle"

    public init(text: String, file: String) {
        self.file = file
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        var category: String?
        var block: [(line: Int, text: Substring)] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so splitting on newlines handles CRLF.
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            lineNumber += 1
            if raw.allSatisfy(\.isWhitespace) {
                if !block.isEmpty { read(block, category: &category) }
                block = []
            } else {
                block.append((lineNumber, raw))
            }
        }
        if !block.isEmpty { read(block, category: &category) }
    }

    mutating func read(_ block: [(line: Int, text: Substring)], category: inout String?) {
        var id: String?
        var tags: [String] = []
        var units: [Unit] = []
        for (line, text) in block {
            let trimmed = text.drop { $0.isWhitespace }
            if trimmed.hasPrefix("//") {
                let comment = String(trimmed)
                if id == nil, let found = Self.metadata("id", in: comment).first { id = found }
                tags += Self.metadata("tag", in: comment)
                continue
            }
            if units.isEmpty, trimmed.hasPrefix("$CATEGORY:") {
                let name = trimmed.dropFirst("$CATEGORY:".count).trimmingCharacters(in: .whitespaces)
                // The last part names the section; an empty one files the questions under no category.
                let last = name.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                category = last.isEmpty ? nil : last
                continue
            }
            if !units.isEmpty { units.append(Unit(character: "\n", escaped: false, line: line, column: 0)) }
            var column = 0
            var escaping = false
            for character in text {
                column += 1
                if escaping {
                    escaping = false
                    switch character {
                    case "n": units.append(Unit(character: "\n", escaped: true, line: line, column: column - 1))
                    case "~", "=", "#", "{", "}", ":", "\\":
                        units.append(Unit(character: character, escaped: true, line: line, column: column - 1))
                    default:
                        units.append(Unit(character: "\\", escaped: true, line: line, column: column - 1))
                        units.append(Unit(character: character, escaped: false, line: line, column: column))
                    }
                } else if character == "\\" {
                    escaping = true
                } else {
                    units.append(Unit(character: character, escaped: false, line: line, column: column))
                }
            }
            if escaping {
                units.append(Unit(character: "\\", escaped: true, line: line, column: column))
            }
        }
        guard !units.isEmpty else { return }
        question(units, id: id, tags: tags, category: category)
    }

    /// The values of `[name:…]` in a comment, as Moodle's `extract_idnumber_and_tags_from_comment`
    /// reads them: trimmed, `\]` standing for `]`, and never running over a line break.
    public static func metadata(_ name: String, in comment: String) -> [String] {
        var values: [String] = []
        var rest = comment[...]
        while let open = rest.range(of: "[\(name):") {
            var value = ""
            var index = open.upperBound
            var closed = false
            while index < rest.endIndex {
                let character = rest[index]
                if character.isNewline { break }
                if character == "]" { closed = true; break }
                if character == "\\", rest.index(after: index) < rest.endIndex, !rest[rest.index(after: index)].isNewline {
                    index = rest.index(after: index)
                }
                value.append(rest[index])
                index = rest.index(after: index)
            }
            if closed {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { values.append(trimmed) }
                rest = rest[rest.index(after: index)...]
            } else {
                rest = rest[open.upperBound...]
            }
        }
        return values
    }

    // MARK: - One question

    mutating func question(_ all: [Unit], id: String?, tags: [String], category: String?) {
        var units = Array(Self.trimmed(all[...]))
        guard let first = units.first else { return }
        var title: String?
        if units.count >= 2, Self.plain(units[0], ":"), Self.plain(units[1], ":") {
            guard let close = Self.find(units, "::", from: 2) else {
                fail(first, "the title opened with :: is not closed with ::")
                return
            }
            title = Self.text(units[2..<close]).trimmingCharacters(in: .whitespacesAndNewlines)
            units = Array(Self.trimmed(units[(close + 2)...]))
        }
        let name = title ?? String(Self.text(units[...].prefix { $0.character != "\n" }).prefix(40))
        guard let open = units.firstIndex(where: { Self.plain($0, "{") }) else {
            if units.firstIndex(where: { Self.plain($0, "}") }) != nil {
                fail(units.first { Self.plain($0, "}") } ?? first, "a } with no { before it; write \\} for a brace in text")
                return
            }
            skip(first, title: name, type: "description", why: "a description (no answers) has no place in a bank")
            return
        }
        if let stray = units[..<open].first(where: { Self.plain($0, "}") }) {
            fail(stray, "a } with no { before it; write \\} for a brace in text")
            return
        }
        guard let close = units[open...].firstIndex(where: { Self.plain($0, "}") }) else {
            fail(units[open], "the { that opens the answers is not closed with }")
            return
        }
        if let nested = units[(open + 1)..<close].first(where: { Self.plain($0, "{") }) {
            skip(nested, title: name, type: "cloze", why: "an embedded-answers (cloze) question has no place in a bank")
            return
        }
        if let stray = units[(close + 1)...].first(where: { Self.plain($0, "{") || Self.plain($0, "}") }) {
            if Self.plain(stray, "{") {
                skip(stray, title: name, type: "cloze", why: "a question with several answer blocks (cloze) has no place in a bank")
            } else {
                fail(stray, "a } with no { before it; write \\} for a brace in text")
            }
            return
        }
        let (format, before) = Self.format(units[..<open])
        let after = Self.text(units[(close + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        // Only unescaped whitespace is trimmed: a `\n` the author wrote is kept.
        var prompt = Self.text(before)
        if !after.isEmpty { prompt += " _____ " + after }
        if format == "html" {
            let converted = HTMLToMarkdown(html: prompt)
            prompt = converted.markdown
            if !converted.unconverted.isEmpty {
                let tags = converted.unconverted.map { "<\($0)>" }.joined(separator: ", ")
                warnings.append("\(file):\(first.line): question \"\(name)\": HTML \(tags) in the prompt reduced to its text")
            }
        }
        questionFormat = format ?? "moodle"
        if prompt.isEmpty {
            fail(first, "question \"\(name)\" has no text")
            return
        }
        var answers = Array(Self.trimmed(units[(open + 1)..<close]))
        var explanation: String?
        if let general = Self.lastFind(answers, "####") {
            let text = answerText(answers[(general + 4)...])
            explanation = text.isEmpty ? nil : text
            answers = Array(Self.trimmed(answers[..<general]))
        }
        let identifier = id ?? title ?? ""
        var made = Question(id: identifier, section: category ?? "", prompt: prompt,
                            kind: .truefalse(answer: true), explanation: explanation, tags: tags)
        guard let kind = kind(answers, at: units[open], name: name, explanation: &made.explanation, scoring: &made.scoring) else { return }
        made.kind = kind
        entries.append(Entry(question: made, title: title, category: category, line: first.line))
    }

    mutating func kind(_ answers: [Unit], at brace: Unit, name: String, explanation: inout String?,
                       scoring: inout ScoringPolicy) -> Question.Kind? {
        guard let head = answers.first else {
            skip(brace, title: name, type: "essay", why: "an essay question has no place in a bank")
            return nil
        }
        if Self.plain(head, "#") { return numeric(Array(answers.dropFirst()), at: head, name: name) }
        if answers.contains(where: { Self.plain($0, "~") }) {
            return choices(answers, at: head, name: name, scoring: &scoring)
        }
        if answers.contains(where: { Self.plain($0, "=") }), Self.find(answers, "->", from: 0) != nil {
            return match(answers, at: head, name: name)
        }
        let parts = Self.split(answers[...], on: "#")
        let word = Self.text(parts[0]).trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if ["T", "TRUE", "F", "FALSE"].contains(word) {
            return .truefalse(answer: word.hasPrefix("T"))
        }
        return short(answers, at: head, name: name)
    }

    mutating func choices(_ answers: [Unit], at head: Unit, name: String, scoring: inout ScoringPolicy) -> Question.Kind? {
        var options: [(Choice, Double)] = []
        for part in Self.split(answers[...], onAny: ["~", "="]) where !part.isEmpty {
            guard let (text, weight, feedback) = weighted(part, name: name) else { return nil }
            options.append((Choice(text, feedback: feedback), weight))
        }
        guard (2...8).contains(options.count) else {
            skip(head, title: name, type: "multichoice", why: "it has \(options.count) choices and a bank allows 2 to 8")
            return nil
        }
        guard Set(options.map { $0.0.text.lowercased() }).count == options.count else {
            skip(head, title: name, type: "multichoice", why: "two of its choices read the same, which a bank does not allow")
            return nil
        }
        let right = options.indices.filter { options[$0].1 > 0 }
        guard !right.isEmpty else {
            fail(head, "question \"\(name)\" has no right choice (= or a positive %weight%)")
            return nil
        }
        if right.count == 1 {
            if options[right[0]].1 < 100 {
                warnings.append("\(file):\(head.line): question \"\(name)\": its only right choice weighs \(GIFTWriter.number(options[right[0]].1))%; imported as the answer")
            }
            return .single(choices: options.map(\.0), answer: right[0])
        }
        let wrong = options.filter { $0.1 <= 0 }.map(\.1)
        scoring = !wrong.isEmpty && wrong.allSatisfy { $0 <= -100 } ? .allOrNothing : .partial
        return .multiple(choices: options.map(\.0), answers: right)
    }

    mutating func short(_ answers: [Unit], at head: Unit, name: String) -> Question.Kind? {
        var accepted: [ShortAnswer] = []
        var partial = 0
        for part in Self.split(answers[...], on: "=") where !Self.trimmed(part).isEmpty {
            guard let (text, weight, _) = weighted(part, name: name, base: 100) else { return nil }
            if weight >= 100 { accepted.append(.text(text)) } else if weight > 0 { partial += 1 }
        }
        if partial > 0 {
            warnings.append("\(file):\(head.line): question \"\(name)\": \(partial) answer\(partial == 1 ? "" : "s") with part credit left out (a short answer is right or wrong)")
        }
        guard !accepted.isEmpty else {
            fail(head, "question \"\(name)\" has no answer with full credit")
            return nil
        }
        return .short(accepted: accepted)
    }

    mutating func match(_ answers: [Unit], at head: Unit, name: String) -> Question.Kind? {
        var pairs: [MatchPair] = []
        var extra = 0
        for part in Self.split(answers[...], on: "=") where !Self.trimmed(part).isEmpty {
            let part = Array(part)
            guard let arrow = Self.find(part, "->", from: 0) else {
                fail(part.first ?? head, "a matching pair needs -> between its two sides")
                return nil
            }
            let left = answerText(part[..<arrow])
            let right = answerText(part[(arrow + 2)...])
            if left.isEmpty { extra += 1; continue }
            guard !right.isEmpty else {
                fail(part[arrow], "the pair \"\(left)\" has nothing after ->")
                return nil
            }
            pairs.append(MatchPair(left, right))
        }
        if extra > 0 {
            warnings.append("\(file):\(head.line): question \"\(name)\": \(extra) extra right-hand answer\(extra == 1 ? "" : "s") left out (a bank's pairs have none)")
        }
        guard Set(pairs.map { $0.left.lowercased() }).count == pairs.count else {
            skip(head, title: name, type: "match", why: "two of its pairs have the same left side, which a bank does not allow")
            return nil
        }
        guard (2...10).contains(pairs.count) else {
            skip(head, title: name, type: "match", why: "it has \(pairs.count) pairs and a bank allows 2 to 10")
            return nil
        }
        return .match(pairs: pairs)
    }

    mutating func numeric(_ answers: [Unit], at head: Unit, name: String) -> Question.Kind? {
        let marked = answers.contains(where: { Self.plain($0, "=") })
        let parts = Self.split(answers[...], onAny: ["=", "~"]).filter { !Self.trimmed($0).isEmpty }
        var found: [(Double, Double)] = []
        for (index, whole) in parts.enumerated() {
            var body = Self.trimmed(whole)
            var weight = marked ? 0.0 : (index == 0 ? 100 : 0)
            if let first = body.first, Self.plain(first, "=") {
                weight = 100
                body = body.dropFirst()
            }
            let part = Array(body)
            if let first = body.first, Self.plain(first, "%") {
                guard let (w, rest) = weightPrefix(body) else { return nil }
                weight = w
                body = rest
            }
            let value = Self.text(Self.split(body, on: "#")[0]).trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty, weight < 100 { continue }
            guard let (answer, tolerance) = Self.numeric(value) else {
                fail(part.first ?? head, "question \"\(name)\": \"\(value)\" is not a number, N:tolerance or N..M")
                return nil
            }
            if weight >= 100 { found.append((answer, tolerance)) }
        }
        guard let best = found.first else {
            fail(head, "question \"\(name)\" has no numeric answer with full credit")
            return nil
        }
        if found.count > 1 {
            warnings.append("\(file):\(head.line): question \"\(name)\": \(parts.count) numeric answers; the first with full credit is kept")
        }
        return .numeric(answer: best.0, tolerance: .absolute(best.1))
    }

    static func numeric(_ text: String) -> (Double, Double)? {
        if let range = text.range(of: "..") {
            guard let low = Double(text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)),
                  let high = Double(text[range.upperBound...].trimmingCharacters(in: .whitespaces)),
                  low.isFinite, high.isFinite, low <= high else { return nil }
            return ((low + high) / 2, (high - low) / 2)
        }
        let sides = text.split(separator: ":", omittingEmptySubsequences: false)
        guard sides.count <= 2, let value = Double(sides[0].trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        guard sides.count == 2 else { return (value, 0) }
        guard let tolerance = Double(sides[1].trimmingCharacters(in: .whitespaces)), tolerance.isFinite, tolerance >= 0 else { return nil }
        return (value, tolerance)
    }

    /// An answer's text, weight (percent: `=` is 100, none is 0) and feedback.
    mutating func weighted(_ part: ArraySlice<Unit>, name: String, base: Double = 0) -> (String, Double, String?)? {
        var body = Self.trimmed(part)
        var weight = base
        if let first = body.first, Self.plain(first, "=") {
            weight = 100
            body = body.dropFirst()
        }
        if let first = body.first, Self.plain(first, "%") {
            guard let (w, rest) = weightPrefix(body) else { return nil }
            weight = w
            body = rest
        }
        let pieces = Self.split(body, on: "#")
        let text = answerText(pieces[0])
        let feedback = pieces.count > 1 ? answerText(pieces[1]) : ""
        return (text, weight, feedback.isEmpty ? nil : feedback)
    }

    mutating func weightPrefix(_ body: ArraySlice<Unit>) -> (Double, ArraySlice<Unit>)? {
        guard let first = body.first else { return nil }
        let rest = body.dropFirst()
        guard let close = rest.firstIndex(where: { Self.plain($0, "%") }),
              let weight = Double(Self.text(rest[..<close]).trimmingCharacters(in: .whitespaces)),
              weight.isFinite, (-100...100).contains(weight) else {
            fail(first, "a weight is written %N% with N from -100 to 100")
            return nil
        }
        return (weight, rest[(close + 1)...])
    }

    // MARK: - Helpers

    /// An answer's or feedback's text: its own format marker, else the question's, with HTML turned into Markdown.
    func answerText(_ units: ArraySlice<Unit>) -> String {
        let (format, body) = Self.format(units)
        let text = Self.cleaned(body)
        return (format ?? questionFormat) == "html" ? HTMLToMarkdown(html: text).markdown : text
    }

    mutating func fail(_ unit: Unit, _ message: String) {
        findings.append(Finding(file: file, line: unit.line, column: max(unit.column, 1), message: message))
    }

    mutating func skip(_ unit: Unit, title: String, type: String, why: String) {
        skipped[type, default: 0] += 1
        warnings.append("\(file):\(unit.line): question \"\(title)\" (\(type)) left out: \(why)")
    }

    static func plain(_ unit: Unit, _ character: Character) -> Bool { !unit.escaped && unit.character == character }

    static func text<C: Collection>(_ units: C) -> String where C.Element == Unit {
        String(units.map(\.character))
    }

    static func trimmed(_ units: ArraySlice<Unit>) -> ArraySlice<Unit> {
        var slice = units
        while let f = slice.first, !f.escaped, f.character.isWhitespace { slice = slice.dropFirst() }
        while let l = slice.last, !l.escaped, l.character.isWhitespace { slice = slice.dropLast() }
        return slice
    }

    /// The first index at or after `start` where unescaped `token` begins.
    static func find(_ units: [Unit], _ token: String, from start: Int) -> Int? {
        let chars = Array(token)
        guard units.count >= chars.count, start <= units.count - chars.count else { return nil }
        for index in start...(units.count - chars.count)
        where chars.indices.allSatisfy({ plain(units[index + $0], chars[$0]) }) {
            return index
        }
        return nil
    }

    static func lastFind(_ units: [Unit], _ token: String) -> Int? {
        let chars = Array(token)
        guard units.count >= chars.count else { return nil }
        for index in stride(from: units.count - chars.count, through: 0, by: -1)
        where chars.indices.allSatisfy({ plain(units[index + $0], chars[$0]) }) {
            return index
        }
        return nil
    }

    static func split(_ units: ArraySlice<Unit>, on separator: Character) -> [ArraySlice<Unit>] {
        split(units, onAny: [separator])
    }

    /// Splits before each unescaped separator, keeping the separator at the head of its part
    /// when it is `=` (it marks a right answer) and dropping it otherwise.
    static func split(_ units: ArraySlice<Unit>, onAny separators: Set<Character>) -> [ArraySlice<Unit>] {
        var parts: [ArraySlice<Unit>] = []
        var start = units.startIndex
        for index in units.indices where !units[index].escaped && separators.contains(units[index].character) {
            parts.append(units[start..<index])
            start = separators.count > 1 && units[index].character == "=" ? index : index + 1
        }
        parts.append(units[start..<units.endIndex])
        return parts
    }

    /// A leading `[html]`, `[moodle]`, `[plain]` or `[markdown]` marker and the text after it.
    static func format(_ units: ArraySlice<Unit>) -> (format: String?, text: ArraySlice<Unit>) {
        let body = trimmed(units)
        for name in ["html", "moodle", "plain", "markdown"] {
            let marker = Array("[\(name)]")
            if body.count >= marker.count,
               marker.indices.allSatisfy({ plain(body[body.startIndex + $0], marker[$0]) }) {
                return (name, trimmed(body.dropFirst(marker.count)))
            }
        }
        return (nil, body)
    }

    static func cleaned(_ units: ArraySlice<Unit>) -> String {
        text(trimmed(units))
    }
}
