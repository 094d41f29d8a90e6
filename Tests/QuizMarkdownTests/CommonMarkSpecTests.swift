import Foundation
import Testing
import QuizMarkdown

/// The CommonMark spec's examples through the XHTML renderer, compared with
/// the spec's HTML where raw HTML is not involved (the renderer escapes it on purpose).
struct CommonMarkSpecTests {
    struct Example: Decodable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    /// `spec.json` from the shared corpora, which sit beside the project root; nil when absent.
    static func examples() throws -> [Example]? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/commonmark/spec.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try JSONDecoder().decode([Example].self, from: data)
    }

    /// Examples whose input or output holds raw HTML, or that GitHub's extensions read differently.
    static func involvesRawHTML(_ example: Example) -> Bool {
        ["HTML blocks", "Raw HTML"].contains(example.section)
            || example.markdown.contains("<") || example.html.contains("&lt;")
    }

    /// Examples the renderer reads differently on purpose: the spec file is CommonMark 0.31.2,
    /// cmark-gfm implements 0.29, and GitHub's autolink extension links bare URLs and addresses.
    static let knownDifferences: [Int: String] = [
        28: "0.30 made numeric references over 7 digits literal text",
        354: "0.31 counts currency symbols as punctuation for emphasis",
        611: "the autolink extension links a bare URL",
        612: "the autolink extension links a bare email address",
    ]

    @Test func examplesWithoutRawHTMLRenderAsTheSpecSays() throws {
        guard let examples = try Self.examples() else {
            print("CommonMark spec examples skipped: ../shared/corpora/commonmark/spec.json is not there")
            return
        }
        let sample = examples.filter { !Self.involvesRawHTML($0) && Self.knownDifferences[$0.example] == nil }
        #expect(sample.count > 500)
        var failures: [String] = []
        for example in sample where XHTMLRenderer.render(example.markdown) != example.html {
            failures.append("example \(example.example) (\(example.section)): \(example.markdown.debugDescription) gave \(XHTMLRenderer.render(example.markdown).debugDescription), expected \(example.html.debugDescription)")
        }
        #expect(failures.isEmpty, "\(failures.count) of \(sample.count):\n\(failures.joined(separator: "\n"))")
    }
}
