import Foundation

/// A document read in two parts, one on each of two cores: everything but the later items of one
/// long top-level sequence (a bank's `questions`), and those later items.
///
/// `document` holds the whole mapping, with only the first items in the sequence `rest.sequence`;
/// `rest.items` is a document whose root sequence holds the others, in order, their marks the
/// lines and columns of the file. Read together they are exactly what ``YAMLParser/document(_:limits:)``
/// gives for the same bytes: the same nodes, text, tags and marks (``joined()`` builds that one store).
public struct YAMLParts: Sendable {
    /// The document; nil for a file with no document.
    public var document: YAMLDocument?
    /// Where the sequence goes on, when the file was read in two parts.
    public var rest: Rest?

    public struct Rest: Sendable {
        /// The sequence of `document` whose items go on in `items`.
        public var sequence: Int
        /// A document whose root sequence holds the sequence's later items.
        public var items: YAMLDocument
    }

    public init(document: YAMLDocument?, rest: Rest? = nil) {
        self.document = document
        self.rest = rest
    }

    /// The items of `sequence` in `document`, then, when `rest` continues that sequence, its later
    /// items: each run of items with the document that holds them.
    public func items(of sequence: Int) -> [(document: YAMLDocument, items: [Int])] {
        guard let document else { return [] }
        var out = [(document: document, items: Array(document.items(sequence)))]
        if let rest, rest.sequence == sequence {
            out.append((document: rest.items, items: Array(rest.items.items(rest.items.root))))
        }
        return out
    }

    /// The whole document as one node store, the later items copied into their sequence.
    public func joined() -> YAMLDocument? {
        guard var document, let rest else { return document }
        let items = rest.items
        let sequence = rest.sequence
        let insertion = Int(document.records[sequence].next)
        let added = items.records.count - 1
        let moved = document.children(of: items, placedAt: insertion, lineBase: 0)
        // What comes after the sequence (the tail's pairs) moves down by the items put in before it.
        for i in insertion..<document.records.count {
            document.records[i].next += Int32(added)
        }
        document.records[document.root].next += Int32(added)
        document.records[sequence].next += Int32(added)
        document.records[sequence].count += items.records[items.root].count
        document.records.insert(contentsOf: moved, at: insertion)
        return document
    }
}

extension YAMLParser {
    /// Files smaller than this are read in one part: starting a second thread would cost more than it saves.
    public static let partsThreshold = 256 << 10

    /// Parses a document whose top-level mapping holds a long block sequence under `key`, on two cores when
    /// the file is at least `splitAbove` bytes and shaped for it (see ``YAMLParts``); otherwise, or when either
    /// part cannot be read alone, in one part as ``document(_:limits:)`` reads it, with the same errors.
    public static func parts(_ bytes: [UInt8], sequence key: String, limits: YAMLLimits = YAMLLimits(),
                             splitAbove: Int = partsThreshold) throws(YAMLError) -> YAMLParts {
        if bytes.count >= max(splitAbove, 1), bytes.count < Int(Int32.max) / 2,
           let parts = bytes.withUnsafeBufferPointer({ inParts($0, key: Array(key.utf8), limits: limits) }) {
            return parts
        }
        return YAMLParts(document: try document(bytes, limits: limits))
    }

    /// Where a file is cut: the head is `..<middle`, the later items `middle..<end`, the tail (the
    /// mapping's keys after the sequence) `end...`. Both cuts are at the start of a line.
    ///
    /// A file is cut when it is shaped for it: `key:` alone on a line at column 0, with no directive
    /// before it; its items each starting with `-` at one indentation; a line of items past half the
    /// file; and the sequence ended by a plain key at column 0 or by the file's end. Anything this
    /// scan misjudges makes a part fail to parse, or to have the shape ``inParts(_:key:limits:)``
    /// checks, and the file is then read in one part.
    struct Cut {
        let buffer: UnsafeBufferPointer<UInt8>
        /// The column of the sequence's `-`, counted from 0.
        var indent = -1
        var middle = -1

        /// The first line of items from half way through the file, or nil when the file is not shaped for a cut.
        init?(_ buffer: UnsafeBufferPointer<UInt8>, key: [UInt8]) {
            self.buffer = buffer
            let n = buffer.count
            guard n > key.count else { return nil }

            // The key's line.
            var start = 0
            var found = false
            while start < n {
                let end = lineEnd(start)
                if buffer[start] == 0x25 { return nil }  // a directive the later parts would not see
                if end - start > key.count, buffer[start + key.count] == 0x3A,
                   key.indices.allSatisfy({ buffer[start + $0] == key[$0] }) {
                    var i = start + key.count + 1
                    while i < end, buffer[i] == 0x20 || buffer[i] == 0x09 { i += 1 }
                    let comment = i > start + key.count + 1 && i < end && buffer[i] == 0x23
                    guard i == end || comment || (buffer[i] == 0x0D && i + 1 == end) else { return nil }
                    start = end + 1
                    found = true
                    break
                }
                start = end + 1
            }
            guard found else { return nil }

            // The first item, and its indentation.
            while start < n {
                let end = lineEnd(start)
                let spaces = indentation(start, end)
                if isBlankOrComment(start + spaces, end) { start = end + 1; continue }
                guard isItem(start + spaces, end) else { return nil }
                indent = spaces
                break
            }
            guard indent >= 0 else { return nil }
            let firstItem = start

            // The middle: the first item line from half way through the file.
            start = lineEnd((firstItem + n) / 2) + 1
            while start < n {
                let end = lineEnd(start)
                switch classify(start, end) {
                case .inside: start = end + 1; continue
                case .item: middle = start
                case .end, .unknown: return nil  // the sequence ends before half the file: one part will do
                }
                break
            }
            guard middle > firstItem else { return nil }
        }

        /// Where the sequence ends: the first line past the middle that is neither an item nor inside one;
        /// nil when that line is not a plain key at column 0.
        func end() -> Int? {
            var start = lineEnd(middle) + 1
            while start < buffer.count {
                let end = lineEnd(start)
                switch classify(start, end) {
                case .inside, .item: start = end + 1
                case .end: return start
                case .unknown: return nil
                }
            }
            return buffer.count
        }

        private func lineEnd(_ start: Int) -> Int {
            guard let base = buffer.baseAddress, let p = memchr(base + start, 0x0A, buffer.count - start) else { return buffer.count }
            return UnsafePointer(p.assumingMemoryBound(to: UInt8.self)) - base
        }

        private func indentation(_ start: Int, _ end: Int) -> Int {
            var i = start
            while i < end, buffer[i] == 0x20 { i += 1 }
            return i - start
        }

        /// Whether the rest of a line, from `i`, is blank or a comment.
        private func isBlankOrComment(_ i: Int, _ end: Int) -> Bool {
            var i = i
            while i < end, buffer[i] == 0x20 || buffer[i] == 0x09 || buffer[i] == 0x0D { i += 1 }
            return i == end || buffer[i] == 0x23
        }

        private func isItem(_ i: Int, _ end: Int) -> Bool {
            buffer[i] == 0x2D && (i + 1 == end || buffer[i + 1] == 0x20 || buffer[i + 1] == 0x0D)
        }

        /// What a line past the first item is: an item, a line inside one, or the sequence's end.
        private enum Line { case item, inside, end, unknown }

        private func classify(_ start: Int, _ end: Int) -> Line {
            let spaces = indentation(start, end)
            if isBlankOrComment(start + spaces, end) || spaces > indent { return .inside }
            if spaces == indent, isItem(start + spaces, end) { return .item }
            if spaces == 0, Self.isPlainKeyStart(buffer[start]) { return .end }
            return .unknown
        }

        private static func isPlainKeyStart(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        }
    }

    /// The result of one part, filled in on another thread.
    private final class PartResults: @unchecked Sendable {
        var items: Built?
        var tail: Built?
        /// Where the tail starts, once found.
        var end: Int?
    }

    /// The file read in parts, or nil when it is not shaped for it or a part fails alone (the caller
    /// then reads it whole, which gives the error its right place).
    static func inParts(_ buffer: UnsafeBufferPointer<UInt8>, key: [UInt8], limits: YAMLLimits) -> YAMLParts? {
        guard limits.maxDepth >= 2, let found = Cut(buffer, key: key) else { return nil }
        nonisolated(unsafe) let cut = found
        let head = UnsafeBufferPointer(rebasing: buffer[..<cut.middle])
        nonisolated(unsafe) let whole = buffer
        let other = PartResults()
        let wait = SideThread.start {
            // The sequence's end is looked for here, while the head is parsed on the first core.
            guard let end = cut.end() else { return }
            other.end = end
            // The items sit one level deeper in the whole document than in their own.
            var itemLimits = limits
            itemLimits.maxDepth -= 1
            other.items = try? YAMLParser(limits: itemLimits).run(UnsafeBufferPointer(rebasing: whole[cut.middle..<end]))
            if other.items?.document != nil, end < whole.count {
                other.tail = try? YAMLParser(limits: limits).run(UnsafeBufferPointer(rebasing: whole[end...]))
            }
        }
        // Room for the tail's nodes, copied in after the head's: the tail is small, a guess from the file will do.
        let tailGuess = min(buffer.count - cut.middle, 1 << 16)
        let first = try? YAMLParser(limits: limits).run(head, extraNodes: tailGuess / 8 + 16, extraText: tailGuess)
        wait()
        guard let end = other.end else { return nil }
        let tail = UnsafeBufferPointer(rebasing: buffer[end...])
        // Each document taken out of its result, so the changes below do not copy its node store.
        guard var first, var document = first.document.take(),
              var later = other.items.take(), var itemsDocument = later.document.take() else { return nil }
        var rest = other.tail.take()
        if !tail.isEmpty, rest == nil { return nil }
        guard first.aliasNodes + later.aliasNodes + (rest?.aliasNodes ?? 0) <= limits.maxAliasNodes else { return nil }
        // A directive is the whole document's (the later parts would resolve tags without it), and a
        // `...` before the tail ends the document where the whole file goes on: both are read whole.
        // libyaml starts a line after a lone CR or U+0085, U+2028, U+2029 too, which the cut's scan
        // of `\n`-ended lines does not see: these checks are libyaml's own word.
        guard !first.directives, !later.directives, rest?.directives != true,
              !first.explicitEnd, !later.explicitEnd else { return nil }

        // The shape the cut assumed: the head a mapping whose last pair, alone named `key`, holds a
        // sequence; the later items a sequence; the tail a mapping without `key`.
        let root = document.root
        guard document.isMapping(root), itemsDocument.isSequence(itemsDocument.root) else { return nil }
        let isKey = { (doc: YAMLDocument, node: Int) in key.withUnsafeBufferPointer { doc.scalarEquals(node, $0) } }
        var last: (key: Int, value: Int)?
        for pair in document.pairs(root) {
            if let last, isKey(document, last.key) { return nil }
            last = pair
        }
        // The sequence is the one whose `-`s the cut found: a `questions:` line inside an earlier
        // multi-line scalar can make the scan take a nested list's indentation for it.
        guard let last, isKey(document, last.key), document.isSequence(last.value),
              document.start(last.value).column == cut.indent + 1,
              itemsDocument.start(itemsDocument.root).column == cut.indent + 1 else { return nil }
        if let tailDocument = rest?.document {
            guard tailDocument.isMapping(tailDocument.root),
                  !tailDocument.pairs(tailDocument.root).contains(where: { isKey(tailDocument, $0.key) }) else { return nil }
        }

        // The later items' lines follow the head's.
        itemsDocument.lineBase = Int32(clamping: first.lines)
        // What the head's end closed (the item before the cut, the block containers open in it, an
        // empty value last in it), the whole file closes at the next item's `-`, `indent` columns on.
        // A block scalar ends with its last line break in both.
        if cut.indent > 0, let lastItem = document.items(last.value).reduce(nil, { _, item in Optional(item) }) {
            let cutMark = Mark(line: first.lines + 1, column: 1)
            for i in lastItem..<document.records.count where document.records[i].end == cutMark {
                let r = document.records[i]
                if r.kind != .scalar {
                    document.records[i].end.column = cut.indent + 1
                } else if r.count == 0, r.start == cutMark {
                    document.records[i].start.column = cut.indent + 1
                    document.records[i].end.column = cut.indent + 1
                }
            }
        }
        let sequence = last.value
        document.records[sequence].end = itemsDocument.end(itemsDocument.root)
        // The root closes at the end of the file (a tail's own end, below).
        document.records[root].end = Mark(line: first.lines + later.lines + 1, column: 1)
        if let tailDocument = rest?.document.take() {
            document.appendPairs(of: tailDocument, lineBase: first.lines + later.lines)
        }
        return YAMLParts(document: document, rest: .init(sequence: sequence, items: itemsDocument))
    }
}

extension YAMLDocument {
    /// Adds the pairs of `other`'s root mapping to this root mapping's, after its own: `other` parsed
    /// from the text after this one's, `lineBase` lines down the file.
    mutating func appendPairs(of other: YAMLDocument, lineBase: Int) {
        records += children(of: other, placedAt: records.count, lineBase: lineBase)
        records[root].count += other.records[other.root].count
        records[root].next = Int32(records.count)
        var end = other.end(other.root)
        end.line += lineBase
        records[root].end = end
    }

    /// The records below `other`'s root, made this document's: as if placed from index `index` on,
    /// their text appended to this one's, their tags in this one's table, and their marks moved down
    /// by `lineBase` lines more than `other`'s own.
    mutating func children(of other: YAMLDocument, placedAt index: Int, lineBase: Int) -> [Record] {
        let shift = Int32(index - 1)
        let textShift = Int32(text.count)
        let tagMap = other.tags.map { tagIndex($0) }
        var moved: [Record] = []
        moved.reserveCapacity(other.records.count - 1)
        for i in 1..<other.records.count {
            var r = other.records[i]
            r.next += shift
            if r.kind == .scalar { r.offset += textShift }
            r.start = other.placed(r.start)
            r.end = other.placed(r.end)
            r.start.line += lineBase
            r.end.line += lineBase
            if r.tag >= 0 { r.tag = tagMap[Int(r.tag)] }
            moved.append(r)
        }
        text += other.text
        return moved
    }
}
