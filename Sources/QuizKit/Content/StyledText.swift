/// Inline Markdown turned into text with terminal styles, ready to wrap.
///
/// Markers are gone (`**bold**` is `bold` in bold); without color a code span
/// keeps its backticks so it still reads as code, and a link shows its address
/// in parentheses. Wrapping breaks only between words: a word or URL longer
/// than the width gets a line of its own and is never split.
struct StyledText {
    struct Style: OptionSet, Hashable {
        let rawValue: Int
        static let bold = Style(rawValue: 1)
        static let dim = Style(rawValue: 2)
        static let italic = Style(rawValue: 4)
        static let underline = Style(rawValue: 8)
    }

    struct Piece {
        var text: String
        var style: Style
    }

    /// One rendered line and the columns it takes on screen (escape codes not counted).
    struct Line {
        var text: String
        var width: Int
    }

    private(set) var pieces: [Piece] = []

    init(_ spans: [InlineMarkdown.Span], base: Style = [], color: Bool) {
        append(spans, style: base, color: color)
    }

    init(markdown: String, base: Style = [], color: Bool) {
        self.init(InlineMarkdown.parse(markdown), base: base, color: color)
    }

    private mutating func append(_ spans: [InlineMarkdown.Span], style: Style, color: Bool) {
        for span in spans {
            switch span {
            case .text(let text):
                pieces.append(Piece(text: text, style: style))
            case .code(let code):
                if color {
                    pieces.append(Piece(text: code, style: style.union(.underline)))
                } else {
                    var fence = "`"
                    while code.contains(fence) { fence += "`" }
                    let padding = fence.count > 1 ? " " : ""
                    pieces.append(Piece(text: fence + padding + code + padding + fence, style: style))
                }
            case .strong(let inner):
                append(inner, style: style.union(.bold), color: color)
            case .emphasis(let inner):
                append(inner, style: style.union(.italic), color: color)
            case .link(let inner, let destination), .image(let inner, let destination):
                append(inner, style: style, color: color)
                let shown = destination.hasPrefix("mailto:") ? String(destination.dropFirst(7)) : destination
                if !destination.isEmpty, !destination.hasPrefix("#"), shown != InlineMarkdown.plainText(inner) {
                    pieces.append(Piece(text: " (" + destination + ")", style: style.union(.dim)))
                }
            case .html:
                break
            case .lineBreak:
                pieces.append(Piece(text: "\n", style: style))
            }
        }
    }

    private struct Word {
        var pieces: [Piece] = []
        var width = 0
        /// Style of the whitespace before the word, so a space inside a bold phrase stays bold.
        var spaceStyle: Style = []
    }

    /// The words, grouped into the runs between hard line breaks.
    private var paragraphs: [[Word]] {
        var result: [[Word]] = [[]]
        var word = Word()
        var pendingSpace: Style?
        func endWord() {
            guard !word.pieces.isEmpty else { return }
            result[result.count - 1].append(word)
            word = Word()
        }
        for piece in pieces {
            for character in piece.text {
                if character == "\n" {
                    endWord()
                    result.append([])
                    pendingSpace = nil
                } else if character.isWhitespace {
                    endWord()
                    pendingSpace = pendingSpace.map { $0.intersection(piece.style) } ?? piece.style
                } else {
                    if word.pieces.isEmpty {
                        word.spaceStyle = pendingSpace ?? []
                        pendingSpace = nil
                    }
                    if word.pieces.last?.style == piece.style {
                        word.pieces[word.pieces.count - 1].text.append(character)
                    } else {
                        word.pieces.append(Piece(text: String(character), style: piece.style))
                    }
                    word.width += DisplayWidth.of(character)
                }
            }
        }
        endWord()
        return result
    }

    /// The text on one line, whitespace runs collapsed to one space.
    func singleLine(color: Bool) -> Line {
        let words = paragraphs.flatMap { $0 }
        return Self.render(words, color: color)
    }

    /// The text wrapped to `width` columns; at least one line, which may be empty.
    func wrapped(width: Int, color: Bool) -> [Line] {
        var lines: [Line] = []
        for paragraph in paragraphs {
            var current: [Word] = []
            var currentWidth = 0
            for word in paragraph {
                if !current.isEmpty, currentWidth + 1 + word.width > width {
                    lines.append(Self.render(current, color: color))
                    current = []
                    currentWidth = 0
                }
                currentWidth += (current.isEmpty ? 0 : 1) + word.width
                current.append(word)
            }
            lines.append(Self.render(current, color: color))
        }
        return lines
    }

    /// The width of the longest word: the narrowest this text can wrap to.
    var longestWord: Int {
        paragraphs.flatMap { $0 }.map(\.width).max() ?? 0
    }

    private static func render(_ words: [Word], color: Bool) -> Line {
        var pieces: [Piece] = []
        var width = 0
        for (index, word) in words.enumerated() {
            if index > 0 {
                pieces.append(Piece(text: " ", style: word.spaceStyle))
                width += 1
            }
            pieces += word.pieces
            width += word.width
        }
        return Line(text: color ? ansi(pieces) : pieces.map(\.text).joined(), width: width)
    }

    private static func ansi(_ pieces: [Piece]) -> String {
        var out = ""
        var current: Style = []
        for piece in pieces {
            if piece.style != current {
                if !current.isEmpty { out += reset }
                out += codes(piece.style)
                current = piece.style
            }
            out += piece.text
        }
        if !current.isEmpty { out += reset }
        return out
    }

    static let reset = "\u{1B}[0m"

    /// The escape sequence that turns `style` on; empty for no style.
    static func codes(_ style: Style) -> String {
        var numbers: [String] = []
        if style.contains(.bold) { numbers.append("1") }
        if style.contains(.dim) { numbers.append("2") }
        if style.contains(.italic) { numbers.append("3") }
        if style.contains(.underline) { numbers.append("4") }
        return numbers.isEmpty ? "" : "\u{1B}[" + numbers.joined(separator: ";") + "m"
    }
}
