import Foundation
import QuizMarkdown
import Testing

/// A course as a user has it: the shipped one, or one holding the bank with every question type.
enum InteropCourse {
    /// The interop tests' bank with every type, its sections in the lesson `transport`.
    static let everyTypeBank = QuizProcess.packageRoot.appendingPathComponent("Tests/QuizInteropTests/Fixtures/every-type.yaml")
    static let transportLesson = """
        ---
        title: Transport
        ---

        # Transport

        ## Handshake

        How a connection starts.

        ## Push

        Who speaks first.

        ## Reconnect

        What happens after a drop.

        """

    /// A fresh course holding the every-type bank and its lesson.
    static func everyType() throws -> URL {
        try QuizProcess.root([
            "Quizzes/every-type.yaml": try String(contentsOf: everyTypeBank, encoding: .utf8),
            "Lessons/transport.md": transportLesson,
        ])
    }

    /// The questions of `quiz export BANK --format json`, in file order.
    static func questions(_ json: String) throws -> [[String: Any]] {
        let bank = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json.prefix(200))")
        return bank["questions"] as? [[String: Any]] ?? []
    }

    /// A JSON value written with sorted keys, to compare two of them.
    static func canonical(_ value: Any?) -> String? {
        value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
            .map { String(decoding: $0, as: UTF8.self) }
    }
}

/// `quiz export --format gift|moodle-xml`, then `quiz import` of the file into a fresh course, gives back
/// the same questions for everything the format carries (docs/interop.md lists what each drops): on the
/// shipped bank and on a bank with every type.
@Suite(.timeLimit(.minutes(3))) struct InteropRoundTripTests {
    enum Format: String, CaseIterable, Sendable {
        case gift, moodleXML = "moodle-xml"
        var fileName: String { self == .gift ? "bank.gift" : "bank.xml" }
    }

    /// Where a bank comes from: the shipped course, or the every-type course.
    enum Source: String, CaseIterable, Sendable {
        case shipped, everyType
        var bank: String { self == .shipped ? "websockets-sse-polling" : "every-type" }
    }

    /// The fields each format carries, compared as JSON. Numeric tolerances are compared apart: both
    /// formats hold the distance allowed, so a percentage comes back as its absolute width.
    static func carried(_ format: Format, type: String) -> [String] {
        var keys = ["type", "answer", "section", "tags"]
        if type == "multiple" { keys.append("scoring") }
        if format == .gift { keys += ["prompt", "choices", "explanation", "pairs"] }
        if format == .moodleXML {
            keys.append("points")
            if type == "order" { keys.append("scoring") }
            if type == "single" || type == "multiple" { keys.append("shuffle") }
        }
        return keys
    }

    /// The Markdown texts of a question, each as a reader sees it: Moodle XML carries them as HTML, so they
    /// come back as Markdown that renders the same, not always as the same characters (a soft line break
    /// becomes a space, a `_` an `\_`). Each is rendered to XHTML, and runs of white space outside `<pre>`
    /// are one space; right-hand sides of pairs are plain text and compared as they are.
    static func rendered(_ question: [String: Any]) -> [String] {
        func html(_ markdown: Any?) -> String {
            guard let markdown = markdown as? String else { return "-" }
            var out = "", inPre = false, space = false
            let xhtml = XHTMLRenderer.render(markdown)
            var rest = Substring(xhtml)
            while let character = rest.first {
                if rest.hasPrefix("<pre") { inPre = true } else if rest.hasPrefix("</pre>") { inPre = false }
                rest = rest.dropFirst()
                if !inPre, character.isWhitespace {
                    space = true
                    continue
                }
                if space, !out.isEmpty { out += " " }
                space = false
                out.append(character)
            }
            return out
        }
        let choices = (question["choices"] as? [[String: Any]] ?? []).flatMap { [html($0["text"]), html($0["feedback"])] }
        let items = (question["items"] as? [String] ?? []).map(html)
        let pairs = (question["pairs"] as? [[String: Any]] ?? []).flatMap { [html($0["left"]), $0["right"] as? String ?? "-"] }
        return [html(question["prompt"]), html(question["explanation"])] + choices + items + pairs
    }

    /// The width a numeric answer's tolerance allows, from the JSON export's `{"absolute": N}` or `{"percent": P}`.
    static func allowance(_ question: [String: Any]) -> Double? {
        guard let answer = question["answer"] as? Double, let tolerance = question["tolerance"] as? [String: Double] else { return nil }
        if let absolute = tolerance["absolute"] { return absolute }
        return tolerance["percent"].map { abs(answer) * $0 / 100 }
    }

    @Test(arguments: Format.allCases, Source.allCases)
    func exportThenImportGivesBackTheSameQuestions(format: Format, source: Source) async throws {
        let course = source == .shipped ? QuizProcess.packageRoot : try InteropCourse.everyType()
        let target = try QuizProcess.root([:])
        defer {
            try? FileManager.default.removeItem(at: target)
            if source == .everyType { try? FileManager.default.removeItem(at: course) }
        }
        let file = target.appendingPathComponent(format.fileName)
        let export = try await QuizProcess.run(["export", source.bank, "--format", format.rawValue, "-o", file.path, "--root", course.path])
        #expect(export.status == 0, "\(export.stderr)")
        let before = try await QuizProcess.run(["export", source.bank, "--format", "json", "--root", course.path])
        #expect(before.status == 0, "\(before.stderr)")

        let imported = try await QuizProcess.run(["import", format.fileName, "--bank", source.bank], in: target)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("; skipped 0\n"), "\(imported.stderr)")
        let lint = try await QuizProcess.run(["lint"], in: target)
        #expect(lint.status == 0, "the imported bank does not lint clean: \(lint.stdout)")
        let after = try await QuizProcess.run(["export", source.bank, "--format", "json"], in: target)
        #expect(after.status == 0, "\(after.stderr)")

        let original = try InteropCourse.questions(before.stdout)
        let back = try InteropCourse.questions(after.stdout)
        // What the export left out is named in its warnings, one line each, and nothing else is missing.
        let leftOut = original.compactMap { $0["id"] as? String }.filter { id in
            export.stderr.contains("question \(id) (")
        }
        #expect(export.stderr.split(separator: "\n").count == leftOut.count, "\(export.stderr)")
        #expect(back.map { $0["id"] as? String } == original.map { $0["id"] as? String }.filter { !leftOut.contains($0 ?? "") })
        if source == .everyType {
            // The bank has one question of each type; GIFT has no order, neither format a regex answer.
            #expect(leftOut == (format == .gift ? ["sse-header", "reconnect-steps"] : ["sse-header"]), "\(leftOut)")
        }
        let originals = Dictionary(original.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for question in back {
            let id = question["id"] as? String ?? ""
            let source = try #require(originals[id])
            let type = source["type"] as? String ?? ""
            for key in Self.carried(format, type: type) {
                #expect(InteropCourse.canonical(question[key]) == InteropCourse.canonical(source[key]), "\(format) \(id): \(key)")
            }
            if format == .moodleXML {
                #expect(Self.rendered(question) == Self.rendered(source), "\(id): texts")
            }
            if type == "numeric" {
                #expect(Self.allowance(question) == Self.allowance(source), "\(format) \(id): tolerance")
            }
        }
    }
}
