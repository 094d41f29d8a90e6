/// A parsed YAML document as one contiguous array of node records, in document order.
///
/// A node is an index into that array. Each record holds the node's kind, its
/// scalar style and tag, where it was written, and the index just past its
/// subtree, so a container's children are found by stepping from one sibling
/// to the next: the first child follows its parent, and a mapping's children
/// are its keys and values one after the other. A scalar's text is a byte range
/// in one buffer (libyaml has already resolved quotes, escapes and folding), so
/// nothing becomes a `String` until a reader asks for one, and a whole document
/// costs three arrays, not a class, an enum and an array per node.
///
/// Duplicate keys stay in their mapping, for the loader to report. An alias is
/// a copy of its anchor's records, placed where the alias is written.
public struct YAMLDocument: Sendable {
    public enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    @usableFromInline
    struct Record: Sendable {
        @usableFromInline var kind: Kind
        @usableFromInline var style: Scalar.Style
        /// Index into `tags`, or -1 for none.
        @usableFromInline var tag: Int32
        @usableFromInline var start: Mark
        @usableFromInline var end: Mark
        /// A scalar's first byte in `text`; unused for containers.
        @usableFromInline var offset: Int32
        /// A scalar's length in bytes, a container's children (a mapping's keys and values both).
        @usableFromInline var count: Int32
        /// The index just past this node's subtree: its next sibling, if it has one.
        @usableFromInline var next: Int32
    }

    @usableFromInline var records: [Record] = []
    @usableFromInline var text: [UInt8] = []
    /// Lines of the file before the text this document was parsed from, added to every mark read:
    /// 0, except for the later items of a sequence read on another core (``YAMLParts``).
    @usableFromInline var lineBase: Int32 = 0
    /// The resolved tags written in the document, each once, and where each is in `tags`.
    var tags: [String] = []
    var tagIndexes: [String: Int32] = [:]

    /// A document with no nodes.
    public init() {}

    /// The root node: the first record.
    public var root: Int { 0 }

    /// How many nodes the document holds, counting each copy an alias made.
    public var nodeCount: Int { records.count }

    // MARK: Reading a node

    @inlinable
    public func kind(_ node: Int) -> Kind { records[node].kind }

    @inlinable
    public func start(_ node: Int) -> Mark { placed(records[node].start) }

    @inlinable
    public func end(_ node: Int) -> Mark { placed(records[node].end) }

    @inlinable
    public func range(_ node: Int) -> SourceRange { SourceRange(start: start(node), end: end(node)) }

    /// A mark as parsed, moved down by the lines before the parsed text.
    @inlinable
    func placed(_ mark: Mark) -> Mark {
        guard lineBase != 0 else { return mark }
        var moved = mark
        moved.line += Int(lineBase)
        return moved
    }

    @inlinable
    public func isScalar(_ node: Int) -> Bool { records[node].kind == .scalar }

    @inlinable
    public func isSequence(_ node: Int) -> Bool { records[node].kind == .sequence }

    @inlinable
    public func isMapping(_ node: Int) -> Bool { records[node].kind == .mapping }

    /// How a scalar was written (`.plain` for containers).
    @inlinable
    public func style(_ node: Int) -> Scalar.Style { records[node].style }

    /// The resolved tag when one was written (`!!str` becomes `tag:yaml.org,2002:str`), else nil.
    public func tag(_ node: Int) -> String? {
        let t = records[node].tag
        return t < 0 ? nil : tags[Int(t)]
    }

    /// A sequence's items, or a mapping's pairs; 0 for a scalar.
    @inlinable
    public func count(_ node: Int) -> Int {
        let r = records[node]
        switch r.kind {
        case .scalar: return 0
        case .sequence: return Int(r.count)
        case .mapping: return Int(r.count) / 2
        }
    }

    /// A scalar's length in UTF-8 bytes; 0 for a container.
    @inlinable
    public func byteCount(_ node: Int) -> Int {
        records[node].kind == .scalar ? Int(records[node].count) : 0
    }

    /// A scalar's first byte, when it is a non-empty scalar.
    @inlinable
    public func firstByte(_ node: Int) -> UInt8? {
        let r = records[node]
        guard r.kind == .scalar, r.count > 0 else { return nil }
        return text[Int(r.offset)]
    }

    /// A scalar's text as a `String`; "" for a container.
    public func string(_ node: Int) -> String {
        let r = records[node]
        guard r.kind == .scalar else { return "" }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(r.offset)..<Int(r.offset + r.count)]), as: UTF8.self)
        }
    }

    /// The scalar, when this node is one.
    public func scalar(_ node: Int) -> Scalar? {
        isScalar(node) ? Scalar(string(node), style: style(node)) : nil
    }

    /// Calls `body` with a scalar's bytes (empty for a container), without making a `String`.
    public func withBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = records[node]
        return try text.withUnsafeBufferPointer { buffer in
            guard r.kind == .scalar else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeBufferPointer(rebasing: buffer[Int(r.offset)..<Int(r.offset + r.count)]))
        }
    }

    /// Whether a node is a scalar whose text is exactly `bytes`.
    @inlinable
    public func scalarEquals(_ node: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = records[node]
        guard r.kind == .scalar, Int(r.count) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return text.withUnsafeBufferPointer { buffer in
            memcmpBytes(buffer.baseAddress! + Int(r.offset), bytes.baseAddress!, bytes.count)
        }
    }

    /// Whether a node is a scalar whose text is exactly `literal`, compared as bytes.
    @inlinable
    public func scalarEquals(_ node: Int, _ literal: StaticString) -> Bool {
        scalarEquals(node, UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// A scalar's length and first seven bytes packed in 64 bits (the length, at most 255, in
    /// the top byte), for telling keys apart with one comparison; 0 for a container. Two
    /// texts with the same short key are equal when neither is longer than seven bytes.
    @inlinable
    public func shortKey(_ node: Int) -> UInt64 {
        let r = records[node]
        guard r.kind == .scalar else { return 0 }
        return text.withUnsafeBufferPointer { buffer in
            Self.shortKey(UnsafeBufferPointer(rebasing: buffer[Int(r.offset)..<Int(r.offset + r.count)]))
        }
    }

    /// The short key of some bytes, as `shortKey(_:)` gives it for a scalar holding them.
    @inlinable
    public static func shortKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(min(bytes.count, 255)) << 56
        for i in 0..<min(bytes.count, 7) { key |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        return key
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or nothing at all (as `Scalar.isNull`).
    @inlinable
    public func isNull(_ node: Int) -> Bool {
        let r = records[node]
        guard r.kind == .scalar, r.style == .plain else { return false }
        switch r.count {
        case 0: return true
        case 1: return scalarEquals(node, "~")
        case 4: return scalarEquals(node, "null") || scalarEquals(node, "Null") || scalarEquals(node, "NULL")
        default: return false
        }
    }

    /// What kind of node this is, in words for a message: "a scalar", "a list", "a mapping", or "empty".
    public func kindDescription(_ node: Int) -> String {
        switch kind(node) {
        case .scalar: return isNull(node) ? "empty" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    // MARK: Children

    /// A container's children in order (a mapping's keys and values alternate); none for a scalar.
    @inlinable
    public func children(_ node: Int) -> Children {
        let r = records[node]
        return Children(records: records, next: node + 1, left: r.kind == .scalar ? 0 : Int(r.count))
    }

    /// A sequence's items; none for a scalar or a mapping.
    @inlinable
    public func items(_ node: Int) -> Children {
        isSequence(node) ? children(node) : Children(records: records, next: node + 1, left: 0)
    }

    /// A mapping's pairs in file order, duplicates kept; none for another node.
    @inlinable
    public func pairs(_ node: Int) -> Pairs {
        Pairs(children: isMapping(node) ? children(node) : Children(records: records, next: node + 1, left: 0))
    }

    public struct Children: Sequence, IteratorProtocol {
        @usableFromInline let records: [Record]
        @usableFromInline var position: Int
        @usableFromInline var left: Int

        @inlinable
        init(records: [Record], next: Int, left: Int) {
            self.records = records
            self.position = next
            self.left = left
        }

        @inlinable
        public mutating func next() -> Int? {
            guard left > 0 else { return nil }
            left -= 1
            let node = position
            position = Int(records[node].next)
            return node
        }

        @inlinable
        public var underestimatedCount: Int { left }
    }

    public struct Pairs: Sequence, IteratorProtocol {
        @usableFromInline var children: Children

        @inlinable
        init(children: Children) { self.children = children }

        @inlinable
        public mutating func next() -> (key: Int, value: Int)? {
            guard let key = children.next(), let value = children.next() else { return nil }
            return (key, value)
        }

        @inlinable
        public var underestimatedCount: Int { children.left / 2 }
    }

    // MARK: The tree, for code that wants one

    /// The node and everything below it as a `Node` tree.
    public func node(_ node: Int) -> Node {
        let r = records[node]
        let content: Node.Content
        switch r.kind {
        case .scalar:
            content = .scalar(Scalar(string(node), style: r.style))
        case .sequence:
            content = .sequence(children(node).map { self.node($0) })
        case .mapping:
            var pairs: [Pair] = []
            pairs.reserveCapacity(Int(r.count) / 2)
            for (key, value) in self.pairs(node) { pairs.append(Pair(key: self.node(key), value: self.node(value))) }
            content = .mapping(pairs)
        }
        return Node(content, range: range(node), tag: tag(node))
    }

    /// A document holding a `Node` tree, its positions, styles and tags kept.
    public init(_ tree: Node) {
        append(tree)
    }

    private mutating func append(_ tree: Node) {
        let index = records.count
        var record = Record(kind: .scalar, style: .plain, tag: tagIndex(tree.tag), start: tree.range.start, end: tree.range.end,
                            offset: 0, count: 0, next: 0)
        switch tree.content {
        case .scalar(let s):
            record.style = s.style
            record.offset = Int32(clamping: text.count)
            record.count = Int32(clamping: s.value.utf8.count)
            text.append(contentsOf: s.value.utf8)
            records.append(record)
        case .sequence(let items):
            record.kind = .sequence
            record.count = Int32(clamping: items.count)
            records.append(record)
            for item in items { append(item) }
        case .mapping(let pairs):
            record.kind = .mapping
            record.count = Int32(clamping: pairs.count * 2)
            records.append(record)
            for pair in pairs {
                append(pair.key)
                append(pair.value)
            }
        }
        records[index].next = Int32(clamping: records.count)
    }

    // MARK: Building

    mutating func tagIndex(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let i = tagIndexes[tag] { return i }
        let i = Int32(clamping: tags.count)
        tags.append(tag)
        tagIndexes[tag] = i
        return i
    }
}

@inlinable
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
