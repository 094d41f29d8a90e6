/// The state machine behind `InlineMarkdown.parse`: one pass that turns
/// code spans, autolinks, entities and escapes into spans and keeps `*`, `_`
/// and `[` as delimiters, then CommonMark's "process emphasis" pairs them up.
struct InlineParser {
    typealias Span = InlineMarkdown.Span

    private struct Delimiter {
        var character: Character
        var count: Int
        var originalCount: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private enum Node {
        case span(Span)
        case delimiter(Delimiter)
        /// `[` or `![` waiting for its `]`.
        case bracket(isImage: Bool, active: Bool)
    }

    private let characters: [Character]
    private var nodes: [Node] = []
    private var buffer = ""
    private var index = 0

    init(characters: [Character]) { self.characters = characters }

    mutating func run() -> [Span] {
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\": escape()
            case "`": codeSpan()
            case "*", "_": delimiterRun(character)
            case "[":
                flush()
                nodes.append(.bracket(isImage: false, active: true))
                index += 1
            case "!" where peek(1) == "[":
                flush()
                nodes.append(.bracket(isImage: true, active: true))
                index += 2
            case "]": closeBracket()
            case "<": if !autolinkOrTag() { literal("<") }
            case "&": entity()
            case "\n": lineEnding()
            default: literal(character)
            }
        }
        flush()
        processEmphasis(from: 0)
        return Self.spans(nodes[...])
    }

    private func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func literal(_ character: Character) {
        buffer.append(character)
        index += 1
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        nodes.append(.span(.text(buffer)))
        buffer = ""
    }

    private mutating func escape() {
        if peek(1) == "\n" {
            index += 1
            breakLine(hard: true)
        } else if let next = peek(1), next.isASCII, next.isPunctuation || next.isSymbol {
            buffer.append(next)
            index += 2
        } else {
            literal("\\")
        }
    }

    private mutating func lineEnding() {
        let spaces = buffer.reversed().prefix { $0 == " " }.count
        breakLine(hard: spaces >= 2)
    }

    /// Consumes the `\n` at `index` and the next line's leading spaces.
    private mutating func breakLine(hard: Bool) {
        while buffer.last == " " { buffer.removeLast() }
        if hard {
            flush()
            nodes.append(.span(.lineBreak))
        } else {
            buffer.append(" ")
        }
        index += 1
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    private mutating func codeSpan() {
        let start = index
        while index < characters.count, characters[index] == "`" { index += 1 }
        let length = index - start
        var scan = index
        while scan < characters.count {
            guard characters[scan] == "`" else {
                scan += 1
                continue
            }
            let runStart = scan
            while scan < characters.count, characters[scan] == "`" { scan += 1 }
            if scan - runStart == length {
                var content = String(characters[index..<runStart].map { $0 == "\n" ? " " : $0 })
                if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
                    content = String(content.dropFirst().dropLast())
                }
                flush()
                nodes.append(.span(.code(content)))
                index = scan
                return
            }
        }
        buffer += String(repeating: "`", count: length)
    }

    private mutating func delimiterRun(_ character: Character) {
        let start = index
        while index < characters.count, characters[index] == character { index += 1 }
        let before: Character = start > 0 ? characters[start - 1] : " "
        let after: Character = index < characters.count ? characters[index] : " "
        let leftFlanking = !after.isWhitespace && (!Self.isPunctuation(after) || before.isWhitespace || Self.isPunctuation(before))
        let rightFlanking = !before.isWhitespace && (!Self.isPunctuation(before) || after.isWhitespace || Self.isPunctuation(after))
        let canOpen: Bool
        let canClose: Bool
        if character == "_" {
            canOpen = leftFlanking && (!rightFlanking || Self.isPunctuation(before))
            canClose = rightFlanking && (!leftFlanking || Self.isPunctuation(after))
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        flush()
        let count = index - start
        nodes.append(.delimiter(Delimiter(character: character, count: count, originalCount: count, canOpen: canOpen, canClose: canClose)))
    }

    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }

    private mutating func closeBracket() {
        flush()
        guard let openerIndex = nodes.lastIndex(where: { if case .bracket = $0 { true } else { false } }),
              case .bracket(let isImage, let active) = nodes[openerIndex] else {
            literal("]")
            return
        }
        guard active, let (destination, end) = linkTail(after: index) else {
            nodes[openerIndex] = .span(.text(isImage ? "![" : "["))
            literal("]")
            return
        }
        processEmphasis(from: openerIndex + 1)
        let inner = Self.spans(nodes[(openerIndex + 1)...])
        nodes.removeSubrange(openerIndex...)
        nodes.append(.span(isImage ? .image(alt: inner, source: destination) : .link(text: inner, destination: destination)))
        if !isImage {
            for k in nodes.indices {
                if case .bracket(let image, _) = nodes[k] { nodes[k] = .bracket(isImage: image, active: false) }
            }
        }
        index = end
    }

    /// After the `]` at `close`: `(destination "title")` or `[label]`; returns the destination and the index past it.
    private func linkTail(after close: Int) -> (String, Int)? {
        var k = close + 1
        guard k < characters.count else { return nil }
        if characters[k] == "[" {
            guard let end = characters[(k + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }),
                  characters[end] == "]", end > k + 1 else { return nil }
            return ("", end + 1)
        }
        guard characters[k] == "(" else { return nil }
        k += 1
        func skipSpace() { while k < characters.count, characters[k].isWhitespace { k += 1 } }
        skipSpace()
        var destination = ""
        if k < characters.count, characters[k] == "<" {
            k += 1
            while k < characters.count, characters[k] != ">" {
                if characters[k] == "\n" || characters[k] == "<" { return nil }
                destination.append(characters[k])
                k += 1
            }
            guard k < characters.count else { return nil }
            k += 1
        } else {
            var depth = 0
            while k < characters.count, !characters[k].isWhitespace {
                let c = characters[k]
                if c == "(" { depth += 1 }
                if c == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                if c == "\\", k + 1 < characters.count, characters[k + 1].isPunctuation {
                    k += 1
                }
                destination.append(characters[k])
                k += 1
            }
        }
        skipSpace()
        if k < characters.count, let closer = Self.titleClosers[characters[k]] {
            k += 1
            while k < characters.count, characters[k] != closer {
                if characters[k] == "\\" { k += 1 }
                k += 1
            }
            guard k < characters.count else { return nil }
            k += 1
            skipSpace()
        }
        guard k < characters.count, characters[k] == ")" else { return nil }
        return (destination, k + 1)
    }

    private static let titleClosers: [Character: Character] = ["\"": "\"", "'": "'", "(": ")"]

    /// `<https://…>` and `<a@b.c>` become links; `<tag …>`, `</tag>` and `<!-- … -->` become HTML.
    private mutating func autolinkOrTag() -> Bool {
        let start = index + 1
        if characters[start...].starts(with: "!--") {
            var k = start + 3
            while k + 2 < characters.count {
                if characters[k] == "-", characters[k + 1] == "-", characters[k + 2] == ">" {
                    flush()
                    nodes.append(.span(.html(String(characters[index..<(k + 3)]))))
                    index = k + 3
                    return true
                }
                k += 1
            }
            return false
        }
        guard let end = characters[start...].firstIndex(where: { $0 == ">" || $0 == "<" }),
              characters[end] == ">", end > start else { return false }
        let inner = String(characters[start..<end])
        if Self.isAutolink(inner) {
            flush()
            let destination = inner.contains(":") ? inner : "mailto:" + inner
            nodes.append(.span(.link(text: [.text(inner)], destination: destination)))
        } else if Self.isTag(inner) {
            flush()
            nodes.append(.span(.html("<" + inner + ">")))
        } else {
            return false
        }
        index = end + 1
        return true
    }

    private static func isAutolink(_ inner: String) -> Bool {
        guard !inner.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) else { return false }
        if let colon = inner.firstIndex(of: ":") {
            let scheme = inner[..<colon]
            return (2...32).contains(scheme.count) && scheme.first!.isASCII && scheme.first!.isLetter
                && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        }
        let parts = inner.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    private static func isTag(_ inner: String) -> Bool {
        let name = inner.hasPrefix("/") ? inner.dropFirst() : inner[...]
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        let tagName = name.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        let rest = name.dropFirst(tagName.count)
        return rest.isEmpty || rest.first!.isWhitespace || rest == "/"
    }

    private mutating func entity() {
        let rest = characters[(index + 1)...].prefix(33)
        guard let semicolon = rest.firstIndex(of: ";") else { return literal("&") }
        let name = String(characters[(index + 1)..<semicolon])
        guard let decoded = Self.decodeEntity(name) else { return literal("&") }
        buffer += decoded
        index = semicolon + 1
    }


    private static func decodeEntity(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            let number = hex ? digits.dropFirst() : digits
            guard (1...(hex ? 6 : 7)).contains(number.count),
                  let value = UInt32(number, radix: hex ? 16 : 10) else { return nil }
            return String(Character(Unicode.Scalar(value).flatMap { value == 0 ? nil : $0 } ?? "\u{FFFD}"))
        }
        return HTMLEntity.named[name]
    }

    /// CommonMark's "process emphasis" over the nodes from `bottom` on.
    private mutating func processEmphasis(from bottom: Int) {
        var closerIndex = bottom
        while closerIndex < nodes.count {
            guard case .delimiter(var closer) = nodes[closerIndex], closer.canClose, closer.count > 0 else {
                closerIndex += 1
                continue
            }
            var found: (index: Int, delimiter: Delimiter)?
            var k = closerIndex - 1
            while k >= bottom, found == nil {
                if case .delimiter(let opener) = nodes[k], opener.character == closer.character, opener.canOpen, opener.count > 0 {
                    let sum = opener.originalCount + closer.originalCount
                    let ruleOfThree = (opener.canClose || closer.canOpen) && sum % 3 == 0
                        && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
                    if !ruleOfThree { found = (k, opener) }
                }
                k -= 1
            }
            guard let found else {
                closerIndex += 1
                continue
            }
            let openerIndex = found.index
            var opener = found.delimiter
            let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
            let inner = Self.spans(nodes[(openerIndex + 1)..<closerIndex])
            opener.count -= used
            closer.count -= used
            var replacement: [Node] = []
            if opener.count > 0 { replacement.append(.delimiter(opener)) }
            replacement.append(.span(used == 2 ? .strong(inner) : .emphasis(inner)))
            let next = openerIndex + replacement.count
            if closer.count > 0 { replacement.append(.delimiter(closer)) }
            nodes.replaceSubrange(openerIndex...closerIndex, with: replacement)
            closerIndex = next
        }
    }

    /// Nodes as spans: leftover delimiters and brackets become their literal text; neighbouring text is merged.
    private static func spans(_ nodes: ArraySlice<Node>) -> [Span] {
        var result: [Span] = []
        for node in nodes {
            let span: Span
            switch node {
            case .span(let s): span = s
            case .delimiter(let d): span = .text(String(repeating: d.character, count: d.count))
            case .bracket(let isImage, _): span = .text(isImage ? "![" : "[")
            }
            if case .text(let text) = span, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if span != .text("") {
                result.append(span)
            }
        }
        return result
    }
}
