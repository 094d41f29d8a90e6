import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuizKit

/// Questions read from a Moodle XML file, for `quiz import --from moodle-xml`.
///
/// It reads the `<quiz>` document Moodle's XML export writes (`question/format/xml/format.php`)
/// into the same entries the GIFT reader makes: multichoice, truefalse, shortanswer, numerical,
/// matching and ordering questions, with `<question type="category">` as the category. Other
/// types are left out with a warning each. A plain `<!DOCTYPE quiz>` is allowed; a DOCTYPE with
/// an external DTD or declarations is refused before parsing, so no entity is ever fetched or
/// expanded. A file that is not well-formed XML gives a finding.
public struct MoodleXMLReader: Sendable {
    public private(set) var entries: [GIFTReader.Entry] = []
    public private(set) var findings: [GIFTReader.Finding] = []
    /// One line per question left out or changed, naming the file and question.
    public private(set) var warnings: [String] = []
    /// Questions left out, counted by their Moodle type.
    public private(set) var skipped: [String: Int] = [:]

    let file: String

    public init(data: Data, file: String) {
        self.file = file
        if let refused = Self.prologFinding(data, file: file) {
            findings.append(refused)
            return
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            findings.append(.init(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                                  message: "the file is not well-formed XML" + (parser.parserError.map { " (\($0.localizedDescription))" } ?? "")))
            return
        }
        guard root.name == "quiz" else {
            findings.append(.init(file: file, line: 1, column: 1, message: "the document is <\(root.name)>, not a Moodle <quiz>"))
            return
        }
        var category: String?
        for question in root.children where question.name == "question" {
            let type = question.attributes["type"] ?? ""
            if type == "category" {
                let path = question.child("category").map { $0.child("text")?.text ?? $0.text } ?? ""
                let last = path.split(separator: "/").last.map { String($0).trimmingCharacters(in: .whitespaces) }
                // A path of only a context (`$course$`, `$module$`, `$system$`, `$cat$`) or Moodle's `top` names no category.
                category = last.flatMap { $0.isEmpty || $0 == "top" || ($0.hasPrefix("$") && $0.hasSuffix("$")) ? nil : $0 }
                continue
            }
            read(question, type: type, category: category)
        }
    }

    mutating func read(_ node: Node, type: String, category: String?) {
        let name = node.child("name").map { $0.child("text")?.text ?? $0.text }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let where_ = "\(file):\(node.line): question \"\(name)\""
        func skip(_ why: String) {
            skipped[type.isEmpty ? "unknown" : type, default: 0] += 1
            warnings.append("\(where_) (\(type)) left out: \(why)")
        }
        let prompt = text(node.child("questiontext"), at: where_)
        if let image = node.child("image")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !image.isEmpty {
            // Moodle 1.9 kept a question's picture beside its text; the bytes are in the file, but a bank holds no files.
            warnings.append("\(where_): its image \(image) (Moodle 1.9's <image> field) is not imported; add it to the prompt as a Markdown image")
        }
        var scoring = ScoringPolicy.allOrNothing
        var shuffle = true
        let answers = node.children.filter { $0.name == "answer" }
        func fraction(_ a: Node) -> Double { Double(a.attributes["fraction"] ?? "0") ?? 0 }
        func feedback(_ a: Node) -> String? {
            let f = text(a.child("feedback"), at: where_)
            return f.isEmpty ? nil : f
        }
        let kind: Question.Kind
        switch type {
        case "multichoice":
            let options = answers.map { (Choice(text($0, at: where_), feedback: feedback($0)), fraction($0)) }
            guard (2...8).contains(options.count) else { return skip("it has \(options.count) choices and a bank allows 2 to 8") }
            guard Set(options.map { $0.0.text.lowercased() }).count == options.count else {
                return skip("two of its choices read the same, which a bank does not allow")
            }
            let right = options.indices.filter { options[$0].1 > 0 }
            guard !right.isEmpty else { return skip("it has no answer with a positive fraction") }
            if let value = node.child("shuffleanswers")?.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
                shuffle = !(value == "false" || value == "0")
            }
            let single = (node.child("single")?.text.trimmingCharacters(in: .whitespaces).lowercased()).map { $0 == "true" || $0 == "1" } ?? true
            if single || right.count == 1 {
                let best = right.max { options[$0].1 < options[$1].1 } ?? right[0]
                if right.count > 1 || options[best].1 < 100 {
                    warnings.append("\(where_): imported with one answer, the choice with the most credit")
                }
                kind = .single(choices: options.map(\.0), answer: best)
            } else {
                let credits = right.map { options[$0].1 }
                if let most = credits.max(), let least = credits.min(), most - least > 0.01 {
                    let list = credits.map { GIFTWriter.number($0) + "%" }.joined(separator: ", ")
                    warnings.append("\(where_): its right choices carry unequal credit (\(list)); imported with each worth the same")
                }
                let wrong = options.filter { $0.1 <= 0 }.map(\.1)
                scoring = !wrong.isEmpty && wrong.allSatisfy { $0 <= -100 } ? .allOrNothing : .partial
                kind = .multiple(choices: options.map(\.0), answers: right)
            }
        case "truefalse":
            guard let right = answers.first(where: { fraction($0) >= 100 }) else { return skip("no answer has full credit") }
            kind = .truefalse(answer: text(right, at: where_).lowercased() == "true")
        case "shortanswer":
            var accepted: [ShortAnswer] = []
            for answer in answers where fraction(answer) >= 100 {
                let value = text(answer, at: where_)
                if value.contains("*") {
                    let pattern = value.split(separator: "*", omittingEmptySubsequences: false)
                        .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*")
                    accepted.append(.pattern(pattern))
                } else if !value.isEmpty {
                    accepted.append(.text(value))
                }
            }
            let partial = answers.filter { (1..<100).contains(fraction($0)) }.count
            if partial > 0 { warnings.append("\(where_): \(partial) answer(s) with part credit left out (a short answer is right or wrong)") }
            guard !accepted.isEmpty else { return skip("no answer has full credit") }
            kind = .short(accepted: accepted)
        case "numerical":
            let full = answers.filter { fraction($0) >= 100 }
            guard let answer = full.first, let value = Double(text(answer, at: where_)) else { return skip("no numeric answer has full credit") }
            if answers.count > 1 { warnings.append("\(where_): \(answers.count) answers; imported the one with full credit") }
            let tolerance = Double(answer.child("tolerance")?.text.trimmingCharacters(in: .whitespaces) ?? "0") ?? 0
            kind = .numeric(answer: value, tolerance: .absolute(abs(tolerance)))
        case "matching":
            var pairs: [MatchPair] = []
            for sub in node.children where sub.name == "subquestion" {
                let left = text(sub, at: where_)
                let right = sub.child("answer").map { text($0, at: where_) } ?? ""
                if left.isEmpty || right.isEmpty { continue }
                pairs.append(MatchPair(left, right))
            }
            guard (2...10).contains(pairs.count), Set(pairs.map { $0.left.lowercased() }).count == pairs.count else {
                return skip("its pairs are not 2 to 10 distinct pairs, as a bank needs")
            }
            kind = .match(pairs: pairs)
        case "ordering":
            let items = answers.sorted { fraction($0) < fraction($1) }.map { Item(text($0, at: where_)) }
            guard items.count >= 2 else { return skip("it has fewer than two items") }
            kind = .order(items: items)
            // qtype_ordering's grading: the whole order, or the share of items in their place (its
            // names, or the numbers older versions wrote). Its relative gradings have no form in a bank.
            switch node.child("gradingtype")?.text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() ?? "" {
            case "", "ALL_OR_NOTHING", "-1": scoring = .allOrNothing
            case "ABSOLUTE_POSITION", "0": scoring = .partial
            case let other:
                scoring = .partial
                warnings.append("\(where_): graded \(other) in Moodle; imported as partial scoring (the share of items in their place)")
            }
        default:
            return skip("a \(type.isEmpty ? "question without a type" : type) question has no place in a bank")
        }
        let explanation = text(node.child("generalfeedback"), at: where_)
        let points = Double(node.child("defaultgrade")?.text.trimmingCharacters(in: .whitespaces) ?? "") ?? 1
        let id = node.child("idnumber")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let tags = node.child("tags")?.children.filter { $0.name == "tag" }.map { text($0, at: where_) } ?? []
        let question = Question(id: id.isEmpty ? name : id, section: "", prompt: prompt, kind: kind,
                                explanation: explanation.isEmpty ? nil : explanation, points: points > 0 ? points : 1,
                                scoring: scoring, tags: tags, shuffle: shuffle)
        entries.append(GIFTReader.Entry(question: question, title: name.isEmpty ? nil : name, category: category, line: node.line))
    }

    /// What the parser must never be shown: a DOCTYPE with an external id (`SYSTEM`, `PUBLIC`) or an
    /// internal subset (`[…]`, where entities are declared), any other declaration before the root
    /// element, or a file in UTF-16, which this scan could not read. A plain `<!DOCTYPE quiz>`, which
    /// hand-edited files carry, declares nothing and passes. Nil when the prolog is safe to parse.
    static func prologFinding(_ data: Data, file: String) -> GIFTReader.Finding? {
        // The whole file: only the prolog is walked, but it may be long, and a DOCTYPE anywhere in it counts.
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.prefix(2).contains(0) {
            return .init(file: file, line: 1, column: 1, message: "the file is not UTF-8 (it looks like UTF-16); save it as UTF-8, as Moodle writes it")
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1, lineStart = index
        func at(_ text: String, _ position: Int, ignoringCase: Bool = false) -> Bool {
            let wanted = Array(text.utf8)
            guard position + wanted.count <= bytes.count else { return false }
            return zip(bytes[position..<(position + wanted.count)], wanted).allSatisfy { a, b in
                a == b || (ignoringCase && a | 0x20 == b | 0x20 && (0x61...0x7A).contains(b | 0x20))
            }
        }
        /// Moves past `end`, counting lines; false when the prolog ends first.
        func skip(to end: String) -> Bool {
            while index < bytes.count {
                if at(end, index) {
                    index += end.utf8.count
                    return true
                }
                if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
            }
            return false
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                if byte == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<") else { return nil }
            if at("<?", index) {
                if !skip(to: "?>") { return nil }
                continue
            }
            if at("<!--", index) {
                if !skip(to: "-->") { return nil }
                continue
            }
            guard at("<!", index) else { return nil }  // the root element: the prolog is over
            let place = (line: line, column: index - lineStart + 1)
            if at("<!DOCTYPE", index, ignoringCase: true) {
                var end = index + 9
                while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "[") { end += 1 }
                while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ">"), end > index + 9 {
                    for b in bytes[index..<end] where b == 0x0A { line += 1 }
                    if let lastBreak = bytes[index..<end].lastIndex(of: 0x0A) { lineStart = lastBreak + 1 }
                    index = end + 1
                    continue
                }
                return .init(file: file, line: place.line, column: place.column, message:
                    "the DOCTYPE names an external DTD or declares entities, which import refuses (they could read other files "
                    + "or expand without end); delete the DOCTYPE, or reduce it to <!DOCTYPE quiz>")
            }
            return .init(file: file, line: place.line, column: place.column, message:
                "a declaration (<!\(String(decoding: bytes[(index + 2)..<min(index + 10, bytes.count)].prefix { !isSpace($0) }, as: UTF8.self))) "
                + "before <quiz>, which import refuses; delete it, since Moodle XML needs none")
        }
        return nil
    }

    mutating func warnOnce(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// The `<text>` of an element in its `format`, as plain text or Markdown.
    mutating func text(_ node: Node?, at where_: String) -> String {
        guard let node else { return "" }
        let raw = node.child("text")?.text ?? ""
        let format = node.attributes["format"] ?? "html"
        var out = raw
        // One warning of each kind per question, however many of its texts it applies to.
        if raw.contains("@@PLUGINFILE@@") {
            warnOnce("\(where_): an embedded file (@@PLUGINFILE@@) is kept as a link and not imported")
        }
        if format == "html" || format == "moodle_auto_format" {
            // Common tags become Markdown (an image keeps its source as a Markdown image); others are reduced to their text.
            let converted = HTMLToMarkdown(html: raw)
            if !converted.unconverted.isEmpty {
                warnOnce("\(where_): HTML <\(converted.unconverted.joined(separator: ">, <"))> reduced to its text")
            }
            out = converted.markdown
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An element of the document: name, attributes, character data and children.
    struct Node: Sendable {
        var name: String
        var attributes: [String: String]
        var text = ""
        var children: [Node] = []
        var line: Int

        func child(_ name: String) -> Node? { children.first { $0.name == name } }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Node] = []
        var root: Node?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            stack.append(Node(name: elementName, attributes: attributeDict, line: parser.lineNumber))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
        }
    }
}
