import Foundation
import QuizKit
import QuizLint
import Testing

/// Every rule's own examples are its tests: a triggering example must give a finding of that rule
/// at each `↓` and nowhere else; a non-triggering example must give none, and no error of another rule either.
@Suite(.timeLimit(.minutes(1))) struct RuleExampleTests {
    static let cases: [(RuleID, Int, Bool)] = RuleCatalog.all.flatMap { rule in
        let d = rule.description
        return d.triggering.indices.map { (d.id, $0, true) } + d.nonTriggering.indices.map { (d.id, $0, false) }
    }

    @Test("rule examples", arguments: cases.map { "\($0.0.rawValue) \($0.2 ? "triggering" : "non-triggering") #\($0.1 + 1)" })
    func example(_ name: String) throws {
        let (id, index, triggering) = Self.cases.first { "\($0.0.rawValue) \($0.2 ? "triggering" : "non-triggering") #\($0.1 + 1)" == name }!
        let description = RuleCatalog.rule(id)!.description
        let example = triggering ? description.triggering[index] : description.nonTriggering[index]
        let problems = try Self.problems(of: example, for: id, triggering: triggering)
        #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
    }

    /// What is wrong with running `example` as a test of rule `id`; nothing when it behaves as written.
    static func problems(of example: RuleExample, for id: RuleID, triggering: Bool) throws -> [String] {
        let fixture = try ExampleRoot(example)
        defer { fixture.remove() }
        let report = Linter.lint(ContentRoot.load(at: fixture.url), configuration: Configuration.load(root: fixture.url))
        let shown = { (f: Finding) in "\(f.file):\(f.line):\(f.column): \(f.message) [\(f.rule.rawValue)]" }
        var problems: [String] = []
        let got = report.findings.filter { $0.rule == id }.map { "\($0.file):\($0.line):\($0.column)" }
        let expected = fixture.markers.map { "\($0.file):\($0.line):\($0.column)" }
        if got.sorted() != expected.sorted() {
            problems.append("\(id.rawValue) found at \(got.sorted()), marked at \(expected.sorted()); all findings:\n"
                + report.findings.map(shown).joined(separator: "\n"))
        }
        if triggering && expected.isEmpty { problems.append("a triggering example needs a ↓ marker") }
        // A file with a syntax error is checked by no other rule, and an error elsewhere may stop a rule from
        // looking: an example that raises nothing must be clean, so that the rule really ran on it and passed.
        let blocking = report.findings.filter { $0.rule != id && ($0.rule == .yamlSyntax || (!triggering && $0.severity == .error)) }
        if !blocking.isEmpty { problems.append("it also raises:\n" + blocking.map(shown).joined(separator: "\n")) }
        return problems
    }

    @Test func anExampleThatRaisesNothingBecauseItIsBrokenIsCaught() throws {
        // No explanation, so missing-explanation would fire, but the file does not parse, so no rule runs.
        let broken = RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n  - {id: q, section: alpha, prompt: [P, choices: [A1, B1], answer: A}\n")
        let problems = try Self.problems(of: broken, for: .missingExplanation, triggering: false)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("it also raises:\nQuizzes/demo.yaml:4:") == true, "\(problems)")
        #expect(problems.first?.hasSuffix("[yaml-syntax]") == true, "\(problems)")
        let invalid = RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n  - {id: q, section: alpha, prompt: P, choices: [A1, B1], answer: Z, explanation: E}\n")
        let answerKey = try Self.problems(of: invalid, for: .duplicateChoice, triggering: false)
        #expect(answerKey.first?.hasSuffix("[answer-key]") == true, "an error of another rule: \(answerKey)")
    }

    @Test func everyRuleHasADescriptionAndExamples() {
        let described = RuleCatalog.all.map { $0.description.id }
        #expect(described == RuleID.allCases)
        for rule in RuleCatalog.all {
            #expect(!rule.description.triggering.isEmpty, "\(rule.description.id.rawValue) has no triggering example")
            #expect(!rule.description.nonTriggering.isEmpty, "\(rule.description.id.rawValue) has no non-triggering example")
        }
    }
}

/// A rule example written out as a content root in a temporary folder, with its `↓` markers taken out.
struct ExampleRoot {
    struct Marker { var file: String; var line: Int; var column: Int }
    let url: URL
    var markers: [Marker] = []

    init(_ example: RuleExample) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-example-\(UUID().uuidString)")
        for (path, text) in example.files {
            var clean = ""
            var line = 1, column = 1
            for ch in text.unicodeScalars {
                if ch == "↓" {
                    markers.append(Marker(file: path, line: line, column: column))
                    continue
                }
                clean.unicodeScalars.append(ch)
                if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            let fileURL = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try clean.write(to: fileURL, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
