/// The HTML entities Markdown text is likely to hold, by name (`amp` → `&`).
///
/// Not HTML's full list of over 2,000: an entity missing here stays literal
/// text, as CommonMark keeps any `&name;` it does not know.
enum HTMLEntity {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…",
        "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "times": "×", "divide": "÷", "middot": "·", "bull": "•", "rarr": "→", "larr": "←",
        "harr": "↔", "deg": "°", "plusmn": "±", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "sect": "§", "para": "¶", "shy": "\u{AD}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]
}
