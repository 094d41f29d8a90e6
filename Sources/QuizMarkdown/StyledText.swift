/// The inline content of one block turned into text with terminal styles, ready to wrap.
///
/// Markers are gone (`**bold**` is `bold` in bold); without color a code span
/// keeps its backticks so it still reads as code, and a link shows its address
/// in parentheses after its text unless the text is the address. Raw HTML is
/// dropped. Built with an explicit stack, so deeply nested emphasis is no risk.
struct StyledText {
    struct Style: OptionSet, Hashable {
        let rawValue: Int
        static let bold = Style(rawValue: 1)
        static let dim = Style(rawValue: 2)
        static let italic = Style(rawValue: 4)
        static let underline = Style(rawValue: 8)
        static let strikethrough = Style(rawValue: 16)
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

    /// No text: an empty table cell.
    init() {}

    private enum Step {
        case enter(Int, Style)
        case append(Piece)
    }

    /// The inline children of the node at `index` in `document`.
    init(_ document: MarkdownDocument, node index: Int, base: Style = [], color: Bool) {
        var stack: [Step] = document.nodes[index].children.reversed().map { .enter($0, base) }
        while let step = stack.popLast() {
            switch step {
            case .append(let piece):
                pieces.append(piece)
            case .enter(let child, let style):
                let node = document.nodes[child]
                var inner = style
                switch node.kind {
                case .text(let text):
                    pieces.append(Piece(text: text, style: style))
                case .softBreak:
                    pieces.append(Piece(text: " ", style: style))
                case .lineBreak:
                    pieces.append(Piece(text: "\n", style: style))
                case .code(let code):
                    pieces.append(Self.code(code, style: style, color: color))
                case .strong: inner.insert(.bold)
                case .emphasis: inner.insert(.italic)
                case .strikethrough: inner.insert(color ? .strikethrough : [])
                case .link(let destination, _), .image(let destination, _):
                    let text = document.plainText(of: child)
                    let shown = destination.hasPrefix("mailto:") ? String(destination.dropFirst(7)) : destination
                    if !destination.isEmpty, !destination.hasPrefix("#"), shown != text, shown != "http://" + text {
                        stack.append(.append(Piece(text: " (" + destination + ")", style: style.union(.dim))))
                    }
                case .inlineHTML, .htmlBlock:
                    continue
                default:
                    break
                }
                stack.append(contentsOf: node.children.reversed().map { .enter($0, inner) })
            }
        }
    }

    private static func code(_ code: String, style: Style, color: Bool) -> Piece {
        if color { return Piece(text: code, style: style.union(.underline)) }
        var fence = "`"
        while code.contains(fence) { fence += "`" }
        let padding = fence.count > 1 ? " " : ""
        return Piece(text: fence + padding + code + padding + fence, style: style)
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
        Self.render(paragraphs.flatMap { $0 }[...], color: color)
    }

    /// The text wrapped to `width` columns; at least one line, which may be empty.
    func wrapped(width: Int, color: Bool) -> [Line] {
        paragraphs.flatMap { words in
            TextWrap.lines(wordWidths: words.map(\.width), width: width).map { Self.render(words[$0], color: color) }
        }
    }

    /// The width of the longest word: the narrowest this text can wrap to.
    var longestWord: Int {
        paragraphs.flatMap { $0 }.map(\.width).max() ?? 0
    }

    private static func render(_ words: ArraySlice<Word>, color: Bool) -> Line {
        var pieces: [Piece] = []
        var width = 0
        for (offset, word) in words.enumerated() {
            if offset > 0 {
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
        if style.contains(.strikethrough) { numbers.append("9") }
        return numbers.isEmpty ? "" : "\u{1B}[" + numbers.joined(separator: ";") + "m"
    }
}
