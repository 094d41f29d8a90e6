import QuizMarkdown

/// A small XML tree, written with every attribute and text escaped, for the QTI export.
///
/// Author text only ever enters as `.text` (escaped) or as `.markup` made by `XHTMLRenderer`,
/// which escapes raw HTML and always gives well-formed XHTML.
indirect enum XMLTree: Sendable, Equatable {
    /// An element with its attributes in the order written and its children.
    case element(String, [(String, String)], [XMLTree])
    /// Character data, escaped when written.
    case text(String)
    /// Well-formed markup from the XHTML renderer, written as it is.
    case markup(String)

    /// An element; attributes with a nil value are left out.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [XMLTree] = []) -> XMLTree {
        .element(name, attributes.compactMap { key, value in value.map { (key, $0) } }, children)
    }

    /// The tree as an XML document, with its declaration and two-space indentation.
    var document: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(into: &out, indent: 0)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .text(let value): out += XMLEscape.escaped(value)
        case .markup(let value): out += value
        case .element(let name, let attributes, let children):
            let pad = String(repeating: "  ", count: indent)
            out += pad + "<" + name
            for (key, value) in attributes { out += " \(key)=\"\(XMLEscape.escaped(value, inAttribute: true))\"" }
            if children.isEmpty {
                out += "/>\n"
                return
            }
            out += ">"
            // Elements holding only elements are indented; mixed or text content is kept as is.
            let onlyElements = children.allSatisfy { if case .element = $0 { true } else { false } }
            if onlyElements {
                out += "\n"
                for child in children { child.write(into: &out, indent: indent + 1) }
                out += pad
            } else {
                for child in children {
                    if case .element = child {
                        var inner = ""
                        child.write(into: &inner, indent: 0)
                        out += inner.hasSuffix("\n") ? String(inner.dropLast()) : inner
                    } else {
                        child.write(into: &out, indent: 0)
                    }
                }
            }
            out += "</\(name)>\n"
        }
    }

    static func == (a: XMLTree, b: XMLTree) -> Bool { a.document == b.document }
}
