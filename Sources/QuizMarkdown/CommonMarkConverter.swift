import CCMarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place cmark-gfm's C tree is read: parse with the GitHub
/// extensions attached, walk the tree with cmark's own iterator (no
/// recursion, however deep the nesting), and free parser and tree.
enum CommonMarkConverter {
    /// Registers the core extensions once per process; cmark-gfm's own guard is not thread-safe.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Held for each parse: cmark-gfm adds an extension's special characters (`~` for strikethrough) to a
    /// table shared by the whole process when a parse starts and takes them out when it ends, so two parses
    /// at once on two threads lose each other's extensions.
    private static let parsing = Mutex(())

    static func convert(_ text: String) -> ([MarkdownNode], ColumnTable) {
        let bytes = Array(text.utf8)
        let columns = ColumnTable(bytes)
        return (nodes(bytes, columns: columns), columns)
    }

    private static func nodes(_ source: [UInt8], columns: ColumnTable) -> [MarkdownNode] {
        withDocument(source) { document in walk(document, columns: columns) } ?? [MarkdownNode(kind: .document, range: nil)]
    }

    /// Parses `source` with the extensions attached and hands the document to `body`; frees both after.
    private static func withDocument<T>(_ source: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        _ = extensionsRegistered
        var result: T?
        parsing.withLock { _ in result = parse(source, body) }
        return result
    }

    private static func parse<T>(_ source: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let extensionSyntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionSyntax)
            }
        }
        var bytes = source
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// `text` written back as CommonMark by cmark-gfm, with `<` and `>` of every piece of raw HTML
    /// written as entities, so a Markdown viewer shows it as written instead of running it.
    /// Nil when cmark fails.
    static func rawHTMLAsText(_ text: String) -> String? {
        let source = Array(text.utf8)
        return withDocument(source) { document -> String? in
            var html: [OpaquePointer] = []
            if let iterator = cmark_iter_new(document) {
                defer { cmark_iter_free(iterator) }
                while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                    let type = cmark_node_get_type(node)
                    if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK { html.append(node) }
                }
            }
            for node in html {
                let literal = string(cmark_node_get_literal(node))
                cmark_node_set_literal(node, literal.map { $0 == "<" ? "&lt;" : $0 == ">" ? "&gt;" : String($0) }.joined())
            }
            guard let rendered = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0) else { return nil }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? nil
    }

    private static func walk(_ document: OpaquePointer, columns: ColumnTable) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var open: [Int] = []
        guard let iterator = cmark_iter_new(document) else { return [MarkdownNode(kind: .document, range: nil)] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT {
                _ = open.popLast()
                continue
            }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let index = nodes.count
            nodes.append(MarkdownNode(kind: kind(of: node), range: range(of: node, columns: columns)))
            if let parent = open.last { nodes[parent].children.append(index) }
            if !isLeaf(cmark_node_get_type(node)) { open.append(index) }
        }
        return nodes.isEmpty ? [MarkdownNode(kind: .document, range: nil)] : nodes
    }

    /// The node types cmark's iterator enters without a matching exit.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default:
            false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            let tight = cmark_node_get_list_tight(node) != 0
            guard cmark_node_get_list_type(node) == CMARK_ORDERED_LIST else { return .bulletList(tight: tight) }
            let delimiter: Character = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
            return .orderedList(start: Int(cmark_node_get_list_start(node)), delimiter: delimiter, tight: tight)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .inlineHTML(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    /// Tables and strikethrough, whose node types the extensions register at run time, known by name.
    private static func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            guard let raw = cmark_gfm_extensions_get_table_alignments(node) else {
                return .table(alignments: Array(repeating: .none, count: count))
            }
            return .table(alignments: (0..<count).map { column in
                switch UInt8(raw[column]) {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            })
        case "table_header", "table_row":
            return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .other(name)
        }
    }

    private static func range(of node: OpaquePointer, columns: ColumnTable) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        guard startLine > 0, endLine > 0 else { return nil }
        return SourceRange(
            startLine: startLine,
            startColumn: columns.column(line: startLine, byte: Int(cmark_node_get_start_column(node))),
            endLine: endLine,
            endColumn: columns.column(line: endLine, byte: Int(cmark_node_get_end_column(node)))
        )
    }
}
