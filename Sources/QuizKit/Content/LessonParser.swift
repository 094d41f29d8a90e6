import QuizMarkdown

/// Reads a lesson's Markdown into a `Lesson`: front matter, title, intro and
/// `## ` sections with ids, word counts and reading times.
///
/// Parsing never fails. Problems (bad front matter, two sections with one id)
/// come back as findings beside a lesson built from everything that could be
/// read, so one lint run reports them all. The Markdown after the front
/// matter is read by cmark-gfm, so headings inside fenced code blocks and
/// `<!-- -->` comment blocks are not headings, as on GitHub. Every heading
/// takes a slug; only `## ` headings outside quotes and lists open a section.
public enum LessonParser {
    /// Reading speed the reading time is computed with, in words per minute.
    public static let wordsPerMinute = 200

    /// Parses the lesson `id` whose text is `text`; `file` is the path findings name.
    public static func parse(_ text: String, id: String, file: String) -> (lesson: Lesson, findings: [Finding]) {
        let lines = Self.lines(of: text)
        var findings: [Finding] = []
        var frontMatter = FrontMatter()
        var bodyStart = 0

        if let first = lines.first, isFrontMatterFence(first) {
            if let close = lines.indices.dropFirst().first(where: { isFrontMatterFence(lines[$0]) }) {
                let yaml = lines[1..<close].joined(separator: "\n")
                let (read, problems) = FrontMatter.read(yaml, firstLine: 2, file: file)
                frontMatter = read
                findings += problems
                bodyStart = close + 1
            } else {
                findings.append(Finding(file: file, line: 1, column: 1, rule: .yamlSyntax,
                                        message: "the front matter opened by `---` on line 1 is never closed; add a `---` line after its last key"))
            }
        }

        var slugger = Slugger()
        var titleHeading: (lines: ClosedRange<Int>, text: String)?
        var starts: [(index: Int, id: String, title: String)] = []
        var firstLineOfID: [String: Int] = [:]

        let document = MarkdownDocument(lines[bodyStart...].joined(separator: "\n"))
        for heading in document.headings {
            guard let range = heading.range else { continue }
            let index = bodyStart + range.startLine - 1
            let headingID = slugger.id(for: heading)
            guard heading.isTopLevel else { continue }
            if heading.level == 1, titleHeading == nil, !heading.text.isEmpty {
                titleHeading = (index...(bodyStart + range.endLine - 1), heading.text)
            }
            guard heading.level == 2, heading.isATX else { continue }
            if let first = firstLineOfID[headingID] {
                findings.append(Finding(file: file, line: index + 1, column: 1, rule: .duplicateID,
                                        message: "section id `\(headingID)` is already used by the heading on line \(first); give one of them a different `{#id}`"))
            } else {
                firstLineOfID[headingID] = index + 1
            }
            starts.append((index, headingID, heading.text))
        }

        let introEnd = starts.first?.index ?? lines.count
        let introLines = lines[bodyStart..<introEnd].indices
            .filter { !(titleHeading?.lines.contains($0) ?? false) }
            .map { lines[$0] }
        let sections = starts.indices.map { k in
            let start = starts[k]
            let end = k + 1 < starts.count ? starts[k + 1].index : lines.count
            return section(id: start.id, title: start.title, line: start.index + 1, body: lines[(start.index + 1)..<end])
        }
        let lesson = Lesson(
            id: id,
            title: frontMatter.title ?? titleHeading?.text ?? id,
            summary: frontMatter.summary,
            links: frontMatter.links,
            file: file,
            intro: trimmingBlankLines(introLines).joined(separator: "\n"),
            sections: sections
        )
        return (lesson, findings)
    }

    /// The lines of `text`, without their line endings: `\r\n`, a lone `\r` and `\n` all end
    /// a line, as in CommonMark; a leading byte-order mark is dropped, and a final line
    /// ending adds no empty line. In Swift `"\r\n"` is one `Character`, so lines are cut on
    /// the UTF-8 bytes (CR and LF are never part of another character's bytes).
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x0A || b == 0x0D else {
                    i += 1
                    continue
                }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            }
            if start < bytes.count { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return lines
        }
    }

    /// How many words `text` holds: `text.split(whereSeparator: \.isWhitespace).count`, with
    /// Characters looked at only in pieces that hold non-ASCII text.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            ShownText.forEachPiece(of: bytes, cutAt: { $0 == 0x20 || (0x09...0x0D).contains($0) }) { range, ascii in
                if ascii {
                    count += 1
                } else {
                    count += String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                        .split(whereSeparator: \.isWhitespace).count
                }
            }
            return count
        }
    }

    /// The lines with blank lines removed from both ends.
    static func trimmingBlankLines(_ lines: some BidirectionalCollection<String>) -> [String] {
        let isBlank = { (line: String) in line.allSatisfy { $0 == " " || $0 == "\t" } }
        guard let first = lines.firstIndex(where: { !isBlank($0) }),
              let last = lines.lastIndex(where: { !isBlank($0) }) else { return [] }
        return Array(lines[first...last])
    }

    private static func isFrontMatterFence(_ line: String) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func section(id: String, title: String, line: Int, body: ArraySlice<String>) -> Section {
        var bodyLines = trimmingBlankLines(body)
        var stated: Int?
        if let first = bodyLines.first, let minutes = statedReadingTime(first) {
            stated = minutes
            bodyLines = trimmingBlankLines(bodyLines.dropFirst())
        }
        let text = bodyLines.joined(separator: "\n")
        let words = wordCount(text)
        let computed = (words + wordsPerMinute - 1) / wordsPerMinute
        return Section(id: id, title: title, line: line, body: text, wordCount: words, readingMinutes: stated ?? computed)
    }

    /// `Reading time: 3 min` (also `mins`, `minute`, `minutes`; any case) → 3.
    static func statedReadingTime(_ line: String) -> Int? {
        // Most sections open with a paragraph: its first seven characters already say it is not this.
        guard line.drop(while: \.isWhitespace).prefix(7).lowercased() == "reading" else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard words.count == 4, words[0] == "reading", words[1] == "time:",
              ["min", "mins", "minute", "minutes"].contains(words[3]),
              words[2].allSatisfy(\.isASCII), let minutes = Int(words[2]), minutes >= 0 else { return nil }
        return minutes
    }
}
