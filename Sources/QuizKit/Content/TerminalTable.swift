/// A GitHub pipe table laid out for a terminal: columns padded to the same
/// display width so the `|` separators line up, the `---` row replaced by a
/// line of `─` under the header.
///
/// A table wider than the terminal is narrowed by wrapping the text in its
/// widest columns (never below a column's longest word); its rows are then
/// separated by a line of `─` so each row's lines stay together.
struct TerminalTable {
    enum Alignment { case left, center, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]]

    /// The table starting at `lines.first`, if the second line is a delimiter row with as many cells as the header.
    static func parse(_ lines: ArraySlice<String>) -> (table: TerminalTable, lineCount: Int)? {
        guard lines.count >= 2, let first = lines.first, first.contains("|") else { return nil }
        let header = cells(first)
        let delimiter = cells(lines[lines.startIndex + 1])
        guard header.count == delimiter.count, let alignments = alignments(delimiter) else { return nil }
        var rows: [[String]] = []
        var index = lines.startIndex + 2
        while index < lines.endIndex, !MarkdownSource.isBlank(lines[index]), !TerminalMarkdown.startsBlock(lines[index]) {
            var row = cells(lines[index])
            row = Array(row.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - row.count))
            rows.append(row)
            index += 1
        }
        return (TerminalTable(header: header, alignments: alignments, rows: rows), index - lines.startIndex)
    }

    /// The cells of one row: split at `|` that is not escaped, outer pipes dropped, `\|` read as `|`.
    static func cells(_ line: String) -> [String] {
        var text = MarkdownSource.trimmed(line)
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current += character == "|" ? "|" : "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(MarkdownSource.trimmed(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(MarkdownSource.trimmed(current))
        return cells
    }

    private static func alignments(_ delimiter: [String]) -> [Alignment]? {
        var result: [Alignment] = []
        for cell in delimiter {
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }),
                  cell.prefix(while: { $0 == ":" }).count <= 1, cell.reversed().prefix(while: { $0 == ":" }).count <= 1 else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): result.append(.center)
            case (false, true): result.append(.right)
            default: result.append(.left)
            }
        }
        return result
    }

    func render(width: Int, color: Bool) -> [String] {
        let styled = ([header] + rows).enumerated().map { row, cells in
            cells.map { StyledText(markdown: $0, base: row == 0 ? .bold : [], color: color) }
        }
        let columns = header.indices
        var widths = columns.map { column in styled.map { $0[column].singleLine(color: color).width }.max() ?? 0 }
        let minimums = columns.map { column in max(1, styled.map { $0[column].longestWord }.max() ?? 0) }
        let overhead = 3 * columns.count + 1
        while widths.reduce(0, +) + overhead > width {
            guard let widest = columns.filter({ widths[$0] > minimums[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        let laidOut = styled.map { cells in
            columns.map { column in cells[column].wrapped(width: widths[column], color: color) }
        }
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

    private func pad(_ line: StyledText.Line, to width: Int, _ alignment: Alignment) -> String {
        let space = max(0, width - line.width)
        switch alignment {
        case .left: return line.text + String(repeating: " ", count: space)
        case .right: return String(repeating: " ", count: space) + line.text
        case .center: return String(repeating: " ", count: space / 2) + line.text + String(repeating: " ", count: space - space / 2)
        }
    }
}
