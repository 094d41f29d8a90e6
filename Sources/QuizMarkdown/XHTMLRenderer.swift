/// Renders Markdown as well-formed XHTML, for the HTML report and exports.
///
/// The markup follows cmark-gfm's own HTML renderer (`<p>`, `<pre><code
/// class="language-js">`, `<br />`, tables with `align`), with one
/// difference: raw HTML an author wrote is escaped and shown as text, never
/// passed through, and HTML comments are dropped. Links to `javascript:`,
/// `vbscript:`, `file:` and (except images) `data:` get an empty `href`, as
/// in cmark-gfm's safe mode. Control characters XML cannot carry are dropped.
public enum XHTMLRenderer {
    /// What becomes of links and images.
    public enum Links: Sendable {
        /// `<a href>` and `<img src>`, as written.
        case kept
        /// For a page that must make no request and lead nowhere else: a link is its text, followed
        /// by its address in parentheses when that differs; an image is its alt text.
        case shownAsText
    }

    public static func render(_ markdown: String, links: Links = .kept) -> String {
        render(MarkdownDocument(markdown), links: links)
    }

    /// `markdown` as inline XHTML when it is a single paragraph (no `<p>` around it), else as blocks.
    public static func inline(_ markdown: String, links: Links = .kept) -> String {
        let document = MarkdownDocument(markdown)
        let blocks = document.root.children
        if blocks.count == 1, case .paragraph = document.nodes[blocks[0]].kind {
            var writer = Writer(document: document, links: links)
            return writer.run(from: blocks[0], includingSelf: false)
        }
        return render(document, links: links)
    }

    public static func render(_ document: MarkdownDocument, links: Links = .kept) -> String {
        var writer = Writer(document: document, links: links)
        return writer.run(from: 0, includingSelf: true)
    }

    private enum Step {
        case enter(Int)
        /// Closing markup, after a line break when `startsLine` and the output is mid-line.
        case close(String, startsLine: Bool)
    }

    private typealias Closing = (markup: String, startsLine: Bool)

    private struct Writer {
        let document: MarkdownDocument
        let links: Links
        /// The parent of each node, nil for the document.
        let parents: [Int?]
        var out = ""

        init(document: MarkdownDocument, links: Links) {
            self.document = document
            self.links = links
            var parents = [Int?](repeating: nil, count: document.nodes.count)
            for (index, node) in document.nodes.enumerated() {
                for child in node.children { parents[child] = index }
            }
            self.parents = parents
        }

        mutating func run(from start: Int, includingSelf: Bool) -> String {
            var stack: [Step] = includingSelf ? [.enter(start)] : document.nodes[start].children.reversed().map { .enter($0) }
            while let step = stack.popLast() {
                switch step {
                case .close(let markup, let startsLine):
                    if startsLine { newline() }
                    out += markup
                case .enter(let index):
                    guard let closing = enter(index) else { continue }
                    stack.append(.close(closing.markup, startsLine: closing.startsLine))
                    stack.append(contentsOf: document.nodes[index].children.reversed().map { .enter($0) })
                }
            }
            return out
        }

        /// Starts a line unless at the start of one, as cmark's `cr()` does.
        private mutating func newline() {
            if let last = out.last, last != "\n" { out += "\n" }
        }

        /// Writes the node's opening markup (or all of it, for leaves and images) and returns
        /// its closing markup, nil when its children are not to be written.
        private mutating func enter(_ index: Int) -> Closing? {
            let node = document.nodes[index]
            switch node.kind {
            case .document, .other:
                return ("", false)
            case .blockQuote:
                newline()
                out += "<blockquote>\n"
                return ("</blockquote>\n", true)
            case .bulletList:
                newline()
                out += "<ul>\n"
                return ("</ul>\n", true)
            case .orderedList(let start, _, _):
                newline()
                out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
                return ("</ol>\n", true)
            case .item:
                newline()
                out += "<li>"
                return ("</li>\n", false)
            case .codeBlock(let info, let code):
                newline()
                let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(Self.escape(language))\">"
                out += Self.escape(code) + "</code></pre>\n"
            case .htmlBlock(let html):
                guard !Self.isComment(html) else { return nil }
                newline()
                out += "<p>" + Self.escape(html.trimmingTrailingNewlines()) + "</p>\n"
            case .paragraph:
                if isInTightList(index) { return ("", false) }
                newline()
                out += "<p>"
                return ("</p>\n", false)
            case .heading(let level):
                newline()
                out += "<h\(level)>"
                return ("</h\(level)>\n", false)
            case .thematicBreak:
                newline()
                out += "<hr />\n"
            case .table:
                newline()
                out += "<table>\n"
                return (node.children.count > 1 ? "</tbody>\n</table>\n" : "</table>\n", true)
            case .tableRow:
                let number = parents[index].flatMap { document.nodes[$0].children.firstIndex(of: index) } ?? 0
                newline()
                out += number == 0 ? "<thead>\n<tr>\n" : number == 1 ? "<tbody>\n<tr>\n" : "<tr>\n"
                return (number == 0 ? "</tr>\n</thead>\n" : "</tr>\n", true)
            case .tableCell:
                return tableCell(index)
            case .text(let text):
                out += Self.escape(text)
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br />\n"
            case .code(let code):
                out += "<code>" + Self.escape(code) + "</code>"
            case .inlineHTML(let html):
                if !Self.isComment(html) { out += Self.escape(html) }
                return nil
            case .emphasis:
                out += "<em>"
                return ("</em>", false)
            case .strong:
                out += "<strong>"
                return ("</strong>", false)
            case .strikethrough:
                out += "<del>"
                return ("</del>", false)
            case .link(let destination, _) where links == .shownAsText:
                let shown = destination.hasPrefix("mailto:") ? String(destination.dropFirst(7)) : destination
                let text = document.plainText(of: index)
                let suffix = destination.isEmpty || shown == text || shown == "http://" + text ? "" : " (" + Self.escape(destination) + ")"
                return (suffix, false)
            case .image(let source, _) where links == .shownAsText:
                let text = document.plainText(of: index)
                out += Self.escape(text.isEmpty ? source : text)
            case .link(let destination, let title):
                out += "<a href=\"" + Self.escapeHref(Self.safe(destination, image: false)) + "\""
                if !title.isEmpty { out += " title=\"" + Self.escape(title) + "\"" }
                out += ">"
                return ("</a>", false)
            case .image(let source, let title):
                out += "<img src=\"" + Self.escapeHref(Self.safe(source, image: true)) + "\" alt=\""
                out += Self.escape(document.plainText(of: index)) + "\""
                if !title.isEmpty { out += " title=\"" + Self.escape(title) + "\"" }
                out += " />"
            }
            return nil
        }

        private func isInTightList(_ paragraph: Int) -> Bool {
            guard let item = parents[paragraph], let list = parents[item] else { return false }
            switch document.nodes[list].kind {
            case .bulletList(let tight), .orderedList(_, _, let tight): return tight
            default: return false
            }
        }

        private mutating func tableCell(_ index: Int) -> Closing {
            guard let row = parents[index], let table = parents[row],
                  case .table(let alignments) = document.nodes[table].kind,
                  case .tableRow(let isHeader) = document.nodes[row].kind else { return ("", false) }
            let column = document.nodes[row].children.firstIndex(of: index) ?? 0
            let tag = isHeader ? "th" : "td"
            out += "<\(tag)"
            switch column < alignments.count ? alignments[column] : .none {
            case .left: out += " align=\"left\""
            case .center: out += " align=\"center\""
            case .right: out += " align=\"right\""
            case .none: break
            }
            out += ">"
            return ("</\(tag)>\n", false)
        }

        static func isComment(_ html: String) -> Bool {
            html.drop { $0 == " " }.hasPrefix("<!--")
        }

        /// `&`, `<`, `>` and `"` as references (apostrophes kept, as cmark-gfm writes them).
        static func escape(_ text: String) -> String {
            XMLEscape.escaped(text, apostrophe: false)
        }

        /// A URL for `href` or `src`: bytes outside the URL-safe set percent-encoded, as cmark-gfm does.
        static func escapeHref(_ url: String) -> String {
            var result = ""
            for byte in url.utf8 {
                switch byte {
                case UInt8(ascii: "&"): result += "&amp;"
                case UInt8(ascii: "'"): result += "&#x27;"
                case _ where hrefSafe(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = Array("0123456789ABCDEF")
                    result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
                }
            }
            return result
        }

        private static func hrefSafe(_ byte: UInt8) -> Bool {
            if byte >= 0x80 { return false }
            let character = Character(Unicode.Scalar(byte))
            return character.isLetter || character.isNumber || "-_.+!*(),%#@?=;:/$~".contains(character)
        }

        /// `destination`, or empty when it would run script or read a local file.
        static func safe(_ destination: String, image: Bool) -> String {
            let lower = destination.lowercased()
            if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return "" }
            if lower.hasPrefix("data:") {
                let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                return image && images.contains(where: lower.hasPrefix) ? destination : ""
            }
            return destination
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }
}
