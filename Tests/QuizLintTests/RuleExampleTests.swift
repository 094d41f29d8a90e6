import Foundation
import QuizKit
import QuizLint
import Testing

/// Every rule's own examples are its tests: a triggering example must give a finding of that rule
/// at each `↓` and nowhere else; a non-triggering example must give none.
struct RuleExampleTests {
    static let cases: [(RuleID, Int, Bool)] = RuleCatalog.all.flatMap { rule in
        let d = rule.description
        return d.triggering.indices.map { (d.id, $0, true) } + d.nonTriggering.indices.map { (d.id, $0, false) }
    }

    @Test("rule examples", arguments: cases.map { "\($0.0.rawValue) \($0.2 ? "triggering" : "non-triggering") #\($0.1 + 1)" })
    func example(_ name: String) throws {
        let (id, index, triggering) = Self.cases.first { "\($0.0.rawValue) \($0.2 ? "triggering" : "non-triggering") #\($0.1 + 1)" == name }!
        let description = RuleCatalog.rule(id)!.description
        let example = triggering ? description.triggering[index] : description.nonTriggering[index]
        let fixture = try ExampleRoot(example)
        defer { fixture.remove() }
        let report = Linter.lint(ContentRoot.load(at: fixture.url), configuration: Configuration.load(root: fixture.url))
        let got = report.findings.filter { $0.rule == id }.map { "\($0.file):\($0.line):\($0.column)" }
        let expected = fixture.markers.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(got.sorted() == expected.sorted(),
                "\(id.rawValue): \(report.findings.map { "\($0.file):\($0.line):\($0.column): \($0.message) [\($0.rule.rawValue)]" }.joined(separator: "\n"))")
        if triggering { #expect(!expected.isEmpty, "a triggering example needs a ↓ marker") }
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
