/// A heading as an author wrote it: level, text and an explicit `{#id}`, with its place.
///
/// The closing run of `#`s and a trailing `{#id}` are not part of the text:
/// `## Setup {#install} ##` has the text `Setup` and the explicit id
/// `install`. `text` is inline Markdown as written (`` The `EventSource` API ``);
/// `plainText` is what a reader sees (`The EventSource API`). The range is
/// left out of equality.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var explicitID: String?
    public var plainText: String
    /// True for `#` headings, false for setext ones (a line underlined with `===` or `---`).
    public var isATX: Bool
    /// False for a heading inside a block quote or list item.
    public var isTopLevel: Bool
    public var range: SourceRange?

    public init(level: Int, text: String, explicitID: String? = nil, plainText: String? = nil,
                isATX: Bool = true, isTopLevel: Bool = true, range: SourceRange? = nil) {
        self.level = level
        self.text = text
        self.explicitID = explicitID
        self.plainText = plainText ?? text
        self.isATX = isATX
        self.isTopLevel = isTopLevel
        self.range = range
    }

    public static func == (a: MarkdownHeading, b: MarkdownHeading) -> Bool {
        (a.level, a.text, a.explicitID, a.plainText, a.isATX, a.isTopLevel)
            == (b.level, b.text, b.explicitID, b.plainText, b.isATX, b.isTopLevel)
    }

    /// `Title ##` → `Title`; a run of `#`s counts as closing only after a space or as the whole text.
    static func removingClosingSequence(_ text: String) -> String {
        let withoutHashes = text.reversed().drop { $0 == "#" }
        if withoutHashes.count == text.count { return text }
        if withoutHashes.isEmpty { return "" }
        guard let last = withoutHashes.first, last == " " || last == "\t" else { return text }
        return trimmed(String(withoutHashes.reversed()))
    }

    /// `Title {#id}` → (`Title`, `id`). The id is not empty and holds no whitespace or braces.
    static func splitExplicitID(_ text: String) -> (String, String)? {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{") else { return nil }
        let hash = text.index(after: brace)
        guard hash < text.endIndex, text[hash] == "#" else { return nil }
        let id = text[text.index(after: hash)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return nil }
        let before = text[..<brace]
        guard before.isEmpty || before.last == " " || before.last == "\t" else { return nil }
        return (trimmed(before), String(id))
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return String(text[start..<max(start, end)])
    }
}

extension MarkdownDocument {
    /// Every heading in document order, nested ones included (they take slugs on GitHub too).
    public var headings: [MarkdownHeading] {
        let topLevel = Set(root.children)
        return nodes.indices.compactMap { index in
            guard case .heading(let level) = nodes[index].kind, let range = nodes[index].range else { return nil }
            return heading(index, level: level, range: range, isTopLevel: topLevel.contains(index))
        }
    }

    private func heading(_ index: Int, level: Int, range: SourceRange, isTopLevel: Bool) -> MarkdownHeading {
        let first = source.line(range.startLine)
        let column = first.unicodeScalars.index(first.unicodeScalars.startIndex, offsetBy: max(0, range.startColumn - 1),
                                                limitedBy: first.unicodeScalars.endIndex) ?? first.endIndex
        let start = MarkdownHeading.trimmed(first[column...])
        let isATX = start.hasPrefix("#")
        var text: String
        if isATX {
            text = MarkdownHeading.removingClosingSequence(MarkdownHeading.trimmed(start.drop { $0 == "#" }))
        } else {
            let lines = [start] + (range.startLine + 1 < range.endLine ? (range.startLine + 1..<range.endLine).map { source.line($0) } : [])
            text = lines.map { MarkdownHeading.trimmed($0) }.joined(separator: " ")
        }
        var explicitID: String?
        var plain = plainText(of: index)
        if let (before, id) = MarkdownHeading.splitExplicitID(text) {
            explicitID = id
            text = isATX ? MarkdownHeading.removingClosingSequence(before) : before
            plain = MarkdownDocument.plainText(inline: text)
        }
        return MarkdownHeading(level: level, text: text, explicitID: explicitID, plainText: plain,
                               isATX: isATX, isTopLevel: isTopLevel, range: range)
    }
}
