/// Renders a section body for a terminal: paragraphs re-wrapped to the
/// width, lists with hanging indents, block quotes behind `│ `, code blocks
/// indented and never wrapped, pipe tables lined up.
///
/// With `color: false` the output is plain text that still reads as Markdown
/// where it matters (code keeps its backticks); with `color: true` bold,
/// italic, code (underlined), headings (bold) and code blocks (dim) use ANSI
/// escapes. The result has no trailing newline and no trailing spaces.
public enum TerminalMarkdown {
    public static func render(_ markdown: String, width: Int, color: Bool) -> String {
        let renderer = Renderer(color: color)
        return renderer.blocks(MarkdownSource.lines(of: markdown), width: max(width, 1), tight: false, depth: 0, nesting: 0)
            .joined(separator: "\n")
    }

    /// True when `line` starts a block that ends a paragraph before it.
    static func startsBlock(_ line: String) -> Bool {
        CodeFence.opening(line) != nil || MarkdownHeading(line) != nil || quoteContent(line) != nil
            || isThematicBreak(line) || MarkdownSource.opensComment(line)
            || ListMarker(line).map { $0.hasContent && ($0.number ?? 1) == 1 } ?? false
    }

    static func isThematicBreak(_ line: String) -> Bool {
        guard MarkdownSource.indentation(of: line) <= 3 else { return false }
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard let first = marks.first, "-*_".contains(first) else { return false }
        return marks.count >= 3 && marks.allSatisfy { $0 == first }
    }

    /// The line inside a block quote (`> text` → `text`), or nil when the line is not quoted.
    static func quoteContent(_ line: String) -> String? {
        guard MarkdownSource.indentation(of: line) <= 3 else { return nil }
        let rest = line.drop { $0 == " " }
        guard rest.first == ">" else { return nil }
        let content = rest.dropFirst()
        return String(content.first == " " ? content.dropFirst() : content)
    }

    /// `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line.
    struct ListMarker {
        /// The number of an ordered item, nil for a bullet.
        var number: Int?
        /// The marker character: `-`, `*`, `+`, `.` or `)`.
        var symbol: Character
        /// Columns from the start of the line to the item's content.
        var contentIndent: Int
        var hasContent: Bool
        /// The item's first line of content, after the marker.
        var firstLine: String

        init?(_ line: String) {
            let indent = MarkdownSource.indentation(of: line)
            guard indent <= 3 else { return nil }
            let rest = line.drop { $0 == " " || $0 == "\t" }
            var markerWidth = 1
            if let first = rest.first, "-*+".contains(first) {
                number = nil
                symbol = first
            } else {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard (1...9).contains(digits.count), let value = Int(digits),
                      let delimiter = rest.dropFirst(digits.count).first, delimiter == "." || delimiter == ")" else { return nil }
                number = value
                symbol = delimiter
                markerWidth = digits.count + 1
            }
            let afterMarker = rest.dropFirst(markerWidth)
            guard afterMarker.isEmpty || afterMarker.first == " " || afterMarker.first == "\t" else { return nil }
            let spaces = MarkdownSource.indentation(of: afterMarker)
            hasContent = !MarkdownSource.isBlank(afterMarker)
            let gap = hasContent && spaces <= 4 ? spaces : 1
            contentIndent = indent + markerWidth + gap
            firstLine = hasContent ? MarkdownSource.removingIndentation(gap, from: String(afterMarker)) : ""
        }

        func continues(_ other: ListMarker) -> Bool {
            (number == nil) == (other.number == nil) && symbol == other.symbol
        }
    }

    private struct Renderer {
        let color: Bool

        /// Quotes and lists nested deeper than this are shown as plain text, so
        /// a hostile `>>>>…` line cannot exhaust the stack.
        static let maxNesting = 32

        /// Renders block-level Markdown. In a tight list item blocks are
        /// separated by a blank line only where the source has one. `depth`
        /// counts enclosing lists (it picks the bullet), `nesting` lists and quotes.
        func blocks(_ lines: [String], width: Int, tight: Bool, depth: Int, nesting: Int) -> [String] {
            let nests = nesting < Self.maxNesting
            var out: [String] = []
            var index = 0
            var blankBefore = false
            var afterHeading = false
            while index < lines.count {
                let line = lines[index]
                if MarkdownSource.isBlank(line) {
                    blankBefore = true
                    index += 1
                    continue
                }
                var block: [String]
                var isHeading = false
                if let fence = CodeFence.opening(line) {
                    var end = index + 1
                    while end < lines.count, !fence.isClosed(by: lines[end]) { end += 1 }
                    block = code(lines[(index + 1)..<end].map { MarkdownSource.removingIndentation(fence.indent, from: $0) })
                    index = min(end + 1, lines.count)
                } else if let heading = MarkdownHeading(line) {
                    block = StyledText(markdown: heading.text, base: .bold, color: color).wrapped(width: width, color: color).map(\.text)
                    isHeading = true
                    index += 1
                } else if MarkdownSource.opensComment(line) {
                    var opening = true
                    while index < lines.count, !MarkdownSource.closesComment(lines[index], opening: opening) {
                        index += 1
                        opening = false
                    }
                    index += 1
                    continue
                } else if isThematicBreak(line) {
                    block = [String(repeating: "─", count: width)]
                    index += 1
                } else if MarkdownSource.indentation(of: line) >= 4 {
                    var end = index
                    while end < lines.count, MarkdownSource.isBlank(lines[end]) || MarkdownSource.indentation(of: lines[end]) >= 4 { end += 1 }
                    block = code(MarkdownSource.trimmingBlankLines(lines[index..<end]).map { MarkdownSource.removingIndentation(4, from: $0) })
                    index = end
                } else if nests, quoteContent(line) != nil {
                    var inner: [String] = []
                    while index < lines.count, !MarkdownSource.isBlank(lines[index]) {
                        if let content = quoteContent(lines[index]) {
                            inner.append(content)
                        } else if startsBlock(lines[index]) {
                            break
                        } else {
                            inner.append(lines[index])
                        }
                        index += 1
                    }
                    block = blocks(inner, width: max(1, width - 2), tight: false, depth: depth, nesting: nesting + 1)
                        .map { $0.isEmpty ? "│" : "│ " + $0 }
                } else if nests, let marker = ListMarker(line) {
                    (block, index) = list(lines, from: index, first: marker, width: width, depth: depth, nesting: nesting)
                } else if let (table, count) = TerminalTable.parse(lines[index...]) {
                    block = table.render(width: width, color: color)
                    index += count
                } else {
                    var end = index + 1
                    while end < lines.count, !MarkdownSource.isBlank(lines[end]), !startsBlock(lines[end]) { end += 1 }
                    let text = lines[index..<end].map { String($0.drop { $0 == " " || $0 == "\t" }) }.joined(separator: "\n")
                    block = StyledText(markdown: text, color: color).wrapped(width: width, color: color).map(\.text)
                    index = end
                }
                if !out.isEmpty, !tight || blankBefore || afterHeading { out.append("") }
                out += block
                blankBefore = false
                afterHeading = isHeading
            }
            return out
        }

        private func code(_ lines: [String]) -> [String] {
            lines.map { line in
                let text = expandingTabs(line)
                guard !MarkdownSource.isBlank(text) else { return "" }
                return "    " + (color ? StyledText.codes(.dim) + text + StyledText.reset : text)
            }
        }

        private func expandingTabs(_ line: String) -> String {
            guard line.contains("\t") else { return line }
            var out = ""
            var column = 0
            for character in line {
                if character == "\t" {
                    let spaces = 4 - column % 4
                    out += String(repeating: " ", count: spaces)
                    column += spaces
                } else {
                    out.append(character)
                    column += DisplayWidth.of(character)
                }
            }
            return out
        }

        /// A whole list starting at `start`; returns its lines and the index after it.
        private func list(_ lines: [String], from start: Int, first: ListMarker, width: Int, depth: Int, nesting: Int) -> ([String], Int) {
            var items: [(marker: ListMarker, lines: [String])] = []
            var loose = false
            var index = start
            var marker = first
            itemLoop: while true {
                var content = marker.hasContent ? [marker.firstLine] : []
                index += 1
                var previousBlank = false
                while index < lines.count {
                    let line = lines[index]
                    if MarkdownSource.isBlank(line) {
                        guard let next = lines[index...].firstIndex(where: { !MarkdownSource.isBlank($0) }) else { break }
                        if MarkdownSource.indentation(of: lines[next]) >= marker.contentIndent {
                            content += Array(repeating: "", count: next - index)
                            index = next
                            previousBlank = true
                            continue
                        }
                        if let following = ListMarker(lines[next]), following.continues(first) {
                            loose = true
                            items.append((marker, content))
                            marker = following
                            index = next
                            continue itemLoop
                        }
                        break
                    }
                    if MarkdownSource.indentation(of: line) >= marker.contentIndent {
                        content.append(MarkdownSource.removingIndentation(marker.contentIndent, from: line))
                    } else if let following = ListMarker(line), !TerminalMarkdown.isThematicBreak(line) {
                        guard following.continues(first) else { break }
                        items.append((marker, content))
                        marker = following
                        continue itemLoop
                    } else if !previousBlank && !startsBlock(line) {
                        content.append(MarkdownSource.trimmed(line))
                    } else {
                        break
                    }
                    previousBlank = false
                    index += 1
                }
                items.append((marker, content))
                break
            }
            let labels: [String] = items.indices.map { k in
                if first.number != nil { return "\((first.number ?? 1) + k)\(first.symbol)" }
                return ["•", "◦", "▪"][min(depth, 2)]
            }
            let labelWidth = labels.map(\.count).max() ?? 1
            var out: [String] = []
            for (k, item) in items.enumerated() {
                let label = String(repeating: " ", count: labelWidth - labels[k].count) + labels[k]
                let hanging = String(repeating: " ", count: labelWidth + 1)
                let body = blocks(item.lines, width: max(1, width - labelWidth - 1), tight: !loose, depth: depth + 1, nesting: nesting + 1)
                if loose && k > 0 { out.append("") }
                if body.isEmpty { out.append(label) }
                for (lineIndex, line) in body.enumerated() {
                    if lineIndex == 0 {
                        out.append(label + " " + line)
                    } else {
                        out.append(line.isEmpty ? "" : hanging + line)
                    }
                }
            }
            return (out, index)
        }
    }
}
