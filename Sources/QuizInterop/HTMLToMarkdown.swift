import Foundation

/// HTML text, as Moodle stores it for `[html]` questions, turned into the Markdown a bank holds.
///
/// Paragraphs, line breaks, bold, italics, code, preformatted blocks, links, lists and images
/// become their Markdown; `sub` and `sup` keep their text. Any other tag is dropped with its
/// text kept, and its name is listed in `unconverted` so the caller can say so. Entities are
/// decoded. The conversion is one pass with explicit stacks, so deep nesting cannot exhaust
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

    static let textOnly: Set<String> = ["sub", "sup"]

    mutating func run(_ chars: [Character]) {
        var index = 0
        let lastClose = chars.lastIndex(of: ">") ?? -1
        while index < chars.count {
            let character = chars[index]
            guard character == "<" else {
                text.append(character)
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
        out += decoded
    }

    mutating func block(_ separator: String = "\n\n") {
        while out.last == " " { out.removeLast() }
        if !out.isEmpty { out += separator }
    }

    mutating func tag(_ body: String) {
        let closing = body.hasPrefix("/")
        let rest = closing ? body.dropFirst() : Substring(body)
        let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
        let attributes = String(rest.dropFirst(name.count))
        switch name {
        case "p":
            block()
        case "br":
            out += pre > 0 ? "\n" : "\\\n"
        case "strong", "b":
            if pre == 0 { out += "**" }
        case "em", "i":
            if pre == 0 { out += "*" }
        case "code":
            if pre == 0 { out += "`" }
        case "pre":
            if closing {
                if pre > 0 {
                    pre -= 1
                    if pre == 0 {
                        if out.last != "\n" { out += "\n" }
                        out += "```\n\n"
                    }
                }
            } else {
                if pre == 0 {
                    block()
                    out += "```\n"
                }
                pre += 1
            }
        case "a":
            if closing {
                if let href = links.popLast(), let target = href { out += "](\(target))" }
            } else {
                let href = Self.attribute("href", in: attributes)
                links.append(href)
                if href != nil { out += "[" }
            }
        case "ul", "ol":
            if closing {
                if lists.popLast() != nil { block(lists.isEmpty ? "\n\n" : "\n") }
            } else {
                block(lists.isEmpty ? "\n\n" : "\n")
                lists.append((name == "ol", 0))
            }
        case "li":
            guard !closing else { return }
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
            if let src = Self.attribute("src", in: attributes) { out += "![\(alt)](\(src))" } else { out += alt }
        default:
            if !Self.textOnly.contains(name), !name.isEmpty { unknown.insert(name) }
        }
    }

    mutating func finished() -> String {
        var result = out.replacingOccurrences(of: "\\\n\n", with: "\n\n")
        while result.last?.isWhitespace == true { result.removeLast() }
        if result.hasSuffix("\\"), out.hasSuffix("\\\n") { result.removeLast() }
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
