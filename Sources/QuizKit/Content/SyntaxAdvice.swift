import QuizYAML

/// Says in plain words what to do about a YAML syntax error, reading the lines around it:
/// "this `-` item is indented deeper than the list it belongs to; line it up with the `-` on
/// line 12" rather than libyaml's "did not find expected key".
///
/// libyaml's own text is kept after the advice, as a detail for people who know YAML.
/// When no advice fits, the message is libyaml's alone.
enum SyntaxAdvice {
    /// The message of a `yaml-syntax` finding for `error` in a file holding `bytes`.
    static func message(for error: YAMLError, in bytes: [UInt8]) -> String {
        guard error.kind == .syntax, let advice = advice(for: error, lines: Lines(bytes)) else { return error.message }
        return "\(advice) (YAML: \(error.message))"
    }

    static func advice(for error: YAMLError, lines: Lines) -> String? {
        let problem = error.problem ?? error.message
        let line = error.mark.line
        let text = lines[line]
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator":
            return indentation(line: line, text: text, lines: lines, context: error.context?.mark)
        case "mapping values are not allowed in this context":
            return "line \(line): a value holds \": \", which YAML reads as a second key; put the whole value in quotes, or write it as a block after `>-`"
        case "did not find expected ',' or ']'":
            let start = error.context?.mark.line ?? line
            return "the [ list opened on line \(start) is not closed; add `]` at its end, or quote an item that holds a comma, `[` or `]`"
        case "did not find expected ',' or '}'":
            let start = error.context?.mark.line ?? line
            return "the { mapping opened on line \(start) is not closed; add `}` at its end, or quote a value that holds a comma or brace"
        case "found a tab character where an indentation space is expected", "found character that cannot start any token"
            where text.first == UInt8(ascii: "\t") || text.drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: "\t"):
            return "line \(line) is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"
        case "found unexpected end of stream" where error.context?.text == "while scanning a quoted scalar":
            let start = error.context?.mark ?? error.mark
            return "the quoted text that starts on line \(start.line), column \(start.column) is never closed; end it with the same quote mark"
        case "found unknown escape character":
            return "line \(line): a backslash inside double quotes starts an escape; write \\\\ for a backslash, or use single quotes"
        case "block sequence entries are not allowed in this context":
            return "line \(line): a `-` item cannot follow a value on the same key; put the list on the lines below the key, each item indented"
        default:
            return nil
        }
    }

    /// For a line whose indentation fits no list or mapping above it.
    private static func indentation(line: Int, text: ArraySlice<UInt8>, lines: Lines, context: Mark?) -> String? {
        let indent = Lines.indent(of: text)
        let body = text.dropFirst(indent)
        if body.first == UInt8(ascii: "-"),
           let (dash, dashIndent) = lines.previous(before: line, where: { ind, body in body.first == UInt8(ascii: "-") && ind <= indent + 2 }),
           dashIndent != indent {
            let how = dashIndent < indent ? "deeper than" : "less than"
            return "line \(line): this `-` item is indented \(how) the list it belongs to; line it up with the `-` on line \(dash)"
        }
        if let quoted = unclosedQuote(before: line, from: context?.line ?? 1, lines: lines) {
            return "the quoted value on line \(quoted) is not closed on its line, so YAML reads on to line \(line); close the quote on line \(quoted)"
        }
        // The key above whose column is nearest this line's: the mapping it most likely belongs to.
        var best: (line: Int, column: Int, key: String)?
        var n = line - 1
        while n >= max(1, (context?.line ?? 1) - 1) {
            if let (column, key) = Lines.key(in: lines[n]),
               best.map({ abs(column - indent - 1) < abs($0.column - indent - 1)
                          || abs(column - indent - 1) == abs($0.column - indent - 1) && column < $0.column }) ?? true {
                best = (n, column, key)
            }
            n -= 1
        }
        guard let best, best.column != indent + 1 else { return nil }
        return "line \(line) starts at column \(indent + 1), which lines up with nothing above it; line it up with `\(best.key):` on line \(best.line) (column \(best.column))"
    }

    /// The line, from `first` up to `line`, whose value opens a quote it does not close.
    private static func unclosedQuote(before line: Int, from first: Int, lines: Lines) -> Int? {
        for n in stride(from: line - 1, through: max(1, first), by: -1) {
            let text = lines[n]
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let value = text[(colon + 1)...].drop { $0 == UInt8(ascii: " ") }
            guard let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            if !value.dropFirst().contains(quote) { return n }
        }
        return nil
    }

    /// A file's lines as byte slices, 1-based, without their line ends.
    struct Lines {
        private let bytes: [UInt8]
        private var starts: [Int] = [0]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        }

        var count: Int { starts.count }

        subscript(line: Int) -> ArraySlice<UInt8> {
            guard line >= 1, line <= starts.count else { return [] }
            let start = starts[line - 1]
            var end = line < starts.count ? starts[line] - 1 : bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return bytes[start..<max(start, end)]
        }

        /// The nearest line above `line` that is not blank or a comment and matches, with its indent.
        func previous(before line: Int, where matches: (Int, ArraySlice<UInt8>) -> Bool) -> (line: Int, indent: Int)? {
            var n = min(line, count + 1) - 1
            while n >= 1 {
                let text = self[n]
                let indent = Lines.indent(of: text)
                let body = text.dropFirst(indent)
                if !body.isEmpty, body.first != UInt8(ascii: "#"), matches(indent, body) { return (n, indent) }
                n -= 1
            }
            return nil
        }

        static func indent(of text: ArraySlice<UInt8>) -> Int {
            text.prefix { $0 == UInt8(ascii: " ") }.count
        }

        /// The 1-based column and text of a plain `key:` (letters, digits, `_` and `-`) that starts
        /// a line, after its indent and any `- `.
        static func key(in text: ArraySlice<UInt8>) -> (column: Int, key: String)? {
            var rest = text.drop { $0 == UInt8(ascii: " ") }
            if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst().drop { $0 == UInt8(ascii: " ") } }
            let key = rest.prefix { b in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
            }
            guard !key.isEmpty, rest.dropFirst(key.count).first == UInt8(ascii: ":") else { return nil }
            return (rest.startIndex - text.startIndex + 1, String(decoding: key, as: UTF8.self))
        }
    }
}
