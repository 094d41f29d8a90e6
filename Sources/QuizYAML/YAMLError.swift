/// Why a YAML file could not be turned into nodes, and where.
///
/// Built in one place (`YAMLParser`) from libyaml's error state or from one
/// of the parser's own limits, so every message reads the same way.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// libyaml rejected the text (its problem text is the message).
        case syntax
        /// The file is not UTF-8.
        case encoding
        /// Nesting went past the depth limit.
        case tooDeep
        /// Aliases expanded past the node limit.
        case aliasExpansion
        /// A second document in a file that holds one.
        case extraDocument
        /// The file could not be read at all.
        case unreadable
    }

    public var kind: Kind
    public var message: String
    public var mark: Mark
    /// For a libyaml syntax error: libyaml's problem alone (`message` adds its context).
    public var problem: String?
    /// For a libyaml syntax error: what libyaml was reading (`while parsing a block mapping`) and where it began.
    public var context: (text: String, mark: Mark)? {
        get { contextText.flatMap { text in contextMark.map { (text, $0) } } }
        set { contextText = newValue?.text; contextMark = newValue?.mark }
    }
    private var contextText: String?
    private var contextMark: Mark?

    public init(_ kind: Kind, _ message: String, at mark: Mark) {
        self.kind = kind
        self.message = message
        self.mark = mark
    }

    public var description: String { "\(mark): \(message)" }
}
