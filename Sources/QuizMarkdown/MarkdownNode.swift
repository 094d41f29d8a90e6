/// One node of a parsed Markdown document: what it is, where it was written, and its children.
///
/// Nodes live in their document's flat array and name their children by
/// index, so a tree 10,000 levels deep is built, walked and freed without
/// recursion. `range` is nil only where cmark-gfm records no position.
public struct MarkdownNode: Sendable, Equatable {
    /// What a node is, with the facts each kind carries.
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        /// A tight list's items hold no blank line between their blocks.
        case bulletList(tight: Bool)
        /// `start` is the first item's number; `delimiter` is `.` or `)`.
        case orderedList(start: Int, delimiter: Character, tight: Bool)
        case item
        /// `info` is the fence's info string (`js`), empty for indented code; `code` ends with a line break.
        case codeBlock(info: String, code: String)
        /// Raw HTML written as a block; renderers show or drop it, never pass it through.
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        /// Raw HTML written inline (`<kbd>`); renderers show or drop it, never pass it through.
        case inlineHTML(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A node of a kind this module does not read (a footnote, a future extension), by cmark-gfm's name.
        case other(String)
    }

    /// How a table column is aligned, from its `:---:` delimiter.
    public enum TableAlignment: Sendable, Equatable {
        case none, left, center, right
    }

    public var kind: Kind
    public var range: SourceRange?
    /// Indices of the children in the document's `nodes`, in order.
    public internal(set) var children: [Int]

    public init(kind: Kind, range: SourceRange?, children: [Int] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }
}
