/// A GitHub table laid out for a terminal: columns padded to the same
/// display width so the `|` separators line up, a line of `─` under the header.
///
/// A table wider than the terminal is narrowed by wrapping the text in its
/// widest columns (never below a column's longest word); its rows are then
/// separated by a line of `─` so each row's lines stay together. When that
/// would squeeze a column below `narrowest` columns, or cannot make the table
/// fit at all, the table is stacked instead: one block per row, its first
/// cell as the block's title and every other cell under its column's header.
struct TerminalTable {
    var alignments: [MarkdownNode.TableAlignment]
    /// The header row first; every row has one cell per column.
    var rows: [[StyledText]]

    init(_ document: MarkdownDocument, table index: Int, color: Bool) {
        let table = document.nodes[index]
        if case .table(let alignments) = table.kind { self.alignments = alignments } else { alignments = [] }
        let columns = alignments.count
        rows = table.children.map { rowIndex in
            let row = document.nodes[rowIndex]
            var isHeader = false
            if case .tableRow(let header) = row.kind { isHeader = header }
            let cells = row.children.prefix(columns).map { StyledText(document, node: $0, base: isHeader ? .bold : [], color: color) }
            return cells + Array(repeating: StyledText(), count: max(0, columns - cells.count))
        }
    }

    func render(width: Int, color: Bool) -> [String] {
        let columns = alignments.indices
        var widths = columns.map { column in rows.map { $0[column].singleLine(color: color).width }.max() ?? 0 }
        let minimums = columns.map { column in max(1, rows.map { $0[column].longestWord }.max() ?? 0) }
        let overhead = 3 * alignments.count + 1
        let natural = widths
        while widths.reduce(0, +) + overhead > width {
            guard let widest = columns.filter({ widths[$0] > minimums[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        let squeezed = columns.contains { widths[$0] < natural[$0] && widths[$0] < Self.narrowest }
        if widths.reduce(0, +) + overhead > width || squeezed { return stacked(width: width, color: color) }
        let laidOut = rows.map { cells in columns.map { cells[$0].wrapped(width: widths[$0], color: color) } }
        widths = columns.map { column in laidOut.flatMap { $0[column] }.map(\.width).max() ?? 0 }
        let wraps = laidOut.dropFirst().contains { row in row.contains { $0.count > 1 } }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + overhead)
        var out: [String] = []
        for (index, row) in laidOut.enumerated() {
            if index == 1 || (index > 1 && wraps) { out.append(rule) }
            let height = row.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                let cells = columns.map { column in
                    pad(lineIndex < row[column].count ? row[column][lineIndex] : StyledText.Line(text: "", width: 0),
                        to: widths[column], alignments[column])
                }
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        if laidOut.count == 1 { out.append(rule) }
        return out
    }

    /// The narrowest a column may be squeezed to before the table is stacked instead.
    static let narrowest = 15

    /// One block per body row, blocks apart by a blank line: the row's first cell, then each other
    /// column's header and, indented under it, the cell wrapped to the width.
    func stacked(width: Int, color: Bool) -> [String] {
        guard let header = rows.first else { return [] }
        var out: [String] = []
        for row in rows.dropFirst() {
            if !out.isEmpty { out.append("") }
            out += row.first.map { $0.wrapped(width: width, color: color).map(\.text) } ?? []
            for column in alignments.indices.dropFirst() {
                let label = header[column].wrapped(width: max(1, width - 2), color: color).map { "  " + $0.text }
                out += label.isEmpty ? [] : label.dropLast() + [label[label.count - 1] + ":"]
                out += row[column].wrapped(width: max(1, width - 4), color: color).map { "    " + $0.text }
            }
        }
        return out
    }

    private func pad(_ line: StyledText.Line, to width: Int, _ alignment: MarkdownNode.TableAlignment) -> String {
        let space = max(0, width - line.width)
        switch alignment {
        case .none, .left: return line.text + String(repeating: " ", count: space)
        case .right: return String(repeating: " ", count: space) + line.text
        case .center: return String(repeating: " ", count: space / 2) + line.text + String(repeating: " ", count: space - space / 2)
        }
    }
}
