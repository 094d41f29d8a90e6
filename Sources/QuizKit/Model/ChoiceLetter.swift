/// The letters that name choices and match options: `A` is the first.
///
/// Authors key at most eight choices (`A`–`H`); a match question can show up
/// to ten options, so display letters run to `J`. Reading a letter is
/// case-insensitive and takes any letter `A`–`Z`, so a caller can say "not one
/// of the choices" rather than "not a letter".
public enum ChoiceLetter {
    /// The most choices a question may have, and so the last key letter (`H`).
    public static let maxChoices = 8

    /// The letter of a 0-based position: 0 is `A`; `?` outside `A`–`Z`.
    public static func name(_ index: Int) -> String {
        guard (0..<26).contains(index) else { return "?" }
        return String(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(index))))
    }

    /// The range a question with `count` choices accepts, e.g. `A–D`; `A–H` when the count is unknown.
    public static func range(_ count: Int, separator: String = "–") -> String {
        "A\(separator)\(name(min(max(count, 1), maxChoices) - 1))"
    }

    /// The 0-based position a one-letter text names (`a` and `A` are 0), or nil for anything else.
    public static func index(of text: some StringProtocol) -> Int? {
        guard text.utf8.count == 1, let byte = text.utf8.first else { return nil }
        return index(ofASCII: byte, upperCaseOnly: false)
    }

    /// The 0-based position of one ASCII letter byte, or nil. Stored responses use upper case only.
    public static func index(ofASCII byte: UInt8, upperCaseOnly: Bool = true) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z") where !upperCaseOnly: Int(byte - UInt8(ascii: "a"))
        default: nil
        }
    }
}
