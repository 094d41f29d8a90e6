import Foundation
import QuizInterop
import QuizKit
import Testing

/// `quiz export --format json`: the decoded bank, every field checked against the model.
@Suite(.timeLimit(.minutes(1))) struct BankJSONTests {
    static func exported(_ file: URL, stem: String) throws -> (bank: Bank, json: [String: Any], text: String) {
        let bank = try #require(try BankFixture.decode(try BankFixture.text(of: file), stem: stem).bank)
        let text = try BankJSON(bank).text()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (bank, json, text)
    }

    static func letters(_ indices: [Int]) -> [String] { indices.map(ChoiceLetter.name) }

    @Test func theShippedBankExportsEveryQuestionAndTestAsDecoded() throws {
        let (bank, json, text) = try Self.exported(BankFixture.shippedFile, stem: "websockets-sse-polling")
        #expect(json["schema"] as? String == "quiz-bank/1")
        #expect(json["id"] as? String == bank.id)
        #expect(json["title"] as? String == bank.title)
        #expect(json["lesson"] as? String == bank.lesson)
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.count == bank.questions.count)
        #expect(questions.count == 54)
        for (q, object) in zip(bank.questions, questions) {
            #expect(object["id"] as? String == q.id)
            #expect(object["type"] as? String == q.type.rawValue)
            #expect(object["section"] as? String == q.section)
            #expect(object["prompt"] as? String == q.prompt)
            #expect(object["explanation"] as? String == q.explanation)
            #expect(object["points"] as? Double == q.points)
            #expect(object["time"] as? Int == q.time)
            #expect(object["tags"] as? [String] == q.tags)
            #expect(object["difficulty"] as? String == q.difficulty?.rawValue)
            let choices = (object["choices"] as? [[String: Any]]) ?? []
            #expect(choices.map { $0["text"] as? String } == q.kind.choices.map(\.text))
            #expect(choices.map { $0["feedback"] as? String } == q.kind.choices.map(\.feedback))
            switch q.kind {
            case .single(_, let answer): #expect(object["answer"] as? String == ChoiceLetter.name(answer))
            case .multiple(_, let answers): #expect(object["answer"] as? [String] == Self.letters(answers))
            case .truefalse(let answer): #expect(object["answer"] as? Bool == answer)
            case .numeric(let answer, _): #expect(object["answer"] as? Double == answer)
            case .short(let accepted): #expect((object["answer"] as? [Any])?.count == accepted.count)
            case .order(let items):
                #expect(object["items"] as? [String] == items.map(\.text))
                #expect(object["answer"] == nil)
            case .match(let pairs):
                let written = (object["pairs"] as? [[String: String]]) ?? []
                #expect(written.map { $0["left"] } == pairs.map(\.left) && written.map { $0["right"] } == pairs.map(\.right))
                #expect(object["answer"] == nil)
            }
        }
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.map { $0["id"] as? String } == bank.tests.map(\.id))
        let practice = try #require(tests.first)
        #expect(practice["time_limit"] as? Int == 420)
        #expect((practice["pick"] as? [String: Int]) == ["per_section": 3])
        #expect(practice["pass"] as? Double == 70)
        #expect(!text.contains("\"line\"") && !text.contains("\"column\""), "no positions")
        #expect(try BankJSON(bank).text() == text, "two exports are byte-identical")
    }

    @Test func everyTypeKeepsItsOwnForm() throws {
        let (_, json, _) = try Self.exported(BankFixture.everyTypeFile, stem: "every-type")
        let questions = try #require(json["questions"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0["id"] as? String ?? "", $0) })
        let single = try #require(byID["upgrade-status"])
        #expect(single["answer"] as? String == "B", "a lower-case key letter is exported upper case")
        #expect(single["hint"] as? String == "It is not a 2xx code.")
        #expect(single["scoring"] == nil, "scoring only where it applies")
        #expect(single["points"] as? Double == 2 && single["time"] as? Int == 30, "defaults applied")
        #expect(single["tags"] as? [String] == ["drill"] && single["difficulty"] as? String == "medium")
        let multiple = try #require(byID["push-techniques"])
        #expect(multiple["answer"] as? [String] == ["A", "B"])
        #expect(multiple["scoring"] as? String == "partial" && multiple["shuffle"] as? Bool == false)
        #expect((multiple["choices"] as? [[String: String]])?.last == ["text": "Yes"], "text as written")
        #expect(byID["sse-one-way"]?["check"] as? Bool == false)
        let short = try #require(byID["sse-header"]?["answer"] as? [[String: String]])
        #expect(short == [["text": "Last-Event-ID"], ["pattern": "last[- ]event[- ]id"]])
        let numeric = try #require(byID["wss-port"])
        #expect(numeric["answer"] as? Double == 443 && numeric["time"] as? Int == 90)
        #expect(numeric["tolerance"] as? [String: Double] == ["percent": 0])
        #expect(byID["reconnect-steps"]?["items"] as? [String] == ["Detect the drop", "Wait with backoff", "Reconnect", "Resume from the last id"])
        #expect((byID["technique-direction"]?["pairs"] as? [[String: String]])?.last == ["left": "1.0", "right": "text, not a number"])
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == 3)
        #expect(tests[0]["pick"] as? Int == 4 && tests[0]["pass"] as? Double == 62.5 && tests[0]["penalty"] as? Double == 0.25)
        #expect(tests[0]["feedback"] as? String == "immediate" && tests[0]["shuffle"] as? Bool == false)
        #expect(tests[0]["from"] as? [String: [String]] == ["sections": ["push", "handshake"], "tags": ["drill"], "difficulty": ["medium", "hard"]])
        #expect(tests[1]["pick"] as? [String: Int] == ["per_section": 1] && tests[1]["time_limit"] == nil && tests[1]["from"] == nil)
        #expect(tests[2]["pick"] as? String == "all" && tests[2]["time_limit"] as? Int == 600)
    }
}
