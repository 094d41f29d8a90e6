import Foundation
import QuizTestSupport
import Testing

/// The HTML report rendered in a real browser: headless Chromium screenshots the shipped
/// practice test's report. Skipped when no Chromium is installed (Debian's `chromium` works).
/// With `QUIZ_UPDATE_SCREENSHOT=1` the picture replaces `docs/report.png` and the test fails, naming it
/// (refused where `CI` is set), as expected files do.
@Suite(.timeLimit(.minutes(2))) struct HTMLScreenshotTests {
    static var browser: String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    @Test(.enabled(if: browser != nil, "no Chromium installed: apt-get install chromium to render the HTML report"))
    func shippedReportRendersInABrowser() async throws {
        let store = SessionTests.store()
        let plan = SessionTests.shippedPlan(seed: 42)
        let root = QuizProcess.packageRoot
        let live = try LiveSessionTests.live(["take", "websockets-sse-polling", "--seed", "42", "--store", store], in: root)
        #expect(await live.wait(for: "[1/21]"))
        // A learner who knows most of it: 16 right, 3 wrong, 2 left open, at a varied pace.
        for (i, item) in plan.enumerated() {
            try await Task.sleep(for: .milliseconds(60 + (i * 37 % 9) * 25))
            let line = i < 16 ? SessionTests.rightLine(item) : i < 19 ? SessionTests.wrongLine(item) : "skip"
            live.send(line)
        }
        live.send("submit")
        #expect(await live.wait(for: "Submit with 2 unanswered?"))
        live.send("y")
        try #require(await live.waitForExit())

        let html = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-report-\(UUID().uuidString).html")
        let export = try await QuizProcess.run(["report", "--format", "html", "-o", html.path, "--store", store])
        #expect(export.status == 0, "\(export.stderr)")

        let png = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-report-\(UUID().uuidString).png")
        let shot = try RunningProgram(URL(fileURLWithPath: "/bin/bash"),
                                      [root.appendingPathComponent("Scripts/screenshot-report.sh").path, html.path, png.path, "1000x1900"],
                                      in: root)
        shot.closeInput()
        try await shot.finish(within: 90)
        #expect(shot.process.terminationStatus == 0, "\(shot.stderr)")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(data.count > 20_000, "the page rendered something")
        _ = try Golden.rewrite(root.appendingPathComponent("docs/report.png"), shownAs: "docs/report.png", with: data,
                               askedBy: "QUIZ_UPDATE_SCREENSHOT")
    }
}
