import Foundation
import QuizMarkdown

/// Author-written inline Markdown as a learner reads it, for rules that weigh or search the words shown.
///
/// Code spans count as shown text in `plain` (a learner sees them), but not in
/// `outsideEmphasis`, which is for finding words an author did not mark.
public enum ShownText {
    /// The text without emphasis markers, HTML tags or link destinations, trimmed.
    public static func plain(_ markdown: String) -> String {
        MarkdownDocument.plainText(inline: markdown).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The plain text left once emphasised spans (`*…*`, `**…**`, `_…_`) and code spans are taken out;
    /// each removed span leaves a space so the words either side stay apart.
    public static func outsideEmphasis(_ markdown: String) -> String {
        let (document, node) = MarkdownDocument.inline(markdown)
        var out = ""
        var stack = Array(document.nodes[node].children.reversed())
        while let next = stack.popLast() {
            switch document.nodes[next].kind {
            case .text(let text): out += text
            case .softBreak: out += " "
            case .code, .strong, .emphasis, .strikethrough, .inlineHTML, .lineBreak: out += " "
            default: stack.append(contentsOf: document.nodes[next].children.reversed())
            }
        }
        return out
    }

    /// The whole words of a text, as written: runs of letters, digits and apostrophes.
    public static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }
}
