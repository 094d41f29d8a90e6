import QuizMarkdown

/// Escaping of author and learner text for the markup formats (HTML and JUnit XML).
///
/// All five of `& < > " '` become references in text and attributes alike, so
/// one escaped string is safe anywhere between tags or inside a quoted
/// attribute; the rules (control characters dropped, tab and line feed as
/// references in attributes) are `XMLEscape`'s, shared with the XHTML renderer.
public enum Markup {
    /// Text for between tags.
    public static func text(_ value: String) -> String { escaped(value, inAttribute: false) }

    /// Text for inside a double-quoted attribute value.
    public static func attribute(_ value: String) -> String { escaped(value, inAttribute: true) }

    static func escaped(_ value: String, inAttribute: Bool) -> String {
        XMLEscape.escaped(value, inAttribute: inAttribute)
    }

    /// Whether `link` may stand as an `href`: a relative path such as `Lessons/net.md#polling`,
    /// with no scheme (`javascript:`, `https:`), no host (`//…`), not rooted and no backslash,
    /// so following it never leaves the folder the report sits in for another site.
    public static func isRelativeLink(_ link: String) -> Bool {
        guard !link.isEmpty, !link.hasPrefix("/"), !link.contains("\\") else { return false }
        let beforeFragment = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return !beforeFragment.contains(":")
            && !link.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == " " }
    }
}
