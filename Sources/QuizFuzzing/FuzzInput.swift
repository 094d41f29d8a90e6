import Foundation
import QuizKit
import QuizLint
import QuizYAML

/// What the fuzzer does with one input: the same code runs under libFuzzer (`Scripts/fuzz`) and in
/// the ordinary test suite, which replays the committed corpus (`Tests/QuizFuzzTests/Corpus`).
///
/// The first byte picks the path, so one target covers them all:
///
/// | first byte % 4 | the rest is written as |
/// |---|---|
/// | 0 | a bank, `Quizzes/course.yaml` |
/// | 1 | a lesson, `Lessons/course.md` |
/// | 2 | a lint configuration, `.quizlint.yaml` (beside a small valid lesson and bank) |
/// | 3 | a whole course: lesson, bank and configuration, separated by NUL bytes in that order |
///
/// Every path parses the bytes with the YAML layer, loads the course folder as `quiz lint` does,
/// runs every lint rule and renders the report in every lint output format.
public enum FuzzInput {
    public enum Mode: UInt8, CaseIterable, Sendable {
        case bank = 0, lesson = 1, configuration = 2, course = 3
    }

    /// The course files an input becomes, by path relative to the course folder.
    public static func files(for bytes: [UInt8]) -> [String: [UInt8]] {
        guard let first = bytes.first, let mode = Mode(rawValue: first % 4) else { return [:] }
        let rest = Array(bytes.dropFirst())
        switch mode {
        case .bank:
            return [bankFile: rest]
        case .lesson:
            return [lessonFile: rest]
        case .configuration:
            return [Configuration.fileName: rest, lessonFile: Array(smallLesson.utf8), bankFile: Array(smallBank.utf8)]
        case .course:
            let parts = rest.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
            var files: [String: [UInt8]] = [:]
            for (path, part) in zip([lessonFile, bankFile, Configuration.fileName], parts) { files[path] = part }
            return files
        }
    }

    /// An input that `files(for:)` turns back into the given course files.
    public static func encode(lesson: [UInt8], bank: [UInt8], configuration: [UInt8] = []) -> [UInt8] {
        [Mode.course.rawValue] + lesson + [0] + bank + [0] + configuration
    }

    /// An input for one path: `mode`'s byte followed by `content`.
    public static func encode(_ mode: Mode, _ content: [UInt8]) -> [UInt8] {
        [mode.rawValue] + content
    }

    /// Runs one input through every layer. Returns the rendered reports (for tests); never traps on
    /// any input, which is what the fuzzer checks.
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> [String] {
        let files = files(for: bytes)
        guard !files.isEmpty else { return [] }

        // The YAML layer on its own, on every file (a lesson's front matter is YAML too).
        for content in files.values {
            _ = YAMLParser.encodingError(content)
            _ = try? YAMLParser.parse(content)
        }

        // A bank read in two parts, cut wherever its shape allows, must read as the whole file does.
        if let bank = files[bankFile] { checkParts(bank) }

        // A fresh course folder, written and removed with plain system calls: Foundation's
        // Data.write syncs every file to disk, which would cost more than the rest of the run.
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("quiz-fuzz-\(getpid())-\(UUID().uuidString)")
        let folders = [folder.path, folder.path + "/Lessons", folder.path + "/Quizzes"]
        defer {
            for path in files.keys { unlink(folder.path + "/" + path) }
            for path in folders.reversed() { rmdir(path) }
        }
        for path in folders where mkdir(path, 0o700) != 0 { return [] }
        for (path, content) in files {
            let fd = open(folder.path + "/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { return [] }
            let written = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == content.count else { return [] }
        }

        let root = ContentRoot.load(at: folder)
        let configuration = Configuration.load(root: folder)
        var report = Linter.lint(root, configuration: configuration)
        report.base = folder
        var rendered = Reporters.all.map { $0.render(report) }
        // The machine-readable formats must stay well-formed whatever the input holds.
        for reporter in [JSONReporter.self, SARIFReporter.self] as [any Reporter.Type] {
            let text = reporter.render(report)
            guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil else {
                fatalError("\(reporter.name) output is not JSON:\n\(text)")
            }
        }
        rendered.append(TextReporter.render(report, color: true))
        rendered.append(TextReporter.summary(of: report))
        return rendered
    }

    static let lessonFile = "Lessons/course.md"
    static let bankFile = "Quizzes/course.yaml"

    static let smallLesson = """
        ---
        title: Course
        ---

        # Course

        ## Basics

        Some text.

        """

    static let smallBank = """
        quiz: course
        title: Course
        questions:
          - id: q1
            section: basics
            prompt: Which one?
            choices: [Always this, That, Other]
            answer: A
            explanation: Because.
          - id: q2
            section: basics
            type: truefalse
            prompt: Is it so?
            answer: true

        """

    /// Traps when reading `bytes` in parts (``YAMLParser/parts(_:sequence:limits:splitAbove:)``, at any
    /// size) gives other nodes, places or errors than reading them whole: the fuzzer reports that as a crash.
    static func checkParts(_ bytes: [UInt8]) {
        var whole: YAMLDocument?
        var wholeError: YAMLError?
        do { whole = try YAMLParser.document(bytes) } catch { wholeError = error }
        var parts: YAMLParts?
        var partsError: YAMLError?
        do { parts = try YAMLParser.parts(bytes, sequence: "questions", splitAbove: 0) } catch { partsError = error }
        if let wholeError {
            precondition(partsError == wholeError, "the parts fail otherwise than the whole file: \(String(describing: partsError)) / \(wholeError)")
            return
        }
        guard let parts, parts.rest != nil else {
            precondition(partsError == nil, "the parts fail where the whole file does not")
            return
        }
        let a = whole.map { $0.node($0.root) }
        let b = parts.joined().map { $0.node($0.root) }
        precondition(a == b && a?.description == b?.description, "the parts read otherwise than the whole file")
    }
}
