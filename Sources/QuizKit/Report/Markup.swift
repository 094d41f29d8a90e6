/// Escaping of author and learner text for the markup formats (HTML and JUnit XML).
///
/// All five of `& < > " '` become references in text and attributes alike, so
/// one escaped string is safe anywhere between tags or inside a quoted
/// attribute. Control characters other than tab and line feed are dropped
/// (XML 1.0 cannot carry them, HTML shows them as noise), as are U+FFFE and
/// U+FFFF; in attributes tab and line feed become references, since a parser
/// would turn them into spaces.
public enum Markup {
    /// Text for between tags.
    public static func text(_ value: String) -> String { escaped(value, inAttribute: false) }

    /// Text for inside a double-quoted attribute value.
    public static func attribute(_ value: String) -> String { escaped(value, inAttribute: true) }

    static func escaped(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\u{FFFE}", "\u{FFFF}": break
            case _ where scalar.properties.generalCategory == .control: break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
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
