/// Turns cmark-gfm's byte columns into scalar columns, knowing where each line starts.
///
/// Lines of ASCII (most of them) need no table; for the others the scalar
/// column of every byte is counted once, so converting is linear however many
/// nodes share a long line.
struct ColumnTable: Sendable {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    /// For lines holding non-ASCII bytes: the scalar column of each of their bytes.
    private var scalarColumns: [Int: [Int32]] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !ascii { countScalars(line: lineStarts.count, end: index + 1) }
                lineStarts.append(index + 1)
                ascii = true
            }
            index += 1
        }
        if !ascii { countScalars(line: lineStarts.count, end: bytes.count) }
    }

    private mutating func countScalars(line: Int, end: Int) {
        var columns: [Int32] = []
        var column: Int32 = 0
        for byte in bytes[lineStarts[line - 1]..<end] {
            if byte & 0xC0 != 0x80 { column += 1 }
            columns.append(column)
        }
        scalarColumns[line] = columns
    }

    /// The text of 1-based `line`, without its line ending; empty past the end.
    func line(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > lineStarts[line - 1], bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[lineStarts[line - 1]..<end], as: UTF8.self)
    }

    /// The scalar column of the 1-based `byte` column on 1-based `line`.
    func column(line: Int, byte: Int) -> Int {
        guard byte > 0, let columns = scalarColumns[line] else { return byte }
        return Int(columns[min(byte, columns.count) - 1])
    }
}
