internal import CLibYAML
import Foundation

/// Limits that keep hostile input cheap to reject.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// Most nodes that aliases may add to the tree, counted as copies.
    public var maxAliasNodes: Int

    public init(maxDepth: Int = 256, maxAliasNodes: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }
}

/// Turns YAML text into a `YAMLDocument` node store (or a `Node` tree made from one) by
/// driving libyaml's event parser.
///
/// The store is built with an explicit stack, never recursion, so a file
/// nested far past `maxDepth` ends in a clean `YAMLError` instead of a crash.
/// libyaml keeps a pointer to its parser struct, so the struct lives in
/// memory owned by this class and never moves.
public final class YAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let limits: YAMLLimits

    init(limits: YAMLLimits) {
        self.limits = limits
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses one document into a `Node` tree. Returns nil for a file with no document (empty, or comments only).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> Node? {
        try document(bytes, limits: limits).map { $0.node($0.root) }
    }

    /// Parses one document into a node store. Returns nil for a file with no document (empty, or comments only).
    public static func document(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> YAMLDocument? {
        do throws(YAMLError) {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                throw YAMLError(.syntax, "", at: Mark(line: 1, column: 1))
            }
            return try YAMLParser(limits: limits).build(bytes)
        } catch {
            throw encodingError(bytes) ?? error
        }
    }

    /// Why bytes are not UTF-8, at the first bad byte; nil when they are.
    public static func encodingError(_ bytes: [UInt8]) -> YAMLError? {
        guard let bad = firstInvalidUTF8(bytes) else { return nil }
        return YAMLError(.encoding, "file is not valid UTF-8 (bad byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save it as UTF-8",
                         at: markOf(offset: bad, in: bytes))
    }

    /// Parses one document of a string.
    public static func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> Node? {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Reads and parses a file. A missing file, a directory or an unreadable one is a `YAMLError` of kind `.unreadable`.
    public static func parse(contentsOf url: URL, limits: YAMLLimits = YAMLLimits()) throws(YAMLError) -> Node? {
        try parse(readFile(url), limits: limits)
    }

    /// The bytes of a file, or an `.unreadable` error that says why in words.
    ///
    /// Read with `open`, `fstat` and `read` straight into the array: a bank of 8 MB is read in
    /// one call with no copy (through `FileHandle` and `Data` it was copied twice, about 15 ms).
    public static func readFile(_ url: URL) throws(YAMLError) -> [UInt8] {
        let start = Mark(line: 1, column: 1)
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let why = errno
            var isDirectory: ObjCBool = false
            if why == ENOENT || why == ENOTDIR || !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                throw YAMLError(.unreadable, "no such file", at: start)
            }
            if isDirectory.boolValue { throw YAMLError(.unreadable, "is a directory, not a file", at: start) }
            throw YAMLError(.unreadable, "cannot be read (check its permissions)", at: start)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw YAMLError(.unreadable, "cannot be read (\(String(cString: strerror(errno))))", at: start)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw YAMLError(.unreadable, "is a directory, not a file", at: start)
        }
        // A regular file's size is known; anything else (a pipe, a device) is read until it ends.
        let expected = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var bytes: [UInt8] = []
        var capacity = max(expected + 1, 4096)
        while true {
            var failure: Int32 = 0
            var ended = false
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = old.count
                if count > 0 { _ = old.withUnsafeBufferPointer { memcpy(buffer.baseAddress!, $0.baseAddress!, count) } }
                if count == 0, expected >= 1 << 20, readInHalves(fd, into: buffer.baseAddress!, count: expected) {
                    count = expected
                    lseek(fd, off_t(expected), SEEK_SET)  // on to whatever was added since fstat
                }
                while count < capacity {
                    let n = read(fd, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { ended = true; return }
                    count += n
                }
            }
            if failure != 0 {
                throw YAMLError(.unreadable, "cannot be read (\(String(cString: strerror(failure))))", at: start)
            }
            if ended { return bytes }
            capacity *= 2
        }
    }

    /// Reads `count` bytes from the start of a file, the second half on a thread of its own: the
    /// copy and the page faults of a large bank shared by two cores. False when either half came
    /// up short or failed (the file changed, or cannot be read): the caller then reads it in order.
    static func readInHalves(_ fd: Int32, into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        let half = count / 2
        nonisolated(unsafe) var secondHalf = false
        nonisolated(unsafe) let target = buffer
        let wait = SideThread.start {
            secondHalf = readFully(fd, into: target, from: half, to: count)
        }
        let firstHalf = readFully(fd, into: buffer, from: 0, to: half)
        wait()
        return firstHalf && secondHalf
    }

    /// Reads bytes `start..<end` of a file to the same places of `buffer`; false when the file ends first or a read fails.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var at = start
        while at < end {
            let n = pread(fd, buffer + at, end - at, off_t(at))
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            at += n
        }
        return true
    }

    /// Counts libyaml's events without building anything: the floor any parse costs.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        let p = YAMLParser(limits: YAMLLimits())
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            yaml_parser_set_input_string(p.parser, buf.baseAddress, buf.count)
            var count = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(p.parser, &event) != 0 else { return nil }
                let type = event.type
                yaml_event_delete(&event)
                count += 1
                if type == YAML_STREAM_END_EVENT { return count }
            }
        }
    }

    /// An open sequence or mapping: its record, and what its record cannot hold until it closes.
    private struct Frame {
        var index: Int
        var anchor: String?
        var children: Int32 = 0
        /// Levels of nesting below this one, counting what aliases bring in.
        var height = 0
    }

    /// Finds the byte at one of libyaml's character indexes (which skip a byte
    /// order mark). It only moves forward, so a lookup for every scalar of a
    /// file costs one pass over the file.
    private struct CharacterCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var character = 0
        var offset: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }

        mutating func byte(atCharacter index: Int) -> UInt8? {
            while character < index, offset < bytes.count {
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                character += 1
            }
            return character == index && offset < bytes.count ? bytes[offset] : nil
        }
    }

    private func build(_ bytes: [UInt8]) throws(YAMLError) -> YAMLDocument? {
        let result: Result<YAMLDocument?, YAMLError> = bytes.withUnsafeBufferPointer { buf in
            do throws(YAMLError) { return .success(try run(buf).document) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// What parsing some bytes yields: the document (nil for none), the nodes its aliases added,
    /// and the lines libyaml counted to the end of the bytes.
    struct Built {
        var document: YAMLDocument?
        var aliasNodes = 0
        var lines = 0
        /// The document started with a `%YAML` or `%TAG` directive.
        var directives = false
        /// The document ended with `...`.
        var explicitEnd = false
    }

    /// Parses `bytes`, leaving room in the node store for `extraNodes` more records and `extraText` more bytes.
    func run(_ bytes: UnsafeBufferPointer<UInt8>, extraNodes: Int = 0, extraText: Int = 0) throws(YAMLError) -> Built {
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        var document = YAMLDocument()
        // A guess from the file's size (about a node per 16 bytes) that saves most regrowing.
        document.records.reserveCapacity(min(bytes.count / 16, 1 << 20) + extraNodes)
        document.text.reserveCapacity(min(bytes.count, 1 << 26) + extraText)
        var stack: [Frame] = []
        var anchors: [String: (index: Int, height: Int)] = [:]
        var aliasNodes = 0
        var documents = 0
        var directives = false
        var explicitEnd = false
        var event = yaml_event_t()
        var cursor = CharacterCursor(bytes)

        /// Counts a finished node (at `index`) as a child of the open container, and remembers its anchor.
        func attach(_ index: Int, height: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (index, height) }
            guard !stack.isEmpty else { return }
            let top = stack.count - 1
            stack[top].children += 1
            stack[top].height = max(stack[top].height, height)
        }

        func checkSize() throws(YAMLError) {
            // Records and text are indexed by 32 bits; no file that can be read comes near.
            if document.text.count > Int(Int32.max) || document.records.count > Int(Int32.max) {
                throw YAMLError(.syntax, "the document is too large to read (over 2 GB of text or 2 billion nodes)", at: Mark(line: 1, column: 1))
            }
        }

        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                throw libyamlError(bytes)
            }
            defer { yaml_event_delete(&event) }
            let start = Self.mark(event.start_mark)
            let end = Self.mark(event.end_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return Built(document: document.records.isEmpty ? nil : document, aliasNodes: aliasNodes,
                             lines: Int(event.start_mark.line), directives: directives, explicitEnd: explicitEnd)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(.extraDocument, "a second YAML document starts here; a file holds one document", at: start)
                }
                let d = event.data.document_start
                directives = d.version_directive != nil || d.tag_directives.start != d.tag_directives.end
            case YAML_DOCUMENT_END_EVENT:
                explicitEnd = event.data.document_end.implicit == 0
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                if s.style == YAML_PLAIN_SCALAR_STYLE, s.length == 1, s.value[0] == 0x2D,
                   let next = cursor.byte(atCharacter: Int(event.end_mark.index)), Array(",[]{}".utf8).contains(next) {
                    // libyaml reads `[-]` as the text "-"; YAML forbids a plain "-" before a flow indicator.
                    throw YAMLError(.syntax, "a lone \"-\" cannot be a value inside [ ] or { }; quote it as \"-\" or remove it", at: start)
                }
                let index = document.records.count
                let offset = document.text.count
                if s.length > 0 { document.text.append(contentsOf: UnsafeBufferPointer(start: s.value, count: s.length)) }
                try checkSize()
                document.records.append(YAMLDocument.Record(
                    kind: .scalar, style: Self.style(s.style), tag: s.tag == nil ? -1 : document.tagIndex(Self.string(s.tag)),
                    start: start, end: end, offset: Int32(offset), count: Int32(s.length), next: Int32(index + 1)))
                attach(index, height: 0, anchor: s.anchor == nil ? nil : Self.string(s.anchor))
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw YAMLError(.syntax, "unknown alias *\(name); define the anchor &\(name) before using it", at: start)
                }
                let size = Int(document.records[target.index].next) - target.index
                aliasNodes += size
                if aliasNodes > limits.maxAliasNodes {
                    throw YAMLError(.aliasExpansion, "aliases expand to more than \(limits.maxAliasNodes) nodes (an alias bomb?); write the content out or use fewer aliases", at: start)
                }
                if stack.count + target.height > limits.maxDepth {
                    throw YAMLError(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels once alias *\(name) is expanded; flatten the structure", at: start)
                }
                // A copy of the anchor's records: indexes past each subtree move by the distance.
                let index = document.records.count
                let shift = Int32(index - target.index)
                for k in target.index..<(target.index + size) {
                    var record = document.records[k]
                    record.next += shift
                    document.records.append(record)
                }
                try checkSize()
                document.records[index].start = start
                document.records[index].end = end
                attach(index, height: target.height, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count >= limits.maxDepth {
                    throw YAMLError(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels; flatten the structure", at: start)
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = isMapping ? Self.string(event.data.mapping_start.tag) : Self.string(event.data.sequence_start.tag)
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                let index = document.records.count
                document.records.append(YAMLDocument.Record(
                    kind: isMapping ? .mapping : .sequence, style: .plain, tag: document.tagIndex(tag),
                    start: start, end: start, offset: 0, count: 0, next: 0))
                try checkSize()
                stack.append(Frame(index: index, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                document.records[frame.index].count = frame.children
                document.records[frame.index].end = end
                document.records[frame.index].next = Int32(document.records.count)
                attach(frame.index, height: frame.height + 1, anchor: frame.anchor)
            default:
                break
            }
        }
    }

    private func libyamlError(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let p = parser.pointee
        var message = p.problem.map { String(cString: $0) } ?? "the YAML cannot be parsed"
        var mark = Self.mark(p.problem_mark)
        if p.error == YAML_READER_ERROR {
            // The reader gives a byte offset, not a mark.
            mark = Self.markOf(offset: min(Int(p.problem_offset), bytes.count), in: Array(bytes))
            message = "cannot read the file: \(message)"
        }
        var error = YAMLError(.syntax, message, at: mark)
        error.problem = message
        if let context = p.context.map({ String(cString: $0) }) {
            let c = Self.mark(p.context_mark)
            error.message += " (\(context) at line \(c.line), column \(c.column))"
            error.context = (context, c)
        }
        return error
    }

    private static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    private static func style(_ s: yaml_scalar_style_t) -> Scalar.Style {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// Index of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            var minCode: UInt32
            var code: UInt32
            switch b {
            case 0xC2...0xDF: len = 2; code = UInt32(b & 0x1F); minCode = 0x80
            case 0xE0...0xEF: len = 3; code = UInt32(b & 0x0F); minCode = 0x800
            case 0xF0...0xF4: len = 4; code = UInt32(b & 0x07); minCode = 0x10000
            default: return i
            }
            guard i + len <= n else { return i }
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                code = code << 6 | UInt32(c & 0x3F)
            }
            if code < minCode || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return i }
            i += len
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset, counted as libyaml
    /// counts them: a leading byte order mark takes no column, and CR LF,
    /// LF or a lone CR ends a line.
    static func markOf(offset: Int, in bytes: [UInt8]) -> Mark {
        var line = 1
        var column = 1
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let first = bytes.starts(with: bom) ? min(bom.count, offset) : 0
        for i in first..<offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Mark(line: line, column: column)
    }
}
