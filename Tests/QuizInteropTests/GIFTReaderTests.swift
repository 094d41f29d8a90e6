import Foundation
import QuizInterop
import QuizKit
import Testing

/// Reading GIFT as Moodle does: Moodle's own import cases, the gift-pegjs corpus, hostile input,
/// and a round trip through our GIFT export.
@Suite struct GIFTReaderTests {
    static let corpora = BankFixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")

    private func read(_ text: String) -> GIFTReader { GIFTReader(text: text, file: "in.gift") }

    @Test func moodleImportCasesGiveTheExpectedQuestions() throws {
        guard let data = try? Data(contentsOf: Self.corpora.appendingPathComponent("moodle_gift_cases.json")) else {
            print("skipped: no Moodle GIFT cases under \(Self.corpora.path)")
            return
        }
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let cases = list.filter { $0["direction"] as? String == "import" }
        #expect(cases.count == 14)
        for item in cases {
            let name = item["name"] as? String ?? "?"
            let gift = try #require(item["gift"] as? String)
            let expected = try #require(item["expected"] as? [String: Any])
            let qtype = expected["qtype"] as? String ?? ""
            let reader = read(gift)
            #expect(reader.findings.isEmpty, "\(name): \(reader.findings)")
            if qtype == "essay" {
                #expect(reader.entries.isEmpty && reader.skipped["essay"] == 1, "\(name) is not skipped as an essay")
                #expect(reader.warnings.contains { $0.contains("in.gift:") && $0.contains(expected["name"] as? String ?? "") }, "\(name)")
                continue
            }
            let entry = try #require(reader.entries.first, "\(name) imported nothing: \(reader.warnings)")
            let question = entry.question
            #expect(entry.title == expected["name"] as? String, "\(name)")
            var text = expected["questiontext"] as? String ?? ""
            if expected["questiontextformat"] as? String == "html" { text = HTMLToMarkdown(html: text).markdown }
            #expect(question.prompt == text, "\(name)")
            let general = expected["generalfeedback"] as? String ?? ""
            #expect(question.explanation == (general.isEmpty ? nil : HTMLToMarkdown(html: general).markdown), "\(name)")
            let answers = expected["answers"] as? [[String: Any]] ?? []
            func fraction(_ a: [String: Any]) -> Double { (a["fraction"] as? NSNumber)?.doubleValue ?? 0 }
            switch (qtype, question.kind) {
            case ("multichoice", .single(let choices, _)), ("multichoice", .multiple(let choices, _)):
                #expect(choices.map(\.text) == answers.map { $0["text"] as? String ?? "" }, "\(name)")
                #expect(choices.map { $0.feedback ?? "" } == answers.map { $0["feedback"] as? String ?? "" }, "\(name)")
                let right = answers.indices.filter { fraction(answers[$0]) > 0 }
                if case .multiple(_, let keys) = question.kind {
                    #expect(expected["single"] as? Int == 0 && keys == right, "\(name)")
                } else if case .single(_, let key) = question.kind {
                    #expect(right == [key], "\(name)")
                }
            case ("truefalse", .truefalse(let answer)):
                #expect(answer == (expected["correctanswer"] as? Int == 1), "\(name)")
            case ("shortanswer", .short(let accepted)):
                #expect(accepted == answers.filter { fraction($0) == 1 }.map { .text($0["text"] as? String ?? "") }, "\(name)")
            case ("numerical", .numeric(let answer, let tolerance)):
                let full = try #require(answers.first { fraction($0) == 1 })
                #expect(answer == Double(full["text"] as? String ?? ""), "\(name)")
                #expect(tolerance == .absolute((full["tolerance"] as? NSNumber)?.doubleValue ?? 0), "\(name)")
            case ("match", .match(let pairs)):
                let sub = (expected["subquestions"] as? [[String: Any]] ?? []).filter { !($0["text"] as? String ?? "").isEmpty }
                #expect(pairs.map(\.left) == sub.map { $0["text"] as? String ?? "" }, "\(name)")
                #expect(pairs.map(\.right) == sub.map { $0["answer"] as? String ?? "" }, "\(name)")
            default:
                Issue.record("\(name): expected \(qtype), read \(question.type)")
            }
        }
    }

    @Test func idsAndTagsAreReadFromCommentsAsMoodleReadsThem() throws {
        guard let data = try? Data(contentsOf: Self.corpora.appendingPathComponent("moodle_gift_comment_metadata_cases.json")) else {
            print("skipped: no Moodle comment metadata cases under \(Self.corpora.path)")
            return
        }
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.count >= 9)
        for item in cases {
            let comment = item["comment"] as? String ?? ""
            let id = GIFTReader.metadata("id", in: comment).first ?? ""
            #expect(id == item["expected_idnumber"] as? String, "\(item["name"] ?? "")")
            #expect(GIFTReader.metadata("tag", in: comment) == item["expected_tags"] as? [String], "\(item["name"] ?? "")")
        }
    }

    @Test func everyPegjsInputImportsOrIsRefusedWithAFinding() throws {
        let folder = Self.corpora.appendingPathComponent("gift_pegjs/questions")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            print("skipped: no gift-pegjs corpus under \(Self.corpora.path)")
            return
        }
        let inputs = names.filter { $0.hasSuffix(".gift") }.sorted()
        #expect(inputs.count == 51)
        for name in inputs {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let reader = GIFTReader(text: text, file: name)
            // A file of categories and comments only has no question to give.
            let onlyHeaders = text.split(whereSeparator: \.isNewline).allSatisfy { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty || trimmed.hasPrefix("//") || trimmed.hasPrefix("$CATEGORY:")
            }
            #expect(!reader.entries.isEmpty || !reader.findings.isEmpty || !reader.skipped.isEmpty || onlyHeaders,
                    "\(name) gave nothing and said nothing")
            for finding in reader.findings { #expect(finding.line >= 1 && finding.column >= 1, "\(name): \(finding)") }
        }
    }

    @Test func unbalancedBracesGiveAFindingWithItsPlace() {
        let open = read("::a:: one {=x ~y\n\n::b:: two {T}")
        #expect(open.findings.map(\.description) == ["in.gift:1:11: error: the { that opens the answers is not closed with }"])
        let close = read("// c\n::a:: one } two {T}")
        #expect(close.findings.first?.line == 2)
        #expect(close.findings.first?.column == 11)
        #expect(read("::title without end {T}").findings.count == 1)
    }

    @Test func hugeAndOddInputEndsQuickly() {
        let braces = String(repeating: "{", count: 200_000)
        #expect(read(braces).findings.count == 1)
        let many = String(repeating: "Q {T}\n\n", count: 20_000)
        #expect(read(many).entries.count == 20_000)
        #expect(read("\\").findings.isEmpty)
        #expect(read("::\u{0}::x{=a ~b}").entries.count == 1)
    }

    @Test func escapesFormatsCategoriesAndCRLFAreRead() throws {
        let text = "\u{FEFF}$CATEGORY: $course$/top/Basics\r\n\r\n// [id:colon-q] [tag:a] [tag:b]\r\n::A\\: b::[markdown]Is 1 \\= 1 \\{ok\\}?\\nYes {\r\n=yes \\# really#Right\r\n~no\\~\r\n####Because.\r\n}"
        let reader = read(text)
        let entry = try #require(reader.entries.first)
        #expect(entry.title == "A: b")
        #expect(entry.category == "Basics")
        #expect(entry.question.id == "colon-q")
        #expect(entry.question.tags == ["a", "b"])
        #expect(entry.question.prompt == "Is 1 = 1 {ok}?\nYes")
        #expect(entry.question.kind == .single(choices: [Choice("yes # really", feedback: "Right"), Choice("no~")], answer: 0))
        #expect(entry.question.explanation == "Because.")
    }

    @Test func anEmptyCategoryFilesQuestionsUnderNone() {
        #expect(read("$CATEGORY: a\n\nQ {T}\n\n$CATEGORY:   \n\nR {F}").entries.map(\.category) == ["a", nil])
    }

    @Test func missingWordWeightsRangesAndSeveralNumericAnswers() throws {
        let blank = try #require(read("Moodle costs {~lots =nothing ~a bit} to download.").entries.first)
        #expect(blank.question.prompt == "Moodle costs _____ to download.")
        let weighted = try #require(read("Pick {~%50%a ~%50%b ~%-50%c}").entries.first)
        #expect(weighted.question.kind == .multiple(choices: [Choice("a"), Choice("b"), Choice("c")], answers: [0, 1]))
        #expect(weighted.question.scoring == .partial)
        #expect(read("Pick {~%50%a ~%50%b ~%-100%c}").entries.first?.question.scoring == .allOrNothing)
        #expect(read("N {#1..5}").entries.first?.question.kind == .numeric(answer: 3, tolerance: .absolute(2)))
        let several = read("N {#=%50%3.1 =3.14159:0.0005}")
        #expect(several.entries.first?.question.kind == .numeric(answer: 3.14159, tolerance: .absolute(0.0005)))
        #expect(read("N {#=3 =4}").warnings.count == 1)
        #expect(read("N {#abc}").findings.count == 1)
    }

    @Test func roundTripThroughOurGIFTExportGivesTheSameQuestions() throws {
        let bank = try #require(try BankFixture.decode(BankFixture.text(of: BankFixture.everyTypeFile), stem: "every-type").bank)
        let reader = GIFTReader(text: GIFTWriter(bank).text, file: "every-type.gift")
        #expect(reader.findings.isEmpty)
        let carried = bank.questions.filter { question in
            if case .order = question.kind { return false }
            if case .short(let accepted) = question.kind { return accepted.allSatisfy { if case .text = $0 { true } else { false } } }
            return true
        }
        #expect(reader.entries.count == carried.count)
        for (entry, original) in zip(reader.entries, carried) {
            let back = entry.question
            #expect(back.id == original.id)
            #expect(entry.category == original.section)
            #expect(back.prompt == original.prompt, "\(original.id)")
            #expect(back.explanation == original.explanation, "\(original.id)")
            #expect(back.tags == original.tags, "\(original.id)")
            if case .numeric(let answer, let tolerance) = original.kind {
                #expect(back.kind == .numeric(answer: answer, tolerance: .absolute(tolerance.allowance(for: answer))), "\(original.id)")
            } else {
                #expect(back.kind == original.kind, "\(original.id)")
            }
            if original.type == .multiple { #expect(back.scoring == original.scoring, "\(original.id)") }
        }
    }
}
