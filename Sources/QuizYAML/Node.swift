/// One node of a parsed YAML document, with the place it was written.
///
/// Mappings keep their pairs in file order and keep duplicate keys, so the
/// loader can report them. Equality compares content only, never positions.
public struct Node: Sendable, Equatable, CustomStringConvertible {
    public enum Content: Sendable, Equatable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    public var range: SourceRange
    /// The resolved tag when one was written (`!!str` becomes `tag:yaml.org,2002:str`), else nil.
    public var tag: String?

    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    public static func == (a: Node, b: Node) -> Bool {
        a.content == b.content && a.tag == b.tag
    }

    @inlinable
    public var start: Mark { range.start }

    /// The scalar, when this node is one.
    @inlinable
    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, when this node is a sequence.
    @inlinable
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, when this node is a mapping.
    @inlinable
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// Takes the pairs out of a mapping node, leaving it an empty mapping, so the caller
    /// owns them alone (and can free parts of the tree as it goes). Nil when not a mapping.
    public mutating func takeMapping() -> [Pair]? {
        guard case .mapping(let pairs) = content else { return nil }
        content = .mapping([])
        return pairs
    }

    /// Takes the items out of a sequence node, leaving it an empty sequence. Nil when not a sequence.
    public mutating func takeSequence() -> [Node]? {
        guard case .sequence(let items) = content else { return nil }
        content = .sequence([])
        return items
    }

    /// What kind of node this is, in words for a message: "a scalar", "a list", "a mapping", or "empty".
    public var kindDescription: String {
        switch content {
        case .scalar(let s): return s.isNull ? "empty" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    public var description: String {
        var out = ""
        dump(into: &out, indent: 0)
        return out
    }

    private func dump(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        switch content {
        case .scalar(let s):
            out += "\(pad)scalar \(range) \(s.style) \(s.value.debugDescription)\n"
        case .sequence(let items):
            out += "\(pad)sequence \(range)\n"
            for item in items { item.dump(into: &out, indent: indent + 1) }
        case .mapping(let pairs):
            out += "\(pad)mapping \(range)\n"
            for pair in pairs {
                pair.key.dump(into: &out, indent: indent + 1)
                pair.value.dump(into: &out, indent: indent + 2)
            }
        }
    }
}

/// One key/value pair of a mapping.
public struct Pair: Sendable, Equatable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text and how it was written.
///
/// The text is kept exactly as written; nothing is resolved to a boolean or
/// number here. `Yes` stays the text "Yes".
public struct Scalar: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or nothing at all.
    @inlinable
    public var isNull: Bool {
        guard style == .plain else { return false }
        switch value.utf8.count {  // told by length first: most values are longer than any null
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }
}
