/// A place in a source file: 1-based line and column.
///
/// The column counts Unicode characters (code points), not bytes, as libyaml
/// does; a tab counts as one column.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as 32 bits: every node of a tree carries two marks, so this takes about a fifth
    // off a parsed bank's memory. Values past Int32 (files of over two billion lines) are clamped.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The extent of a node in its file: from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Mark
    public var end: Mark

    public init(start: Mark, end: Mark) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}
