/// Renders Markdown for a terminal, as `quiz study` shows a section:
/// paragraphs re-wrapped to the width by display width, lists with hanging
/// indents, block quotes behind `│ `, code blocks indented and never wrapped,
/// tables lined up, HTML comments dropped.
///
/// With `color: false` the output is plain text that still reads as Markdown
/// where it matters (code keeps its backticks); with `color: true` bold,
/// italic, code (underlined), headings (bold) and code blocks (dim) use ANSI
/// escapes. The result has no trailing newline and no trailing spaces. The
/// tree is walked with an explicit stack; quotes and lists nested deeper than
/// `maxNesting` are drawn without further bars and indents.
public enum TerminalRenderer {
    /// Nesting beyond which quotes and lists no longer narrow the text.
    public static let maxNesting = 32

    public static func render(_ markdown: String, width: Int, color: Bool) -> String {
        render(MarkdownDocument(markdown), width: width, color: color)
    }

    public static func render(_ document: MarkdownDocument, width: Int, color: Bool) -> String {
        var renderer = Renderer(document: document, color: color)
        return renderer.run(width: max(width, 1)).joined(separator: "\n")
    }

    /// One open container while walking: the lines of its finished children so far.
    private struct Frame {
        var index: Int
        var width: Int
        /// Lists around this node, which picks the bullet.
        var listDepth: Int
        var nesting: Int
        var next = 0
        var lines: [String] = []
        /// Blocks inside are stacked without blank lines (items of a tight list, and such lists themselves).
        var tight = false
        /// For an item: its label, right-aligned to the list's widest.
        var label: String?
    }

    private struct Renderer {
        let document: MarkdownDocument
        let color: Bool

        mutating func run(width: Int) -> [String] {
            var stack = [Frame(index: 0, width: width, listDepth: 0, nesting: 0)]
            while var frame = stack.popLast() {
                let node = document.nodes[frame.index]
                guard frame.next < node.children.count else {
                    let lines = finish(frame)
                    guard var parent = stack.popLast() else { return lines }
                    attach(lines, to: &parent)
                    stack.append(parent)
                    continue
                }
                let childIndex = node.children[frame.next]
                frame.next += 1
                if let child = open(childIndex, in: frame, siblingCount: node.children.count) {
                    stack.append(frame)
                    stack.append(child)
                } else {
                    attach(leaf(childIndex, width: frame.width), to: &frame)
                    stack.append(frame)
                }
            }
            return []
        }

        /// A frame for a container child, or nil for a block rendered at once.
        private func open(_ index: Int, in parent: Frame, siblingCount: Int) -> Frame? {
            let nests = parent.nesting < TerminalRenderer.maxNesting
            var frame = Frame(index: index, width: parent.width, listDepth: parent.listDepth, nesting: parent.nesting + 1)
            switch document.nodes[index].kind {
            case .blockQuote:
                if nests { frame.width = max(1, parent.width - 2) }
            case .bulletList(let tight), .orderedList(_, _, let tight):
                frame.tight = tight
                frame.listDepth += 1
            case .item:
                frame.tight = parent.tight
                guard nests else { return frame }
                let list = document.nodes[parent.index]
                let label = self.label(list: list, item: parent.next - 1, depth: parent.listDepth - 1)
                let labelWidth = self.label(list: list, item: list.children.count - 1, depth: 0).count
                frame.label = String(repeating: " ", count: max(0, labelWidth - label.count)) + label
                frame.width = max(1, parent.width - labelWidth - 1)
            default:
                return nil
            }
            return frame
        }

        /// `•` (`◦`, `▪` deeper) or the item's number; the last item's is the widest.
        private func label(list: MarkdownNode, item: Int, depth: Int) -> String {
            if case .orderedList(let start, let delimiter, _) = list.kind { return "\(start + item)\(delimiter)" }
            return ["•", "◦", "▪"][min(max(depth, 0), 2)]
        }

        private func attach(_ lines: [String], to parent: inout Frame) {
            guard !lines.isEmpty else { return }
            if !parent.lines.isEmpty, !parent.tight { parent.lines.append("") }
            parent.lines += lines
        }

        private func finish(_ frame: Frame) -> [String] {
            let nests = frame.nesting <= TerminalRenderer.maxNesting
            switch document.nodes[frame.index].kind {
            case .blockQuote where nests:
                return frame.lines.map { $0.isEmpty ? "│" : "│ " + $0 }
            case .item:
                guard let label = frame.label else { return frame.lines }
                guard let first = frame.lines.first else { return [label] }
                let hanging = String(repeating: " ", count: label.count + 1)
                return [label + " " + first] + frame.lines.dropFirst().map { $0.isEmpty ? "" : hanging + $0 }
            default:
                return frame.lines
            }
        }

        private func leaf(_ index: Int, width: Int) -> [String] {
            switch document.nodes[index].kind {
            case .paragraph:
                return StyledText(document, node: index, color: color).wrapped(width: width, color: color).map(\.text)
            case .heading:
                return StyledText(document, node: index, base: .bold, color: color).wrapped(width: width, color: color).map(\.text)
            case .thematicBreak:
                return [String(repeating: "─", count: width)]
            case .codeBlock(_, let code):
                return codeLines(code)
            case .htmlBlock(let html):
                return htmlLines(html, width: width)
            case .table:
                return TerminalTable(document, table: index, color: color).render(width: width, color: color)
            default:
                return StyledText(document, node: index, color: color).wrapped(width: width, color: color).map(\.text)
            }
        }

        private func codeLines(_ code: String) -> [String] {
            var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines.map { line in
                let text = expandingTabs(line)
                guard text.contains(where: { $0 != " " }) else { return "" }
                return "    " + (color ? StyledText.codes(.dim) + text + StyledText.reset : text)
            }
        }

        /// An HTML block's words without its tags; a comment shows nothing.
        private func htmlLines(_ html: String, width: Int) -> [String] {
            var text = ""
            var inTag = false
            for character in html {
                if character == "<" {
                    inTag = true
                } else if character == ">" && inTag {
                    inTag = false
                    text += " "
                } else if !inTag {
                    text.append(character)
                }
            }
            guard text.contains(where: { !$0.isWhitespace }) else { return [] }
            return TextWrap.wrap(text, width: width)
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
    }
}
