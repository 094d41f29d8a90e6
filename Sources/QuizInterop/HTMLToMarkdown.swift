import Foundation

/// HTML text, as Moodle stores it for `[html]` questions, turned into the Markdown a bank holds.
///
/// Paragraphs, line breaks, bold, italics, code, preformatted blocks, links, lists and images
/// become their Markdown; `sub` and `sup` keep their text. Any other tag is dropped with its
/// text kept, and its name is listed in `unconverted` so the caller can say so. Entities are
/// decoded, and text that Markdown would read as markup (`2 * 3 * 4`, a `# ` or `1. ` at a
/// line's start, backticks, `[x](y)`) is escaped, so the Markdown renders the text the HTML
/// showed. Code spans and blocks are fenced with more backticks than they hold. The conversion is one pass with explicit stacks, so deep nesting cannot exhaust
/// the call stack.
public struct HTMLToMarkdown: Sendable {
    /// The Markdown, trimmed, with no more than one blank line in a row.
    public let markdown: String
    /// The lower-cased names of the tags met that have no Markdown form, sorted, each once.
    public let unconverted: [String]

    /// Converts `html`.
    public init(html: String) {
        var converter = Converter()
        converter.run(Array(html))
        markdown = converter.finished()
        unconverted = converter.unknown.sorted()
    }
}

private struct Converter {
    var out = ""
    var text = ""
    var unknown: Set<String> = []
    var lists: [(ordered: Bool, count: Int)] = []
    var links: [String?] = []
    var pre = 0
    var code = 0
    /// What was written before the `<pre>` or `<code>` now open: its content is gathered alone in
    /// `out`, then fenced with more backticks than it holds.
    var before = ""
    /// The language of the open `<pre>`, from `<code class="language-js">`, as the fence's info string.
    var language = ""

    static let textOnly: Set<String> = ["sub", "sup"]
    /// Stands for the backslash of a `<br>` until the end, so a break before a paragraph's end can be
    /// told from a backslash the text holds.
    static let lineBreak: Character = "\u{E000}"

    /// Whether what is written goes to a code span or block, where Markdown is not read.
    var literal: Bool { pre > 0 || code > 0 }

    mutating func run(_ chars: [Character]) {
        var index = 0
        let lastClose = chars.lastIndex(of: ">") ?? -1
        while index < chars.count {
            let character = chars[index]
            guard character == "<" else {
                if character != Self.lineBreak { text.append(character) }
                index += 1
                continue
            }
            if chars.count >= index + 4, String(chars[index..<(index + 4)]) == "<!--" {
                var end = index + 4
                while end + 2 < chars.count, !(chars[end] == "-" && chars[end + 1] == "-" && chars[end + 2] == ">") { end += 1 }
                index = min(end + 3, chars.count)
                continue
            }
            // A tag starts with a letter or `/`; once no `>` is left, every later `<` is text.
            guard index + 1 < chars.count, chars[index + 1].isLetter || chars[index + 1] == "/",
                  index < lastClose, let close = chars[index...].firstIndex(of: ">") else {
                text.append(character)
                index += 1
                continue
            }
            flush()
            tag(String(chars[(index + 1)..<close]))
            index = close + 1
        }
        flush()
        if code > 0 { closeCode() }
        if pre > 0 {
            pre = 1
            closePre()
        }
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        var decoded = Self.decoded(text)
        text = ""
        if pre == 0 {
            var squeezed = ""
            for character in decoded {
                let blank = character.isWhitespace
                if blank {
                    if squeezed.last == " " || (squeezed.isEmpty && (out.isEmpty || out.last == "\n" || out.last == " ")) { continue }
                    squeezed.append(" ")
                } else {
                    squeezed.append(character)
                }
            }
            decoded = squeezed
        }
        out += literal ? decoded : Self.escaped(decoded, after: out.last, atLineStart: atLineStart)
    }

    /// Whether text written now starts a line of Markdown: at the start, after a line break, or
    /// after a list item's marker.
    var atLineStart: Bool {
        guard let last = out.last, last != "\n" else { return true }
        // A marker line is a few spaces and `- ` or `12. `; only the last few characters are looked at.
        let line = String(out.suffix(40).reversed().prefix { $0 != "\n" }.reversed())
        guard line.count < 40 || out.utf8.count <= 40 else { return false }
        let body = line.drop { $0 == " " }
        if body == "- " { return true }
        guard body.hasSuffix(". ") else { return false }
        let number = body.dropLast(2)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// `text` with every character Markdown would read as markup escaped, so it renders as the same
    /// text: `\ ` * [ ] | ~` always, `_` unless inside a word, `<` before what could open a tag,
    /// `&` before what could be an entity, and at a line's start `# - + = >` and a number's `.` or `)`.
    static func escaped(_ text: String, after previous: Character?, atLineStart: Bool) -> String {
        let chars = Array(text)
        var out = ""
        var numberEnd: Int?
        if atLineStart, let first = chars.first, first.isASCII, first.isNumber {
            var end = 0
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            // `1.` or `1)` starts a list only before a space or the line's end: `1.0` stays as it is.
            if end < chars.count, chars[end] == "." || chars[end] == ")", end + 1 == chars.count || chars[end + 1] == " " { numberEnd = end }
        }
        for (index, character) in chars.enumerated() {
            let before = index == 0 ? previous : chars[index - 1]
            let next = index + 1 < chars.count ? chars[index + 1] : nil
            let lineStart = index == 0 && atLineStart
            var escape = false
            switch character {
            case "\\", "`", "*", "[", "]", "|", "~": escape = true
            case "_": escape = !(before.map(Self.isWordCharacter) ?? false && next.map(Self.isWordCharacter) ?? false)
            case "<": escape = next.map { $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
            case "&": escape = Self.startsEntity(chars[(index + 1)...])
            // At a line's start: a heading, list item, rule or underline needs a space, the line's end or
            // another of the mark next (`-5` and `+1` stay); a quote needs nothing.
            case "#", "-", "+": escape = lineStart && (next == nil || next == " " || next == character)
            // `=` only underlines a line above it: a choice that is just `==` stays as written.
            case "=": escape = lineStart && previous == "\n" && (next == nil || next == " " || next == character)
            case ">": escape = lineStart
            case ".", ")": escape = index == numberEnd
            // Before `[` a `!` would start an image (a link's `[` from a tag gets its `!` escaped there).
            case "!": escape = next == "["
            default: break
            }
            if escape { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Whether text after a `&` reads as an entity: `#` and digits, or letters, then `;`.
    static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var body = rest.prefix(33)
        if body.first == "#" { body = body.dropFirst() }
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return !name.isEmpty && body.dropFirst(name.count).first == ";"
    }

    mutating func block(_ separator: String = "\n\n") {
        while out.last == " " { out.removeLast() }
        if !out.isEmpty { out += separator }
    }

    /// The longest run of backticks in `text`.
    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    mutating func closeCode() {
        code = 0
        let content = out
        out = before
        guard !content.isEmpty else { return }
        let fence = String(repeating: "`", count: Self.longestBacktickRun(content) + 1)
        // A space inside the fence keeps a backtick at either end from joining it; Markdown strips one each side.
        let pad = content.first == "`" || content.last == "`" || (content.first == " " && content.last == " ") ? " " : ""
        out += fence + pad + content + pad + fence
    }

    mutating func closePre() {
        pre = 0
        var content = out
        out = before
        if !content.hasSuffix("\n") { content += "\n" }
        let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(content) + 1))
        out += fence + language + "\n" + content + fence + "\n\n"
        language = ""
    }

    mutating func tag(_ body: String) {
        let closing = body.hasPrefix("/")
        let rest = closing ? body.dropFirst() : Substring(body)
        let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
        let attributes = String(rest.dropFirst(name.count))
        switch name {
        case "p":
            if !literal { block() }
        case "br":
            out += pre > 0 ? "\n" : code > 0 ? " " : String(Self.lineBreak) + "\n"
        case "strong", "b":
            if !literal { out += "**" }
        case "em", "i":
            if !literal { out += "*" }
        case "code":
            guard pre == 0 else {
                // The renderer's `<pre><code class="language-js">` keeps its language as the fence's info string.
                if !closing, out.isEmpty, let classes = Self.attribute("class", in: attributes),
                   let name = classes.split(separator: " ").first(where: { $0.hasPrefix("language-") })?.dropFirst(9),
                   !name.isEmpty, !name.contains("`") {
                    language = String(name)
                }
                return
            }
            if closing {
                if code > 0 {
                    code -= 1
                    if code == 0 { closeCode() }
                }
            } else {
                if code == 0 {
                    before = out
                    out = ""
                }
                code += 1
            }
        case "pre":
            if closing {
                if pre > 0 {
                    pre -= 1
                    if pre == 0 {
                        pre = 1
                        closePre()
                    }
                }
            } else {
                if pre == 0 {
                    if code > 0 { closeCode() }
                    block()
                    before = out
                    out = ""
                }
                pre += 1
            }
        case "a":
            if closing {
                if let href = links.popLast(), let target = href { out += "](\(Self.destination(target)))" }
            } else {
                let href = literal ? nil : Self.attribute("href", in: attributes)
                links.append(href)
                if href != nil {
                    // Text ending in `!` right before the link would make it an image.
                    if out.last == "!" { out.insert("\\", at: out.index(before: out.endIndex)) }
                    out += "["
                }
            }
        case "ul", "ol":
            guard !literal else { return }
            if closing {
                if lists.popLast() != nil { block(lists.isEmpty ? "\n\n" : "\n") }
            } else {
                block(lists.isEmpty ? "\n\n" : "\n")
                lists.append((name == "ol", 0))
            }
        case "li":
            guard !closing, !literal else { return }
            while out.last == " " { out.removeLast() }
            if !out.isEmpty, out.last != "\n" { out += "\n" }
            // Indentation stops growing at a depth no author writes, so hostile nesting stays linear.
            let depth = min(max(lists.count, 1), 8)
            var marker = "- "
            if let last = lists.indices.last, lists[last].ordered {
                lists[last].count += 1
                marker = "\(lists[last].count). "
            }
            out += String(repeating: "   ", count: depth - 1) + marker
        case "img":
            let alt = Self.attribute("alt", in: attributes) ?? ""
            if literal {
                out += alt
            } else if let src = Self.attribute("src", in: attributes) {
                out += "![\(Self.escaped(alt, after: "[", atLineStart: false))](\(Self.destination(src)))"
            } else {
                out += Self.escaped(alt, after: out.last, atLineStart: atLineStart)
            }
        default:
            if !Self.textOnly.contains(name), !name.isEmpty { unknown.insert(name) }
        }
    }

    /// A link or image target as Markdown reads it back whole: in `<…>` when it holds a space or a
    /// parenthesis, with the angle brackets it holds percent-encoded.
    static func destination(_ url: String) -> String {
        let plain = url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
        return plain.contains { $0.isWhitespace || $0 == "(" || $0 == ")" } ? "<\(plain)>" : plain
    }

    mutating func finished() -> String {
        let breakMark = String(Self.lineBreak)
        // A break that ends a paragraph or the text is no break.
        var result = out.replacingOccurrences(of: breakMark + "\n\n", with: "\n\n")
        while result.last?.isWhitespace == true || result.last == Self.lineBreak { result.removeLast() }
        result = result.replacingOccurrences(of: breakMark, with: "\\")
        while result.contains("\n\n\n") { result = result.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value of attribute `name` in a tag's attribute text, entities decoded.
    static func attribute(_ name: String, in attributes: String) -> String? {
        let chars = Array(attributes)
        var index = 0
        while index < chars.count {
            while index < chars.count, chars[index].isWhitespace || chars[index] == "/" { index += 1 }
            let start = index
            while index < chars.count, !chars[index].isWhitespace, chars[index] != "=", chars[index] != "/" { index += 1 }
            let key = String(chars[start..<index]).lowercased()
            while index < chars.count, chars[index].isWhitespace { index += 1 }
            guard index < chars.count, chars[index] == "=" else {
                if start == index { index += 1 }
                continue
            }
            index += 1
            while index < chars.count, chars[index].isWhitespace { index += 1 }
            var value = ""
            if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
                let quote = chars[index]
                index += 1
                while index < chars.count, chars[index] != quote { value.append(chars[index]); index += 1 }
                index += 1
            } else {
                while index < chars.count, !chars[index].isWhitespace { value.append(chars[index]); index += 1 }
            }
            if key == name { return decoded(value) }
        }
        return nil
    }

    static let named: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " "]

    /// Named (`&lt;`, `&amp;`, …) and numeric (`&#39;`, `&#x27;`) entities decoded; others kept as written.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let entity = after[..<semi]
                var value: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    value = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    value = named[entity.lowercased()]
                }
                if let value {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
