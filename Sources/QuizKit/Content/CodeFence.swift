/// The opening line of a fenced code block: ```` ``` ```` or `~~~`, three or more long.
///
/// As in CommonMark, only a line of the same character at least as long as
/// the opening one closes the block, so a ```` ```` ```` fence can show a
/// ```` ``` ```` line inside it; a fence never closed runs to the end of the text.
struct CodeFence: Equatable {
    var character: Character
    var length: Int
    /// Columns of indentation before the opening fence (0–3); removed from the lines inside.
    var indent: Int
    /// The info string after the fence, trimmed (`js`, `http`, …).
    var info: String

    /// The fence this line opens, or nil when it opens none.
    static func opening(_ line: String) -> CodeFence? {
        let indent = MarkdownSource.indentation(of: line)
        guard indent <= 3 else { return nil }
        let rest = MarkdownSource.trimmed(line)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = MarkdownSource.trimmed(rest.dropFirst(length))
        if character == "`" && info.contains("`") { return nil }
        return CodeFence(character: character, length: length, indent: indent, info: info)
    }

    /// True when `line` ends the block this fence opened.
    func isClosed(by line: String) -> Bool {
        guard MarkdownSource.indentation(of: line) <= 3 else { return false }
        let rest = MarkdownSource.trimmed(line)
        let run = rest.prefix { $0 == character }.count
        return run >= length && run == rest.count
    }
}
