/// Markdown read by cmark-gfm (CommonMark plus GitHub's tables, strikethrough
/// and autolinks) into a tree whose every node knows where it was written.
///
/// The C tree is converted once and freed; what stays is a flat array of
/// `MarkdownNode`s in document order, `nodes[0]` being the document. Raw HTML
/// is kept as `htmlBlock`/`inlineHTML` nodes for renderers to escape or drop.
public struct MarkdownDocument: Sendable {
    /// Every node in document order (a parent before its children); `nodes[0]` is the document.
    public let nodes: [MarkdownNode]
    /// The source, kept to read headings as written.
    let source: ColumnTable

    /// Parses `text`; any text is a document, so parsing never fails.
    public init(_ text: String) {
        (nodes, source) = CommonMarkConverter.convert(text)
    }

    public var root: MarkdownNode { nodes[0] }

    public func children(of node: MarkdownNode) -> [MarkdownNode] { node.children.map { nodes[$0] } }

    /// What a reader sees of the node at `index`: text and code kept, markers,
    /// raw HTML and link destinations gone, line breaks as spaces.
    public func plainText(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let next = stack.popLast() {
            let node = nodes[next]
            switch node.kind {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += " "
            case .inlineHTML, .htmlBlock: continue
            default: break
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }

    /// Inline Markdown on its own, its lines joined as one: a heading's text, a choice, a
    /// prompt read as running text. Returns the document and the node holding the inlines.
    public static func inline(_ markdown: String) -> (document: MarkdownDocument, node: Int) {
        let document = MarkdownDocument("# " + markdown.split(whereSeparator: \.isNewline).joined(separator: " "))
        return (document, document.root.children.first ?? 0)
    }

    /// Author Markdown made safe to embed in a Markdown page: written back by cmark-gfm with the
    /// angle brackets of every piece of raw HTML as entities, so `<script>` shows as written
    /// instead of running, and code spans and fences keep theirs.
    /// Text without `<` cannot hold HTML and is returned as it is, keeping the author's layout.
    public static func rawHTMLAsText(_ markdown: String) -> String {
        guard markdown.contains("<") else { return markdown }
        guard var written = CommonMarkConverter.rawHTMLAsText(markdown) else {
            return markdown.map { $0 == "<" ? "&lt;" : String($0) }.joined()
        }
        while written.last?.isNewline == true { written.removeLast() }
        return written
    }

    /// The plain text of inline Markdown: `` `a_b` *c* `` → `a_b c`.
    public static func plainText(inline markdown: String) -> String {
        let (document, node) = inline(markdown)
        return document.plainText(of: node)
    }

    /// The tree as indented lines, one per node, with its range: `heading(level: 2) 3:1-3:9`.
    public var dump: String {
        var lines: [String] = []
        var stack = [(index: 0, depth: 0)]
        while let (index, depth) = stack.popLast() {
            let node = nodes[index]
            let place = node.range.map { " \($0)" } ?? ""
            lines.append(String(repeating: "  ", count: depth) + "\(node.kind)" + place)
            stack.append(contentsOf: node.children.reversed().map { ($0, depth + 1) })
        }
        return lines.joined(separator: "\n")
    }
}
