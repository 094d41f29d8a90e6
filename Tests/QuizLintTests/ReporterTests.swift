import Foundation
import QuizKit
import QuizTestSupport
import Testing

private let golden = Golden(besides: #filePath)
@testable import QuizLint
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One report for every format: findings in two files, a clean third file, and messages with
/// every character some format must escape (comma, colon, quotes, `<`, `&`, `%`, LF, CR LF, é, —).
private let sample = LintReport(
    findings: [
        Finding(file: "Quizzes/http, ws.yaml", line: 14, column: 3, rule: .unknownKey,
                message: "unknown key \"explaination\" in a single question\r\n(did you mean \"explanation\"?)"),
        Finding(file: "Lessons/intro.md", line: 12, column: 1, rule: .sectionCoverage,
                message: "section \"Long polling — a history\" is the target of no quick check"),
        Finding(file: "Quizzes/http, ws.yaml", line: 9, column: 11, rule: .invalidValue,
                message: "time_limit \"90% of 1:30, <soon> & 'café'\" is not a duration —\nwrite minutes, e.g. \"45m\""),
        Finding(file: "Quizzes/http, ws.yaml", line: 3, column: 5, rule: .answerKey,
                message: "answer \"E\" is not one of the 4 choices (A–D)"),
        Finding(file: "Quizzes/http, ws.yaml", line: 14, column: 3, rule: .missingExplanation,
                message: "question \"ws-upgrade\" has no explanation"),
        Finding(file: "Quizzes/http, ws.yaml", line: 30, column: 1, severity: .error, rule: .testTime,
                message: "time limit 5m is shorter than the 7m 30s its longest draw needs"),
    ],
    files: ["Lessons/intro.md", "Quizzes/http, ws.yaml", "Quizzes/sse.yaml"],
    base: URL(fileURLWithPath: "/home/ci/course", isDirectory: true)
)

@Suite struct ReporterOutputTests {
    static let expectedFiles = [
        ("text", "lint.txt"),
        ("json", "lint.json"),
        ("sarif", "lint.sarif"),
        ("github", "lint.github.txt"),
        ("junit", "lint.junit.xml"),
    ]

    @Test(arguments: expectedFiles)
    func matchesExpectedFile(format: String, fileName: String) throws {
        let reporter = try #require(Reporters.named(format))
        try golden.check(reporter.render(sample), matches: fileName)
    }

    @Test func everyReporterHasAnExpectedFile() {
        #expect(Reporters.all.map { $0.name } == Self.expectedFiles.map(\.0))
    }
}

@Suite struct ReportersTests {
    @Test func listsTheFormatsOfTheContractInOrder() {
        #expect(Reporters.all.map { $0.name } == ["text", "json", "sarif", "github", "junit"])
    }

    @Test(arguments: ["", "JSON", "xml", "text "])
    func unknownNameFindsNothing(name: String) {
        #expect(Reporters.named(name) == nil)
    }

    @Test func findsEachReporterByItsName() {
        #expect(Reporters.named("text") == TextReporter.self)
        #expect(Reporters.named("junit") == JUnitReporter.self)
    }
}

@Suite struct TextReporterTests {
    @Test(arguments: [
        (0, 0, 3, "0 errors, 0 warnings in 3 files"),
        (1, 1, 1, "1 error, 1 warning in 1 file"),
        (2, 0, 1, "2 errors, 0 warnings in 1 file"),
        (0, 3, 0, "0 errors, 3 warnings in 0 files"),
        (1, 2, 2, "1 error, 2 warnings in 2 files"),
    ])
    func summaryLine(errors: Int, warnings: Int, files: Int, expected: String) {
        let findings = (0..<errors).map { Finding(file: "a.yaml", line: $0 + 1, column: 1, rule: .answerKey, message: "m") }
            + (0..<warnings).map { Finding(file: "a.yaml", line: $0 + 1, column: 1, rule: .testTime, message: "m") }
        let report = LintReport(findings: findings, files: (0..<files).map { "f\($0).yaml" })
        #expect(TextReporter.summary(of: report) == expected)
        #expect(TextReporter.render(report).hasSuffix(expected + "\n"))
    }

    @Test func colorMarksPlaceSeverityAndRule() {
        let report = LintReport(
            findings: [
                Finding(file: "q.yaml", line: 2, column: 7, rule: .answerKey, message: "bad answer"),
                Finding(file: "q.yaml", line: 4, column: 1, rule: .missingExplanation, message: "no explanation"),
            ],
            files: ["q.yaml"]
        )
        #expect(TextReporter.render(report, color: true) == """
            \u{1B}[1mq.yaml:2:7\u{1B}[0m: \u{1B}[31merror\u{1B}[0m: bad answer \u{1B}[2m[answer-key]\u{1B}[0m
            \u{1B}[1mq.yaml:4:1\u{1B}[0m: \u{1B}[33mwarning\u{1B}[0m: no explanation \u{1B}[2m[missing-explanation]\u{1B}[0m
            1 error, 1 warning in 1 file

            """)
    }

    @Test func withoutColorThereAreNoEscapes() {
        #expect(TextReporter.render(sample) == TextReporter.render(sample, color: false))
        #expect(!TextReporter.render(sample).unicodeScalars.contains("\u{1B}"))
    }

    @Test func controlCharactersInAMessageStayVisible() {
        let report = LintReport(
            findings: [Finding(file: "q.yaml", line: 1, column: 1, rule: .invalidValue, message: "a\u{1B}[2Jb\tc\r\nd")],
            files: ["q.yaml"]
        )
        #expect(TextReporter.render(report) == "q.yaml:1:1: error: a\\u{1B}[2Jb\tc\\r\\nd [invalid-value]\n1 error, 0 warnings in 1 file\n")
    }
}

@Suite struct JSONReporterTests {
    @Test func decodesToTheContractShape() throws {
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReporter.render(sample).utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["findings", "errors", "warnings", "files"])
        #expect(json["errors"] as? Int == 4)
        #expect(json["warnings"] as? Int == 2)
        #expect(json["files"] as? Int == 3)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == sample.findings.count)
        for (entry, finding) in zip(findings, sample.findings) {
            #expect(Set(entry.keys) == ["file", "line", "column", "severity", "rule", "message"])
            #expect(entry["file"] as? String == finding.file)
            #expect(entry["line"] as? Int == finding.line)
            #expect(entry["column"] as? Int == finding.column)
            #expect(entry["severity"] as? String == finding.severity.rawValue)
            #expect(entry["rule"] as? String == finding.rule.rawValue)
            #expect(entry["message"] as? String == finding.message)
        }
    }

    @Test func emptyReportHasNoFindings() throws {
        let output = JSONReporter.render(LintReport(findings: [], files: []))
        #expect(output.hasSuffix("}\n"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true)
    }
}

@Suite struct SARIFReporterTests {
    @Test func hasTheStructureOfSARIF210() throws {
        let log = try #require(JSONSerialization.jsonObject(with: Data(SARIFReporter.render(sample).utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: Any]])
        #expect(bases["%SRCROOT%"]?["uri"] as? String == "file:///home/ci/course/")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "quiz")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.map { $0["id"] as? String }
        #expect(ruleIDs == RuleID.allCases.map(\.rawValue))
        #expect(ruleIDs.count == 22)
        #expect(rules.first?["name"] as? String == "YamlSyntax")
        #expect(rules.first { $0["id"] as? String == "answer-position-bias" }?["name"] as? String == "AnswerPositionBias")
        for (rule, id) in zip(rules, RuleID.allCases) {
            let name = try #require(rule["name"] as? String)
            #expect(name.first?.isUppercase == true && name.lowercased() == id.rawValue.replacingOccurrences(of: "-", with: ""))
            let summary = try #require(RuleCatalog.rule(id)?.description.summary)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == summary, "the rule's own summary")
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == id.defaultSeverity.rawValue)
        }

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == sample.findings.count)
        var shown: [String] = []
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(ruleIDs.firstIndex(of: ruleID))
            #expect(result["ruleIndex"] as? Int == index)
            #expect(["error", "warning", "note", "none"].contains(result["level"] as? String))
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let file = try #require((artifact["uri"] as? String)?.removingPercentEncoding)
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(physical["region"] as? [String: Any])
            let line = try #require(region["startLine"] as? Int), column = try #require(region["startColumn"] as? Int)
            shown.append("\(file):\(line):\(column): \(result["level"] as? String ?? "?"): \(message) [\(ruleID)]")
        }
        // Each finding once, with its exact place, severity and message.
        #expect(shown.sorted() == sample.findings.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message) [\($0.rule.rawValue)]" }.sorted())
    }

    @Test func levelIsTheFindingsSeverityAndURIsArePercentEncoded() throws {
        let finding = Finding(file: "Quizzes/ç a,b.yaml", line: 3, column: 2, severity: .error, rule: .testTime, message: "m")
        let output = SARIFReporter.render(LintReport(findings: [finding], files: [finding.file]))
        let log = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["level"] as? String == "error")
        #expect(result["ruleIndex"] as? Int == RuleID.allCases.firstIndex(of: .testTime))
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Quizzes/%C3%A7%20a%2Cb.yaml")
        // Without a known base, a location names no base that the log would leave undefined.
        #expect((location["artifactLocation"] as? [String: Any])?["uriBaseId"] == nil)
        #expect(run["originalUriBaseIds"] == nil)
    }
}

@Suite struct ReportPathTests {
    private let report = LintReport(
        findings: [Finding(file: "Quizzes/a.yaml", line: 1, column: 1, rule: .answerKey, message: "m")],
        files: ["Lessons/a.md", "Quizzes/a.yaml"])

    @Test func fromAboveTheRootPathsGainTheRootsFolders() {
        let moved = report.relative(to: URL(fileURLWithPath: "/repo"), root: URL(fileURLWithPath: "/repo/courses/web"))
        #expect(moved.findings.map(\.file) == ["courses/web/Quizzes/a.yaml"])
        #expect(moved.files == ["courses/web/Lessons/a.md", "courses/web/Quizzes/a.yaml"])
        #expect(moved.base?.path == "/repo")
    }

    @Test func atTheRootPathsStayAsTheyAre() {
        let moved = report.relative(to: URL(fileURLWithPath: "/repo"), root: URL(fileURLWithPath: "/repo"))
        #expect(moved.findings.map(\.file) == ["Quizzes/a.yaml"])
    }

    @Test func fromInsideTheRootPathsClimbOut() {
        let moved = report.relative(to: URL(fileURLWithPath: "/repo/Quizzes"), root: URL(fileURLWithPath: "/repo"))
        #expect(moved.findings.map(\.file) == ["../Quizzes/a.yaml"])
    }

    @Test func elsewherePathsAreAbsoluteWithNoBase() {
        let moved = report.relative(to: URL(fileURLWithPath: "/home/me"), root: URL(fileURLWithPath: "/srv/course"))
        #expect(moved.findings.map(\.file) == ["/srv/course/Quizzes/a.yaml"])
        #expect(moved.base == nil)
        #expect(SARIFReporter.render(moved).contains("\"uri\" : \"file:///srv/course/Quizzes/a.yaml\""))
    }
}

@Suite struct GitHubReporterTests {
    @Test func oneCommandPerFindingAndNothingElse() {
        let lines = GitHubReporter.render(sample).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == sample.findings.count + 1)
        #expect(lines.last == "")
        for (line, finding) in zip(lines, sample.findings) {
            #expect(line.hasPrefix("::\(finding.severity.rawValue) file="))
            #expect(line.contains(",title=\(finding.rule.rawValue)::"))
        }
    }

    @Test func emptyReportPrintsNothing() {
        #expect(GitHubReporter.render(LintReport(findings: [], files: ["a.yaml"])) == "")
    }
}

@Suite struct JUnitReporterTests {
    @Test func isWellFormedAndCountsTestcasesAndFailures() throws {
        let document = try XMLDocument(data: Data(JUnitReporter.render(sample).utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "7")
        #expect(root.attribute(forName: "failures")?.stringValue == "6")
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue } == sample.files)
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failures = cases.flatMap { $0.elements(forName: "failure") }
            #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failures.count))
        }
        #expect(try document.nodes(forXPath: "//testcase").count == 7)
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 6)
        #expect(try document.nodes(forXPath: "//testcase[@name='no findings']").count == 1)

        let messages = try document.nodes(forXPath: "//failure/@message").compactMap(\.stringValue)
        let expected = sample.findings.map { "\($0.severity.rawValue): \($0.message.replacingOccurrences(of: "\r", with: ""))" }
        #expect(messages == expected)
    }

    @Test func controlCharactersAreDroppedAndStrayFilesGetASuite() throws {
        let report = LintReport(
            findings: [Finding(file: ".quizlint.yaml", line: 2, column: 3, rule: .invalidValue, message: "a\u{0}b\u{1B}c\u{7F}d\te")],
            files: ["q.yaml"]
        )
        let document = try XMLDocument(data: Data(JUnitReporter.render(report).utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite/@name").compactMap(\.stringValue)
        #expect(suites == ["q.yaml", ".quizlint.yaml"])
        let message = try document.nodes(forXPath: "//failure/@message").first?.stringValue
        #expect(message == "error: abcd\te")
    }
}

/// Reporters write into a `LintOutput`; `quiz lint` hands it a sink so the output is streamed.
@Suite struct StreamedReporterOutputTests {
    static let writers: [(String, @Sendable (LintReport, inout LintOutput) -> Void)] = [
        ("text", { TextReporter.write($0, color: false, to: &$1) }),
        ("json", { JSONReporter.write($0, to: &$1) }),
        ("sarif", { SARIFReporter.write($0, to: &$1) }),
        ("github", { GitHubReporter.write($0, to: &$1) }),
        ("junit", { JUnitReporter.write($0, to: &$1) }),
    ]

    /// The reports with nothing in them, with no base and with an absolute path, beside the sample.
    static let reports = [
        sample,
        LintReport(findings: [], files: []),
        LintReport(findings: [Finding(file: "/srv/a b.yaml", line: 1, column: 2, rule: .answerKey, message: "m")], files: []),
    ]

    @Test(arguments: 0..<writers.count)
    func streamedInSmallChunksIsByteForByteTheRenderedText(writer: Int) throws {
        let (name, write) = Self.writers[writer]
        let reporter = try #require(Reporters.named(name))
        for report in Self.reports {
            final class Chunks: @unchecked Sendable { var bytes: [UInt8] = []; var count = 0 }
            let chunks = Chunks()
            var output = LintOutput(chunkSize: 1) { chunk in
                chunks.bytes.append(contentsOf: chunk)
                chunks.count += 1
            }
            write(report, &output)
            #expect(String(decoding: chunks.bytes, as: UTF8.self) == reporter.render(report), "\(name)")
            // Handed on as it goes, one chunk per finding at least, not once at the end.
            #expect(chunks.count >= report.findings.count, "\(name)")
        }
    }

    @Test func jsonOfEveryReportIsValid() throws {
        for report in Self.reports {
            for text in [JSONReporter.render(report), SARIFReporter.render(report)] {
                #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
            }
        }
        #expect(SARIFReporter.render(Self.reports[1]).contains("\"results\" : [\n\n      ],\n"))
        #expect(JSONReporter.render(Self.reports[1]).contains("\"findings\" : [\n\n  ],\n"))
    }

    /// Every C0 control, DEL, C1 controls, quotes, backslash, slash, markup characters,
    /// line separators, noncharacters, a BOM and astral characters.
    static let awkward: String = {
        var text = ""
        for value in Array(0..<0x20) + [0x7F, 0x80, 0x85, 0x9F, 0xA0] {
            text.unicodeScalars.append(Unicode.Scalar(UInt8(value)))
        }
        return text + "\"\\/<>&'%:, é—\u{2028}\u{2029}\u{FEFF}\u{FFFD}\u{FFFE}\u{FFFF}😀 end"
    }()

    @Test func jsonStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        var output = LintOutput()
        output.write("[")
        output.writeJSONString(Self.awkward)
        output.write("]")
        #expect(output.text == (try JSONDocument.compact([Self.awkward])))
    }

    @Test(arguments: [false, true])
    func xmlIsEscapedAsMarkupEscapesIt(inAttribute: Bool) {
        var output = LintOutput()
        output.writeXML(Self.awkward, inAttribute: inAttribute)
        #expect(output.text == (inAttribute ? Markup.attribute(Self.awkward) : Markup.text(Self.awkward)))
    }

    @Test(arguments: [Int.min, -1, 0, 7, 10, 99, 1_000_000, Int.max])
    func numbersAreWrittenInDecimal(number: Int) {
        var output = LintOutput()
        output.write(number)
        #expect(output.text == String(number))
    }
}
