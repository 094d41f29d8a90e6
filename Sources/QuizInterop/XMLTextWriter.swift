import Foundation
import QuizMarkdown

/// An XML document written element by element, two spaces per level, with every text and
/// attribute escaped and every CDATA section safe whatever its text holds.
struct XMLTextWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    private var indent: String { String(repeating: "  ", count: open.count) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLEscape.escaped($0.1, inAttribute: true))\"" }.joined()
    }

    /// Opens `name`; everything written until `close()` goes inside it.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\n"
        open.append(name)
    }

    /// Closes the element opened last.
    mutating func close() {
        guard let name = open.popLast() else { return }
        text += "\(indent)</\(name)>\n"
    }

    /// `<name>value</name>` on one line, the value escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], value: String) {
        text += "\(indent)<\(name)\(Self.attributes(attributes))>\(XMLEscape.escaped(value, apostrophe: false))</\(name)>\n"
    }

    /// `<name><![CDATA[value]]></name>` on one line; `<name></name>` when `value` is empty.
    mutating func cdataElement(_ name: String, value: String) {
        guard !value.isEmpty else { return text += "\(indent)<\(name)></\(name)>\n" }
        text += "\(indent)<\(name)>\(Self.cdata(value))</\(name)>\n"
    }

    /// A comment; `--` in it is spaced apart, since XML forbids it there.
    mutating func comment(_ value: String) {
        var body = value
        while body.contains("--") { body = body.replacingOccurrences(of: "--", with: "- -") }
        if body.hasSuffix("-") { body += " " }
        text += "\(indent)<!-- \(body) -->\n"
    }

    /// A CDATA section holding `value`: a `]]>` in it ends one section and opens the next
    /// between its `]]` and `>`, and characters XML cannot carry are dropped.
    static func cdata(_ value: String) -> String {
        var clean = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r": clean.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": continue
            case _ where scalar.properties.generalCategory == .control: continue
            default: clean.unicodeScalars.append(scalar)
            }
        }
        return "<![CDATA[" + clean.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}
