/// How many terminal columns text takes: 2 for wide East Asian characters and
/// emoji, 0 for combining marks and control characters, 1 for the rest.
///
/// Counted per `Character` (grapheme cluster), so `é` written as `e` plus a
/// combining accent is one column and a flag or family emoji is two. Wrapping,
/// terminal tables and the text report all measure with it.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// `text` padded with spaces to `width` columns; text already as wide gets one space, so columns never touch.
    public static func padded(_ text: String, to width: Int) -> String {
        let columns = of(text)
        return columns >= width ? text + " " : text + String(repeating: " ", count: width - columns)
    }

    /// `text` cut to at most `width` columns, ending in `…` when anything was cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var columns = 0
        for character in text {
            let characterWidth = of(character)
            if columns + characterWidth > width - 1 { break }
            out.append(character)
            columns += characterWidth
        }
        return out + "…"
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) || scalars.contains("\u{FE0F}") && first.properties.isEmoji {
            return 2
        }
        switch first.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark: return 0
        default: return isWide(first.value) ? 2 : 1
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
