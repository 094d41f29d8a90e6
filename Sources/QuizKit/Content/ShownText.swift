import Foundation
import QuizMarkdown

/// Author-written inline Markdown as a learner reads it, for rules that weigh or search the words shown.
///
/// Code spans count as shown text in `plain` (a learner sees them), but not in
/// `outsideEmphasis`, which is for finding words an author did not mark.
///
/// Most choices and prompts hold no Markdown at all. For those, cmark-gfm would hand back
/// the text as written, so they skip it (`unmarked`); anything that might be Markdown
/// goes through cmark-gfm as before.
public enum ShownText {
    /// The text without emphasis markers, HTML tags or link destinations, trimmed.
    public static func plain(_ markdown: String) -> String {
        if let text = unmarked(markdown) { return text.text }
        return parsedPlain(markdown)
    }

    /// `plain` through cmark-gfm, whatever the text.
    static func parsedPlain(_ markdown: String) -> String {
        let (document, node) = inline(markdown)
        return document.plainText(of: node).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// How many characters a learner sees of the text: `plain(markdown).count`, without
    /// counting Characters when the shown text is ASCII (one byte, one character).
    public static func shownLength(_ markdown: String) -> Int {
        if let text = unmarked(markdown), text.ascii { return text.text.utf8.count }
        return plain(markdown).count
    }

    /// The plain text left once emphasised spans (`*…*`, `**…**`, `_…_`) and code spans are taken out;
    /// each removed span leaves a space so the words either side stay apart.
    public static func outsideEmphasis(_ markdown: String) -> String {
        // Code spans are taken out here, so only text without them skips cmark-gfm.
        if !markdown.utf8.contains(0x60), let text = unmarked(markdown) { return text.text }
        return parsedOutsideEmphasis(markdown)
    }

    /// `outsideEmphasis` through cmark-gfm, whatever the text.
    static func parsedOutsideEmphasis(_ markdown: String) -> String {
        let (document, node) = inline(markdown)
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

    /// `MarkdownDocument.inline`, which joins the lines Character by Character, without that
    /// walk when the text holds no line break at all (one look at its bytes).
    static func inline(_ markdown: String) -> (document: MarkdownDocument, node: Int) {
        guard !markdown.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }) else {
            return MarkdownDocument.inline(markdown)  // a line break (or a byte of NEL, LS or PS): join the lines
        }
        let document = MarkdownDocument("# " + markdown)
        return (document, document.root.children.first ?? 0)
    }

    /// Whether a learner may see one of `words` as a whole word of `markdown` outside emphasis
    /// (`outsideEmphasis`, then `words`): false only when no word of the text as written is one,
    /// and the text holds nothing by which Markdown could join or make words (links, entities,
    /// escapes). The costly Markdown parse is then needed only for the few texts that may.
    public static func mayShowOutsideEmphasis(anyOf words: WordSet, in markdown: String) -> Bool {
        var text = markdown
        // One pass: a link, entity or escape byte ([ & \) ends it as soon as it is met.
        return text.withUTF8 { scan($0, in: words, stopAtLinkOrEscape: true) } != .none
    }

    /// What `scan` met first.
    enum ScanResult: Equatable {
        case none
        case word(String)
        case linkOrEscape
    }

    /// Byte classes for `scan`, one look-up per byte: 1 for a word byte (`isWordByte`), 2 for a
    /// non-ASCII byte, 3 for `[`, `&` and `\`, 0 for any other ASCII byte.
    nonisolated(unsafe) private static let byteClass: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            table[b] = byte >= 0x80 ? 2 : isWordByte(byte) ? 1 : (byte == 0x5B || byte == 0x26 || byte == 0x5C) ? 3 : 0
        }
        return table
    }()

    /// Words to look for in a text, ready to be compared with its bytes.
    public struct WordSet: Sendable {
        let words: Set<String>
        let foldCase: Bool
        /// The ASCII words by their length in bytes.
        let byLength: [[[UInt8]]]
        /// One bit per (length, first letter in lower case) of the ASCII words, at `filterBit`: a
        /// word of the text whose bit is clear is none of them, told without looking at `byLength`.
        let filter: UInt64

        @inline(__always) static func filterBit(length: Int, first: UInt8) -> UInt64 {
            1 << UInt64((length &* 5 &+ Int(first | 0x20)) & 63)
        }

        /// With `foldCase`, words are matched as `lowercased()` makes them (give them in lower case).
        public init(_ words: Set<String>, foldCase: Bool) {
            self.words = words
            self.foldCase = foldCase
            var byLength: [[[UInt8]]] = []
            var filter: UInt64 = 0
            for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
                let n = word.utf8.count
                while byLength.count <= n { byLength.append([]) }
                byLength[n].append(Array(word.utf8))
                if let first = word.utf8.first { filter |= Self.filterBit(length: n, first: first) }
            }
            self.byLength = byLength
            self.filter = filter
        }
    }

    /// The first word of `text` (as `words` splits it, lowercased with `foldCase`) that is one
    /// of `set`, or nil: `words(text).lazy.map { lowercased }.first(where: set.contains)`,
    /// comparing bytes where the text is ASCII instead of making a String of every word.
    public static func firstWord(of text: String, in set: WordSet) -> String? {
        var text = text
        guard case .word(let word) = text.withUTF8({ scan($0, in: set, stopAtLinkOrEscape: false) }) else { return nil }
        return word
    }

    /// The pieces of `forEachPiece(of:cutAt: { !isWordByte($0) })`, found in one loop without a
    /// closure and matched against `set` until one is in it; with `stopAtLinkOrEscape`, a `[`, `&`
    /// or `\` anywhere ends the scan first.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, in set: WordSet, stopAtLinkOrEscape: Bool) -> ScanResult {
        let n = bytes.count
        let classes = byteClass
        var start = 0
        var ascii = true
        var i = 0
        while i < n {
            let c = classes[Int(bytes[i])]
            if c == 1 {
                i += 1
                continue
            }
            if c == 2 {
                ascii = false
                i += 1
                continue
            }
            if c == 3 && stopAtLinkOrEscape { return .linkOrEscape }
            // An ASCII byte next to a non-ASCII one may be part of a Character with it: no cut.
            if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80) {
                i += 1
                continue
            }
            if i > start, let word = match(bytes, start..<i, ascii: ascii, in: set) { return .word(word) }
            i += 1
            start = i
            ascii = true
        }
        if n > start, let word = match(bytes, start..<n, ascii: ascii, in: set) { return .word(word) }
        return .none
    }

    /// The word of `set` that one piece of `firstWord`'s text is, if any. Inlined in `firstWord`'s
    /// loop, where most pieces are words of the text that the filter turns away.
    @inline(__always)
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ascii: Bool, in set: WordSet) -> String? {
        guard ascii else { return matchCharacters(bytes, range, in: set) }
        // Most words of a text are none of the set: their length and first letter say so.
        let length = range.count
        guard length < set.byLength.count,
              set.filter & WordSet.filterBit(length: length, first: bytes[range.lowerBound]) != 0 else { return nil }
        for word in set.byLength[length] {
            var k = 0
            while k < length {
                var b = bytes[range.lowerBound + k]
                if set.foldCase && b &- 0x41 < 26 { b |= 0x20 }
                if b != word[k] { break }
                k += 1
            }
            if k == length { return String(decoding: word, as: UTF8.self) }
        }
        return nil
    }

    /// `match` for a piece holding non-ASCII characters: split into words as Characters.
    @inline(never)
    private static func matchCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in set: WordSet) -> String? {
        let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        for word in characterWords(piece) {
            let key = set.foldCase ? word.lowercased() : word
            if set.words.contains(key) { return key }
        }
        return nil
    }

    /// The whole words of a text, as written: runs of letters, digits and apostrophes.
    public static func words(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [String] = []
            forEachPiece(of: bytes, cutAt: { !isWordByte($0) }) { range, ascii in
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                if ascii { out.append(piece) } else { out += characterWords(piece) }
            }
            return out
        }
    }

    /// `words` Character by Character, for text with non-ASCII letters.
    static func characterWords(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }

    /// The ASCII bytes that are word characters: the only ASCII letters and numbers, and the apostrophe.
    @usableFromInline static func isWordByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b | 0x20) || (0x30...0x39).contains(b) || b == 0x27
    }

    /// Splits UTF-8 text at the ASCII bytes `cut` picks whose neighbours are ASCII too, and hands
    /// each non-empty piece between them to `body` with whether the piece is all ASCII.
    ///
    /// Such a byte is a Character of its own (only non-ASCII scalars join an ASCII one into a
    /// grapheme, apart from CR LF, both of which are cut where either is), so Character-wise work
    /// split at Characters like it gives the same answer piece by piece. An all-ASCII piece holds
    /// no byte `cut` picks; only pieces with non-ASCII text need Characters (and Unicode
    /// property look-ups) at all.
    @inlinable
    public static func forEachPiece(of bytes: UnsafeBufferPointer<UInt8>, cutAt cut: (UInt8) -> Bool,
                                    _ body: (Range<Int>, _ ascii: Bool) -> Void) {
        let n = bytes.count
        var start = 0
        var ascii = true
        for i in 0..<n {
            let b = bytes[i]
            if b >= 0x80 {
                ascii = false
                continue
            }
            guard cut(b), i == 0 || bytes[i - 1] < 0x80, i + 1 == n || bytes[i + 1] < 0x80 else { continue }
            if i > start { body(start..<i, ascii) }
            start = i + 1
            ascii = true
        }
        if n > start { body(start..<n, ascii) }
    }

    /// ASCII bytes that may start inline Markdown or an autolink (or end an ATX heading, as the
    /// inline text is parsed as one), and controls, which cmark-gfm may replace or read as breaks.
    /// (Two 64-bit masks, bit b for byte b: controls but tab, and \ ` * _ [ ] < > ! & ~ # : @ | $ ^.)
    private static func isMarkup(_ b: UInt8) -> Bool {
        b < 64 ? (0x5400_045A_FFFF_FDFF as UInt64) >> b & 1 != 0 : (0x5000_0001_F800_0001 as UInt64) >> (b - 64) & 1 != 0
    }

    /// `isMarkup`, a backtick, or a full stop (which may end "www."): the ASCII bytes `unmarked`
    /// must look at; any other ASCII byte is shown as written.
    @inline(__always) private static func isSpecial(_ b: UInt8) -> Bool {
        b < 64 ? (0x5400_445A_FFFF_FDFF as UInt64) >> b & 1 != 0 : (0x5000_0001_F800_0001 as UInt64) >> (b - 64) & 1 != 0
    }

    /// For each byte value, whether `unmarked` passes it by as shown text (ASCII, not `isSpecial`):
    /// one look-up per byte in the loop that most texts spend all their time in.
    nonisolated(unsafe) private static let shownAsWritten: UnsafeMutablePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for b in 0..<256 { table[b] = b < 0x80 && !isSpecial(UInt8(b)) }
        return table
    }()

    /// The text as a learner sees it, trimmed, when cmark-gfm would find no Markdown in it but
    /// code spans of single backticks (`` `x` ``, shown as `x`); nil when it might hold other
    /// Markdown, a line break, or Unicode white space at either end (the full path handles those).
    static func unmarked(_ markdown: String) -> (text: String, ascii: Bool)? {
        var text = markdown
        return text.withUTF8 { bytes -> (text: String, ascii: Bool)? in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            // Where each code span's backticks are: its content is shown as written.
            var ticks: [Int] = []
            var ascii = true
            var i = start
            let table = Self.shownAsWritten
            while i < end {
                let b = bytes[i]
                // Most bytes are ASCII that neither Markdown, a control nor "www." could use: one test.
                if table[Int(b)] {
                    i += 1
                    continue
                }
                if b >= 0x80 { ascii = false }
                if b == 0x60 {
                    // Only a lone backtick, closed by the next lone one, on text outside spans.
                    guard i + 1 == end || bytes[i + 1] != 0x60, i == start || bytes[i - 1] != 0x60 else { return nil }
                    ticks.append(i)
                } else if b < 0x80 {
                    if b < 0x20 && b != 0x09 { return nil }
                    if ticks.count % 2 == 0 {
                        if isMarkup(b) { return nil }
                        // "www." starts an autolink
                        if b == 0x2E, i >= start + 3, bytes[i - 1] | 0x20 == 0x77, bytes[i - 2] | 0x20 == 0x77, bytes[i - 3] | 0x20 == 0x77 { return nil }
                    }
                } else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0x85 {
                    return nil  // NEL, a line break to the full path
                } else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, (0xA8...0xA9).contains(bytes[i + 2]) {
                    return nil  // line and paragraph separators
                }
                i += 1
            }
            guard ticks.count % 2 == 0 else { return nil }
            if ticks.isEmpty {
                if start == 0 && end == bytes.count { return (markdown, ascii) }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), ascii)
            }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var from = start
            for pair in stride(from: 0, to: ticks.count, by: 2) {
                let open = ticks[pair], close = ticks[pair + 1]
                out += bytes[from..<open]
                var a = open + 1, z = close
                // One space is stripped from each end of a span that has one at both and is not all spaces.
                if z - a >= 2, bytes[a] == 0x20, bytes[z - 1] == 0x20, bytes[a..<z].contains(where: { $0 != 0x20 }) {
                    a += 1
                    z -= 1
                }
                out += bytes[a..<z]
                from = close + 1
            }
            out += bytes[from..<end]
            // The shown text is trimmed; a span's edge spaces can now be at either end.
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
            let lead = out.prefix { $0 == 0x20 || $0 == 0x09 }.count
            // A span may bring other white space to an end, which the full path trims.
            guard lead == out.count || (out[lead] < 0x80 && out[out.count - 1] < 0x80) else { return nil }
            return (String(decoding: out[lead...], as: UTF8.self), ascii)
        }
    }
}
