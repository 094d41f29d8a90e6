import Foundation

/// Author-written inline Markdown as a learner reads it, for rules that weigh or search the words shown.
///
/// Code spans count as shown text in `plain` (a learner sees them), but not in
/// `outsideEmphasis`, which is for finding words an author did not mark.
public enum ShownText {
    /// The text without emphasis markers, HTML tags or link destinations, trimmed.
    public static func plain(_ markdown: String) -> String {
        InlineMarkdown.plainText(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The plain text left once emphasised spans (`*…*`, `**…**`, `_…_`) and code spans are taken out;
    /// each removed span leaves a space so the words either side stay apart.
    public static func outsideEmphasis(_ markdown: String) -> String {
        unemphasised(InlineMarkdown.parse(markdown))
    }

    private static func unemphasised(_ spans: [InlineMarkdown.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text): text
            case .link(let inner, _), .image(let inner, _): unemphasised(inner)
            case .code, .strong, .emphasis, .html, .lineBreak: " "
            }
        }.joined()
    }

    /// The whole words of a text, as written: runs of letters, digits and apostrophes.
    public static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }
}
