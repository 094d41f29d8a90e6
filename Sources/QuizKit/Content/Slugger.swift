import QuizMarkdown

/// Gives headings the ids GitHub gives them, so `lesson#section` links and
/// GitHub's own anchors agree.
///
/// A slug is the heading's visible text (inline Markdown read, so
/// `` `EventSource` `` counts as `EventSource`), lowercased, with punctuation
/// and symbols removed and each space turned into `-`: `Polling — Client Pull`
/// becomes `polling--client-pull`, two dashes, because the em dash goes but
/// both spaces stay. Letters of every script, digits, `_` and `-` are kept.
/// A slug seen before gets `-1`, `-2`, … as github-slugger does, so one
/// `Slugger` must see every heading of a file, in order.
public struct Slugger: Sendable {
    /// For each slug handed out, how many times its base text has repeated.
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The id of the next heading whose text is `markdown`: its slug, with a
    /// `-N` suffix when an earlier heading already has that id.
    public mutating func slug(_ markdown: String) -> String {
        slug(plain: MarkdownDocument.plainText(inline: markdown))
    }

    /// Records an id written by the author (`{#id}`), so later slugs step around it.
    public mutating func reserve(_ id: String) {
        if occurrences[id] == nil { occurrences[id] = 0 }
    }

    /// The id of a heading: its explicit `{#id}` verbatim, else its slug.
    mutating func id(for heading: MarkdownHeading) -> String {
        if let explicit = heading.explicitID {
            reserve(explicit)
            return explicit
        }
        return slug(plain: heading.plainText)
    }

    private mutating func slug(plain: String) -> String {
        let base = Self.slug(plainText: plain)
        var result = base
        while let seen = occurrences[base], occurrences[result] != nil {
            occurrences[base] = seen + 1
            result = "\(base)-\(seen + 1)"
        }
        occurrences[result] = 0
        return result
    }

    /// The slug of already-plain text, without any repeat suffix.
    public static func slug(plainText text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar.properties.isAlphabetic || !isRemoved(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// github-slugger's removal set: symbols, punctuation other than connectors
    /// like `_`, separators, control and format characters, numbers that are not
    /// digits or letter-like, and unassigned code points.
    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .otherNumber,
             .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation, .dashPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .privateUse, .format, .unassigned, .surrogate,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            true
        default:
            false
        }
    }
}
