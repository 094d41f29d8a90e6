/// Text made safe between tags or inside a double-quoted attribute, in XML and HTML alike.
///
/// `&`, `<`, `>`, `"` and (unless asked not to) `'` become references.
/// Control characters other than tab and line feed are dropped (XML 1.0
/// cannot carry them, HTML shows them as noise), as are U+FFFE and U+FFFF;
/// in attributes tab and line feed become references, since a parser would
/// turn them into spaces.
public enum XMLEscape {
    public static func escaped(_ value: String, inAttribute: Bool = false, apostrophe: Bool = true) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophe: result += "&#39;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\u{FFFE}", "\u{FFFF}": break
            case _ where scalar.properties.generalCategory == .control: break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
