import Foundation
import QuizYAML

/// A loaded content root: its lessons, its banks, and every problem found while reading them.
///
/// Loading never stops at a bad file: a file with a `yaml-syntax` finding is
/// listed in `brokenFiles` and takes no part in cross-file checks.
public struct ContentRoot: Sendable {
    public let url: URL
    public var lessons: [Lesson] = []
    public var banks: [Bank] = []
    /// Problems found while reading files (syntax, structure, values), unsorted.
    public var findings: [Finding] = []
    /// Every content file, relative to the root, sorted.
    public var files: [String] = []
    /// Files that could not be parsed at all.
    public var brokenFiles: Set<String> = []
    /// Files read whose text never holds `quizlint:`, the mark every inline lint directive starts with,
    /// found while their bytes were at hand: lint need not read them again to look for one.
    public var directiveFreeFiles: Set<String> = []

    public init(url: URL) {
        self.url = url
    }

    /// The folder that holds `Lessons/` or `Quizzes/`, walking up from `start` as git finds `.git`.
    public static func locate(from start: URL) -> URL? {
        var dir = start.standardizedFileURL
        let fm = FileManager.default
        while true {
            for name in ["Quizzes", "Lessons"] {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir), isDir.boolValue {
                    return dir
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The content files of a root: `Lessons/*.md` and `Quizzes/*.yaml` (or `.yml`), relative and sorted.
    public static func contentFiles(at url: URL) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for (folder, exts) in [("Lessons", ["md"]), ("Quizzes", ["yaml", "yml"])] {
            guard let names = try? fm.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path) else { continue }
            for name in names where exts.contains((name as NSString).pathExtension) && !name.hasPrefix(".") {
                out.append("\(folder)/\(name)")
            }
        }
        return out.sorted()
    }

    /// Reads every lesson and bank of the root (with `banks: false`, the lessons only).
    ///
    /// Files are independent, so they are read on every core at once; what each yields is
    /// then joined in file order, so the result is the same as reading them one by one.
    public static func load(at url: URL, banks loadBanks: Bool = true) -> ContentRoot {
        var root = ContentRoot(url: url)
        root.files = contentFiles(at: url)
        let wanted = root.files.filter { loadBanks || $0.hasPrefix("Lessons/") }
        nonisolated(unsafe) var loaded = [LoadedFile](repeating: LoadedFile(), count: wanted.count)
        loaded.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            if wanted.count == 1 {
                out[0] = loadFile(wanted[0], in: url)
            } else {
                DispatchQueue.concurrentPerform(iterations: wanted.count) { i in out[i] = loadFile(wanted[i], in: url) }
            }
        }
        for i in loaded.indices {
            var file = LoadedFile()
            swap(&file, &loaded[i])
            root.take(file, named: wanted[i])
        }
        return root
    }

    /// Reads only `files` (root-relative `Lessons/*.md` and `Quizzes/*.yaml` paths) and lists only
    /// them in `files`: what one session needs of a large course, without the rest of it.
    /// A file that does not exist gets the same finding a full load would give an unreadable one.
    public static func load(at url: URL, only files: [String]) -> ContentRoot {
        var root = ContentRoot(url: url)
        root.files = files.sorted()
        for file in root.files { root.read(file) }
        return root
    }

    /// Reads one more content file into the root (a lesson a bank links to, say) and lists it in `files`.
    public mutating func add(_ file: String) {
        files.insert(file, at: files.firstIndex { $0 > file } ?? files.count)
        read(file)
    }

    /// Reads one content file into the root: a lesson, or a bank decoded while libyaml reads it.
    mutating func read(_ file: String) {
        take(Self.loadFile(file, in: url), named: file)
    }

    /// Adds what reading `name` yielded: its lesson or bank, its findings, whether it is broken.
    private mutating func take(_ loaded: LoadedFile, named name: String) {
        if let lesson = loaded.lesson { lessons.append(lesson) }
        if let bank = loaded.bank { banks.append(bank) }
        findings += loaded.findings
        if loaded.broken { brokenFiles.insert(name) }
        // A file read again may have gained a directive since.
        if loaded.directiveFree { directiveFreeFiles.insert(name) } else { directiveFreeFiles.remove(name) }
    }

    /// What reading one content file yields.
    private struct LoadedFile {
        var lesson: Lesson?
        var bank: Bank?
        var findings: [Finding] = []
        var broken = false
        /// The file's text does not hold `quizlint:`.
        var directiveFree = false

        mutating func syntaxProblem(_ file: String, _ error: YAMLError, bytes: [UInt8]) {
            broken = true
            findings.append(ContentRoot.syntaxFinding(file, error, bytes: bytes))
        }
    }

    private static func loadFile(_ file: String, in url: URL) -> LoadedFile {
        var out = LoadedFile()
        let fileURL = url.appendingPathComponent(file)
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var bytes: [UInt8]
        do { bytes = try YAMLParser.readFile(fileURL) } catch {
            out.syntaxProblem(file, error, bytes: [])
            return out
        }
        out.directiveFree = !mentionsDirective(bytes)
        if file.hasPrefix("Lessons/") {
            if let error = YAMLParser.encodingError(bytes) {
                out.syntaxProblem(file, error, bytes: bytes)
                return out
            }
            let parsed = LessonParser.parse(String(decoding: bytes, as: UTF8.self), id: stem, file: file)
            out.lesson = parsed.lesson
            out.findings = parsed.findings
            return out
        }
        // A large bank is read on two cores: its questions cut in two halves at an item.
        let parts: YAMLParts
        do { parts = try YAMLParser.parts(bytes, sequence: "questions") } catch {
            out.syntaxProblem(file, error, bytes: bytes)
            return out
        }
        bytes = []  // the document holds its own copy of the text: free the file before decoding
        let decoded = BankDecoder.decode(parts: parts, file: file, fileStem: stem)
        out.bank = decoded.bank
        out.findings = decoded.findings
        return out
    }

    /// Whether some bytes hold `quizlint:`, found by looking for its `z` (rare in text) with `memchr`.
    public static func mentionsDirective(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let marker: StaticString = "quizlint:"
        let anchor = 3  // its "z"
        let count = marker.utf8CodeUnitCount
        guard let base = bytes.baseAddress, bytes.count >= count else { return false }
        var from = anchor
        while from < bytes.count - (count - anchor - 1) {
            guard let hit = memchr(base + from, 0x7A, bytes.count - (count - anchor - 1) - from) else { return false }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at - anchor, marker.utf8Start, count) == 0 { return true }
            from = at + 1
        }
        return false
    }

    public static func mentionsDirective(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { mentionsDirective($0) }
    }

    static func syntaxFinding(_ file: String, _ error: YAMLError, bytes: [UInt8]) -> Finding {
        let mark = clamp(error.mark, to: bytes)
        return Finding(file: file, line: mark.line, column: mark.column, rule: .yamlSyntax,
                       message: SyntaxAdvice.message(for: error, in: bytes))
    }

    /// Keeps a mark within the file's last line (libyaml may point just past the end).
    static func clamp(_ mark: Mark, to bytes: [UInt8]) -> Mark {
        guard !bytes.isEmpty else { return Mark(line: 1, column: 1) }
        var lines = 1
        var lastLineStart = 0
        for (i, b) in bytes.enumerated() where b == 0x0A && i < bytes.count - 1 {
            lines += 1
            lastLineStart = i + 1
        }
        guard mark.line > lines else { return mark }
        var end = bytes.count
        while end > lastLineStart, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let width = String(decoding: bytes[lastLineStart..<end], as: UTF8.self).unicodeScalars.count
        return Mark(line: lines, column: width + 1)
    }

    public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }
    public func bank(_ id: String) -> Bank? { banks.first { $0.id == id } }

    /// What a section reference of a bank points at.
    public enum Resolution: Sendable {
        case section(Lesson, Section)
        case noLesson(String)
        case noSection(Lesson, String)
    }

    /// Resolves `section-id` (in the bank's lesson) or `lesson-id#section-id`.
    public func resolve(_ reference: String, lesson defaultLesson: String) -> Resolution {
        let (lessonID, sectionID) = Self.split(reference, lesson: defaultLesson)
        guard let lesson = lesson(lessonID) else { return .noLesson(lessonID) }
        guard let section = lesson.section(sectionID) else { return .noSection(lesson, sectionID) }
        return .section(lesson, section)
    }

    /// The lesson files a bank links to, which its usability depends on: its own lesson's, and those its questions'
    /// and tests' `lesson#section` references name, whether or not they exist.
    public static func lessonFiles(linkedFrom bank: Bank) -> [String] {
        var ids: Set<String> = [bank.lesson]
        var seen: Set<String> = []
        func note(_ reference: String) {
            guard reference.utf8.contains(UInt8(ascii: "#")), seen.insert(reference).inserted else { return }
            ids.insert(split(reference, lesson: bank.lesson).0)
        }
        for question in bank.questions { note(question.section) }
        for test in bank.tests { test.pool.sections?.forEach(note) }
        return ids.filter { !$0.isEmpty && !$0.contains("/") }.map { "Lessons/\($0).md" }.sorted()
    }

    static func split(_ reference: String, lesson: String) -> (String, String) {
        if let hash = reference.firstIndex(of: "#") {
            return (String(reference[..<hash]), String(reference[reference.index(after: hash)...]))
        }
        return (lesson, reference)
    }

    /// The lesson and section ids a question's section resolves to, or nil.
    public func sectionKey(of question: Question, in bank: Bank) -> SectionKey? {
        sectionKey(question.section, lesson: bank.lesson)
    }

    /// The lesson and section ids a section reference written in a bank whose lesson is `lesson` resolves to, or nil.
    public func sectionKey(_ reference: String, lesson: String) -> SectionKey? {
        guard case .section(let l, let s) = resolve(reference, lesson: lesson) else { return nil }
        return SectionKey(lesson: l.id, section: s.id)
    }

    /// The section each question of a bank resolves to, in question order (nil where it does not).
    public func sectionKeys(of bank: Bank) -> [SectionKey?] {
        let (numbers, sections) = sectionNumbers(of: bank)
        return numbers.map { sections[$0] }
    }

    /// The sections a bank's questions resolve to, each once (`sections`, nil for a reference that
    /// does not resolve), and for each question, in question order, the number of its section there:
    /// numbers that are equal exactly when the sections are, so grouping needs no hashing.
    ///
    /// A bank refers to a few sections many times, so each reference is resolved once; and questions
    /// of a section usually stand together, so the question before is tried first (a string compared,
    /// not hashed). By index, reading only each question's section: a whole Question copied per
    /// question cost more than the look-up.
    public func sectionNumbers(of bank: Bank) -> (numbers: [Int], sections: [SectionKey?]) {
        var numberOfReference: [String: Int] = [:]
        var numberOf: [SectionKey?: Int] = [:]
        var sections: [SectionKey?] = []
        var numbers: [Int] = []
        numbers.reserveCapacity(bank.questions.count)
        var last: (reference: String, number: Int)?
        for i in bank.questions.indices {
            let reference = bank.questions[i].section
            if let last, last.reference == reference {
                numbers.append(last.number)
                continue
            }
            let number: Int
            if let known = numberOfReference[reference] {
                number = known
            } else {
                let key = sectionKey(reference, lesson: bank.lesson)
                if let n = numberOf[key] {
                    number = n
                } else {
                    number = sections.count
                    numberOf[key] = number
                    sections.append(key)
                }
                numberOfReference[reference] = number
            }
            last = (reference, number)
            numbers.append(number)
        }
        return (numbers, sections)
    }

    /// The quick checks of a section: questions with `check: true` of every bank, in file then bank order.
    public func quickChecks(lesson: String, section: String) -> [(bank: Bank, question: Question)] {
        var out: [(Bank, Question)] = []
        let wanted = SectionKey(lesson: lesson, section: section)
        for bank in banks where !brokenFiles.contains(bank.file) {
            for (q, key) in zip(bank.questions, sectionKeys(of: bank)) where q.check && q.isValid && key == wanted {
                out.append((bank, q))
            }
        }
        return out
    }
}

/// A section by lesson id and section id.
public struct SectionKey: Sendable, Hashable, Comparable {
    public var lesson: String
    public var section: String

    public init(lesson: String, section: String) {
        self.lesson = lesson
        self.section = section
    }

    public static func < (a: SectionKey, b: SectionKey) -> Bool { (a.lesson, a.section) < (b.lesson, b.section) }
}
