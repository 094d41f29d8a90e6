/// One ATX heading line (`#` to `######`), read the way CommonMark reads it.
///
/// The closing run of `#`s and a trailing `{#id}` are not part of the
/// heading's text: `## Setup {#install} ##` has the text `Setup` and the
/// explicit id `install`. `#hashtag` (no space after the `#`s) is no heading.
struct MarkdownHeading: Equatable {
    var level: Int
    /// The heading's inline Markdown, trimmed, without closing `#`s or `{#id}`.
    var text: String
    /// The id written as `{#id}` at the end of the heading, used verbatim.
    var explicitID: String?

    init(level: Int, text: String, explicitID: String? = nil) {
        self.level = level
        self.text = text
        self.explicitID = explicitID
    }

    /// The heading on this line, or nil when the line is not one.
    init?(_ line: String) {
        guard MarkdownSource.indentation(of: line) <= 3 else { return nil }
        let rest = line.drop { $0 == " " || $0 == "\t" }
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let afterMarks = rest.dropFirst(level)
        guard afterMarks.isEmpty || afterMarks.first == " " || afterMarks.first == "\t" else { return nil }
        var text = Self.removingClosingSequence(MarkdownSource.trimmed(afterMarks))
        var explicitID: String?
        if let (before, id) = Self.splitExplicitID(text) {
            explicitID = id
            text = Self.removingClosingSequence(before)
        }
        self.init(level: level, text: text, explicitID: explicitID)
    }

    /// `Title ##` → `Title`; a run of `#`s counts as closing only after a space or as the whole text.
    private static func removingClosingSequence(_ text: String) -> String {
        let withoutHashes = text.reversed().drop { $0 == "#" }
        if withoutHashes.count == text.count { return text }
        if withoutHashes.isEmpty { return "" }
        guard let last = withoutHashes.first, last == " " || last == "\t" else { return text }
        return MarkdownSource.trimmed(String(withoutHashes.reversed()))
    }

    /// `Title {#id}` → (`Title`, `id`). The id is not empty and holds no whitespace or braces.
    private static func splitExplicitID(_ text: String) -> (String, String)? {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{") else { return nil }
        let hash = text.index(after: brace)
        guard hash < text.endIndex, text[hash] == "#" else { return nil }
        let id = text[text.index(after: hash)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return nil }
        let before = text[..<brace]
        guard before.isEmpty || before.last == " " || before.last == "\t" else { return nil }
        return (MarkdownSource.trimmed(before), String(id))
    }
}
