import Foundation
import QuizInterop
import Testing

/// Moodle's own GIFT export cases (`/work/shared/corpora/moodle_gift_cases.json`, taken from Moodle's
/// tests): each question's `::title::text{` opening, written in Moodle's plain format, must come out of
/// our escaping as Moodle writes it. The answers' layout differs (Moodle writes weights and format
/// markers we do not), so only the title and text are compared.
@Suite struct MoodleGIFTCaseTests {
    static let corpus = BankFixture.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/moodle_gift_cases.json")

    struct Case {
        let name: String
        let gift: String
        let title: String
        let text: String
    }

    static func exportCases() throws -> [Case]? {
        guard let data = try? Data(contentsOf: corpus) else { return nil }
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return list.compactMap { entry in
            guard entry["direction"] as? String == "export",
                  let name = entry["name"] as? String, let gift = entry["gift"] as? String,
                  let expected = entry["expected"] as? [String: Any],
                  expected["questiontextformat"] as? String == "moodle",
                  let title = expected["name"] as? String, let text = expected["questiontext"] as? String
            else { return nil }
            return Case(name: name, gift: gift, title: title, text: text)
        }
    }

    @Test func titlesAndTextsAreEscapedAsMoodleWritesThem() throws {
        guard let cases = try Self.exportCases() else {
            print("skipped: no Moodle GIFT cases at \(Self.corpus.path)")
            return
        }
        #expect(cases.count >= 5)
        for item in cases {
            let opening = "::" + GIFTWriter.escaped(item.title) + "::" + GIFTWriter.escaped(item.text) + "{"
            let line = item.gift.split(separator: "\n").first { $0.hasPrefix("::") }
            #expect(line?.hasPrefix(opening) == true, "\(item.name): \(opening) is not how Moodle opens \(String(describing: line))")
        }
    }
}
