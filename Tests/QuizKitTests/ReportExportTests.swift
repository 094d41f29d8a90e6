import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuizKit
import QuizTestSupport
import Testing

private let golden = Golden(besides: #filePath)

/// The export formats of one fixed attempt, pinned by golden files in `Expected/`, and the
/// properties each format promises: byte-identical output, RFC 4180 CSV, valid JSON and XML.
@Suite struct ReportExportTests {
    static let goldenNames: [ReportFormat: String] = [
        .text: "report.txt", .json: "report.json", .csv: "report.csv",
        .markdown: "report.md", .html: "report.html", .junit: "report.junit.xml",
    ]

    @Test(arguments: ReportFormat.allCases)
    func matchesGolden(_ format: ReportFormat) throws {
        try golden.check(format.render(ReportFixture.attempt), matches: Self.goldenNames[format]!)
    }

    @Test(arguments: [ReportFormat.csv, .json])
    func manyAttemptsMatchGolden(_ format: ReportFormat) throws {
        let all = try #require(try format.renderAll([ReportFixture.attempt, ReportFixture.second]))
        try golden.check(all, matches: "reports.all.\(format.fileExtension)")
    }

    @Test(arguments: ReportFormat.allCases)
    func twoExportsAreByteIdentical(_ format: ReportFormat) throws {
        #expect(Data(try format.render(ReportFixture.attempt).utf8) == Data(try format.render(ReportFixture.attempt).utf8))
        #expect(try format.renderAll([ReportFixture.attempt]) == format.renderAll([ReportFixture.attempt]))
    }

    @Test(arguments: [ReportFormat.text, .markdown, .html, .junit])
    func onlyCSVAndJSONHoldManyAttempts(_ format: ReportFormat) throws {
        #expect(try format.renderAll([ReportFixture.attempt, ReportFixture.second]) == nil)
        #expect(!format.rendersMany)
    }

    @Test func jsonDecodesWithJSONSerialization() throws {
        let single = try JSONSerialization.jsonObject(with: Data(try ReportFixture.attempt.json().utf8)) as? NSDictionary
        let all = try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.renderAll(
            [ReportFixture.attempt, ReportFixture.second])!.utf8)) as? [NSDictionary]
        #expect(single?["schema"] as? String == "quiz-report/1")
        #expect(all?.count == 2)
        #expect(all?.first == single)
        let questions = try #require(single?["questions"] as? [NSDictionary])
        #expect(questions.count == 7)
        #expect(questions[5]["response"] is NSNull)
        #expect((single?["attempt"] as? NSDictionary)?["learner"] as? String == "ana")
        #expect((all?.last?["attempt"] as? NSDictionary)?["learner"] is NSNull, "an attempt recorded before learners were")
    }

    @Test func csvRoundTripsEveryField() throws {
        let report = ReportFixture.attempt
        let csv = CSVReport.render(report)
        let rows = try #require(RFC4180.parse(csv))
        #expect(rows.first == CSVReport.columns)
        #expect(rows.count == report.questions.count + 1)
        for (i, row) in rows.dropFirst().enumerated() {
            let fields = Dictionary(uniqueKeysWithValues: zip(CSVReport.columns, row))
            #expect(row.count == CSVReport.columns.count)
            #expect(fields["prompt"] == report.details[i].prompt)
            #expect(fields["section_title"] == report.details[i].sectionTitle)
            #expect(fields["id"] == report.questions[i].id)
            #expect(fields["review"] == report.questions[i].review)
        }
        #expect(rows.map { $0[6] } == ["response", "B", "A", "true", "Autorización, \"quoted\"", "3", "",
                                       "Polling=client pulls;SSE=both <push> & pull;WebSocket=server pushes, text/event-stream"])
        #expect(rows[4][8] == "Authorization")
        #expect(rows[2][8] == "A;B")
        // The same answers as the learner typed them on their shuffled screen.
        #expect(rows.map { $0[7] } == ["response_shown"] + report.questions.map { $0.responseShown ?? "" })
        #expect(rows[1][6] == "B" && rows[1][7] == "D")
    }

    @Test func csvOfManyAttemptsHasOneHeaderAndARowPerAttemptAndQuestion() throws {
        let reports = [ReportFixture.attempt, ReportFixture.second]
        let rows = try #require(RFC4180.parse(CSVReport.renderAll(reports)))
        #expect(rows.first == CSVReport.attemptColumns + CSVReport.columns)
        #expect(rows.count == 1 + 14)
        #expect(rows.filter { $0.first == "attempt" }.count == 1)
        #expect(rows[1].prefix(5) == ["attempt-0001", "ana", "2026-11-29T10:00:00Z", "submitted", "37.5"])
        #expect(rows[8].prefix(5) == ["attempt-0002", "", "2026-11-30T14:30:00Z", "expired", "87.5"], "an attempt recorded before learners were")
        #expect(Set(rows.dropFirst().map(\.count)) == [CSVReport.attemptColumns.count + CSVReport.columns.count])
    }

    @Test func timesReadAlikeInCSVAndJSON() throws {
        // Times summed over visits carry binary noise; every format writes them to the millisecond.
        let noisy = ReportFixture.report(id: "attempt-0003", started: 1_796_049_000, status: "submitted",
                                         responses: Array(repeating: nil, count: 7), times: [0.1 + 0.2, 1, 2, 3, 4, 5, 6],
                                         flagged: [], elapsed: 12.3 + 0.000_000_1)
        let rows = try #require(RFC4180.parse(CSVReport.renderAll([noisy])))
        let time = try #require(rows[0].firstIndex(of: "time_s"))
        #expect(rows[1][time] == "0.3")
        let json = try noisy.json()
        #expect(json.contains("\"time_s\" : 0.3,") && !json.contains("0.30000000000000004"))
        #expect(json.contains("\"elapsed_s\" : 12.3,"))
    }

    @Test(arguments: ["plain", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nend", "\"", ",", "", "日本語 — é 🚀"])
    func csvFieldsRoundTrip(_ prompt: String) throws {
        var report = ReportFixture.attempt
        report.details[0].prompt = prompt
        let rows = try #require(RFC4180.parse(CSVReport.render(report)))
        #expect(rows[1][5] == prompt)
    }

    @Test func junitParsesWithOneTestcasePerQuestion() throws {
        let report = ReportFixture.attempt
        let document = try XMLDocument(xmlString: JUnitReport.render(report), options: [])
        #expect(try document.nodes(forXPath: "//testsuite").count == 2)
        #expect(try document.nodes(forXPath: "//testcase").count == 7)
        let failures = try document.nodes(forXPath: "//failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == report.questions.filter { $0.correct != true }.count)
        #expect(failures.count == 5)
        #expect(failures.map { $0.attribute(forName: "type")?.stringValue ?? "" } == ["wrong", "unanswered", "partial", "wrong", "wrong"])
        let names = try document.nodes(forXPath: "//testsuite/@name").map { $0.stringValue ?? "" }
        #expect(names == [ReportFixture.sockets.title, ReportFixture.polling.title])
        let message = try #require(failures.first { $0.attribute(forName: "type")?.stringValue == "unanswered" })
        #expect(message.attribute(forName: "message")?.stringValue
            == "unanswered; right answer: 2 3 1 (Client sends `Upgrade: websocket` → Server replies 101 → Frames flow, both ways)")
    }

    @Test func junitDropsControlCharacters() throws {
        var report = ReportFixture.attempt
        report.details[3].prompt = "bell\u{7} nul\u{0} escape\u{1B}[31m red"
        report.details[3].right = "tab\there\u{0}"
        let xml = JUnitReport.render(report)
        let document = try XMLDocument(xmlString: xml, options: [])
        let failure = try #require(try document.nodes(forXPath: "//failure").first)
        #expect(failure.stringValue?.hasPrefix("bell nul escape[31m red\n") == true)
        #expect(!xml.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" })
    }
}
