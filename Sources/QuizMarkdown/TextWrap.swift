/// The one word-boundary wrap: terminal Markdown, session lines, tables and
/// the text report all break lines here, measuring by `DisplayWidth`.
///
/// Lines break only at whitespace; a word wider than the room (a long URL, a
/// line of code) gets a line of its own and is never split. Continuation lines
/// start at a hanging indent.
public enum TextWrap {
    /// The words, by width, grouped into lines: the first line starts at column `indent`,
    /// later ones at `hanging`, none passing `width` unless one word alone does.
    public static func lines(wordWidths widths: [Int], width: Int, indent: Int = 0, hanging: Int = 0) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var column = indent
        for (index, wordWidth) in widths.enumerated() {
            if index > start, column + 1 + wordWidth > width {
                result.append(start..<index)
                start = index
                column = hanging
            }
            column += (index > start ? 1 : 0) + wordWidth
        }
        result.append(start..<widths.count)
        return result
    }

    /// `text` split at whitespace and wrapped to `width` columns, every line starting with `indent` spaces
    /// and later ones with `hanging` spaces when given. Whitespace runs become one space.
    public static func wrap(_ text: some StringProtocol, width: Int, indent: Int = 0, hanging: Int? = nil) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace)
        let hanging = hanging ?? indent
        let groups = lines(wordWidths: words.map { DisplayWidth.of($0) }, width: width, indent: indent, hanging: hanging)
        return groups.enumerated().map { number, group in
            String(repeating: " ", count: number == 0 ? indent : hanging) + words[group].joined(separator: " ")
        }
    }

    /// One line of session text wrapped to `width`: its leading spaces kept, and later lines
    /// indented past a `A) ` or `12) ` label when it starts with one, so options read as a column.
    public static func wrapLine(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        var hanging = leading
        if let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 2,
           rest[rest.startIndex..<close].allSatisfy({ $0.isLetter || $0.isNumber }) {
            hanging = leading + rest.distance(from: rest.startIndex, to: close) + 2
        }
        let words = rest.split(separator: " ")
        let groups = lines(wordWidths: words.map { DisplayWidth.of($0) }, width: width, indent: leading, hanging: hanging)
        return groups.enumerated().map { number, group in
            String(repeating: " ", count: number == 0 ? leading : hanging) + words[group].joined(separator: " ")
        }.joined(separator: "\n")
    }
}
