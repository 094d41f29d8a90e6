/// Inline Markdown (emphasis, code spans, links) read into a small tree.
///
/// Follows CommonMark's delimiter rules closely enough that `snake_case_name`
/// keeps its underscores while `_word_` is emphasis, and a code span's
/// content is never read as Markdown. Reference links (`[text][ref]`) keep
/// their text; their destination is not looked up.
enum InlineMarkdown {
    enum Span: Equatable {
        case text(String)
        case code(String)
        case strong([Span])
        case emphasis([Span])
        case link(text: [Span], destination: String)
        case image(alt: [Span], source: String)
        case html(String)
        case lineBreak
    }

    static func parse(_ text: String) -> [Span] {
        var parser = InlineParser(characters: Array(text))
        return parser.run()
    }

    /// What a reader sees: markers, HTML tags and link destinations removed, code kept.
    static func plainText(_ spans: [Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text), .code(let text): text
            case .strong(let inner), .emphasis(let inner), .link(let inner, _), .image(let inner, _): plainText(inner)
            case .html: ""
            case .lineBreak: " "
            }
        }.joined()
    }

    static func plainText(_ markdown: String) -> String { plainText(parse(markdown)) }
}
