import Foundation
import QuizKit
import QuizLint
import Testing

/// Hostile or broken bank files are inputs like any other: one clear finding each, never a crash or a hang.
@Suite(.timeLimit(.minutes(1))) struct HostileFileTests {
    static func lint(_ bytes: [UInt8], directory: Bool = false) throws -> LintReport {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-hostile-\(UUID().uuidString)")
        let bank = url.appendingPathComponent("Quizzes/demo.yaml")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        if directory {
            try FileManager.default.createDirectory(at: bank, withIntermediateDirectories: true)
        } else {
            try Data(bytes).write(to: bank)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return Linter.lint(ContentRoot.load(at: url), configuration: Configuration())
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let deepFlow = text("quiz: demo\ntitle: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
    static let deepBlock = text((0..<2000).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined())
    static let bomb = text("""
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

        """)

    /// A hostile file, named briefly in the test's output (its bytes run to hundreds of kilobytes).
    struct HostileFile: Sendable, CustomTestStringConvertible, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var message: String
        var testDescription: String { name }
        var description: String { name }
    }

    static let syntaxOnly: [HostileFile] = [
        HostileFile(name: "deep flow nesting", bytes: deepFlow, message: "nesting is deeper than 256 levels"),
        HostileFile(name: "deep block nesting", bytes: deepBlock, message: "nesting is deeper than 256 levels"),
        HostileFile(name: "alias bomb", bytes: bomb, message: "aliases expand to more than"),
        HostileFile(name: "invalid UTF-8", bytes: text("quiz: demo\ntitle: caf") + [0xE9] + text("\n"), message: "not valid UTF-8"),
        HostileFile(name: "a tab for indentation", bytes: text("quiz: demo\ntitle: Demo\nquestions:\n\t- id: x\n"),
                    message: "found character that cannot start any token"),
    ]

    @Test(arguments: syntaxOnly)
    func oneSyntaxFindingQuickly(_ file: HostileFile) throws {
        let start = Date()
        let report = try Self.lint(file.bytes)
        // A bound that only a hang or a blow-up crosses; the real figures are the benchmarks' job.
        #expect(Date().timeIntervalSince(start) < 20, "\(file.name) took too long")
        #expect(report.findings.count == 1, "\(file.name): \(report.findings)")
        #expect(report.findings.first?.rule == .yamlSyntax)
        #expect(report.findings.first?.message.contains(file.message) == true, "\(file.name): \(report.findings.first?.message ?? "")")
    }

    @Test func invalidUTF8IsPlacedAtTheBadByte() throws {
        let report = try Self.lint(Self.text("quiz: demo\ntitle: caf") + [0xE9] + Self.text("\n"))
        #expect(report.findings.first.map { "\($0.line):\($0.column)" } == "2:11")
    }

    @Test func anEmptyFileSaysWhatABankNeeds() throws {
        let report = try Self.lint([])
        #expect(report.findings.map(\.rule) == [.missingField])
        #expect(report.findings.first?.message.contains("the file is empty") == true)
    }

    @Test func aDirectoryNamedLikeABankIsReported() throws {
        let report = try Self.lint([], directory: true)
        #expect(report.findings.map(\.rule) == [.yamlSyntax])
        #expect(report.findings.first?.message == "is a directory, not a file")
    }

    @Test func aHugeLegitBankLintsWithoutFindingsOfSyntax() throws {
        var yaml = "quiz: demo\ntitle: Demo\nquestions:\n"
        for i in 0..<5000 {
            yaml += "  - {id: q\(i), section: s, prompt: P\(i)?, choices: [A\(i), B\(i)], answer: A, explanation: E}\n"
        }
        let report = try Self.lint(Self.text(yaml))
        #expect(!report.findings.contains { $0.rule == .yamlSyntax })
    }
}
