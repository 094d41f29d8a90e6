import QuizMarkdown

/// Author and learner text made safe for the Markdown report.
///
/// Author text is Markdown already, so it keeps its code spans, emphasis and
/// fences; cmark-gfm reads it and writes raw HTML back as text, so no raw
/// HTML (a `<script>`, an `<img onerror>`) reaches the page. Text that must
/// read exactly as written (a learner's typing, an id) is escaped with
/// backslashes instead, which works inside emphasis and links too.
enum MarkdownText {
    /// Characters a backslash keeps literal inside a line; `|` is left to `cell`, which escapes it
    /// in tables, and `#` matters only at the start of a line, where literal text never stands.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "!", "&", "~"]

    /// Author text inside a block, with raw HTML turned into text by cmark-gfm; line breaks
    /// kept, for `cell`, `listItem` or `heading` to settle.
    static func inline(_ text: String) -> String {
        MarkdownDocument.rawHTMLAsText(text.trimmingTrailingNewlines())
    }

    /// Author text for a list item: `inline`, later lines indented to stay inside the item.
    static func listItem(_ text: String) -> String { inline(text).replacingLineBreaks(with: "\n  ") }

    /// Author text for a heading, which must be one line.
    static func heading(_ text: String) -> String { inline(text).replacingLineBreaks(with: " ") }

    /// Text shown exactly as written: Markdown punctuation backslash-escaped, line breaks as spaces.
    static func literal(_ text: String) -> String {
        var out = ""
        for char in text {
            if char.isNewline { out += " "; continue }
            if special.contains(char) { out += "\\" }
            out.append(char)
        }
        return out
    }

    /// A table cell: `|` escaped, line breaks as `<br>`, surrounding spaces dropped.
    static func cell(_ text: String) -> String {
        var out = ""
        for char in text {
            if char == "|" { out += "\\|" } else if char.isNewline { out += "<br>" } else { out.append(char) }
        }
        var trimmed = Substring(out)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }

    /// A prompt as a block quote, line by line: fenced code untouched, other lines as `inline`.
    static func quoted(_ text: String) -> String {
        var out = "", fence: String?
        for line in text.trimmingTrailingNewlines().split(separator: "\n", omittingEmptySubsequences: false) {
            let body = String(line)
            let marker = String(body.drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" })
            if let open = fence {
                if marker.count >= open.count, marker.first == open.first { fence = nil }
                out += "> \(body)\n"
            } else if marker.count >= 3, Set(marker).count == 1 {
                fence = marker
                out += "> \(body)\n"
            } else {
                out += body.isEmpty ? ">\n" : "> \(inline(body))\n"
            }
        }
        return out
    }
}

extension String {
    func replacingLineBreaks(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }
}
