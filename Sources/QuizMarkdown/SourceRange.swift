/// Where a Markdown node sits in its source: 1-based lines and columns, start and end inclusive.
///
/// Columns count Unicode scalars from the start of the line, as the YAML
/// layer's `Mark` does; cmark-gfm reports bytes, and the conversion happens
/// once, when the tree is built. A tab counts as one column.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// `3:1-4:12`.
    public var description: String { "\(startLine):\(startColumn)-\(endLine):\(endColumn)" }
}
