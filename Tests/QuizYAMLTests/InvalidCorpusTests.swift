import Foundation
import QuizYAML
import Testing

/// The yaml-test-suite inputs that every YAML parser must reject, read from
/// `shared/corpora/yaml_invalid` beside the package; skipped when it is absent.
struct InvalidCorpusTests {
    /// One must-fail case as `index.json` lists it.
    struct Case: Sendable, Decodable, CustomTestStringConvertible {
        var id: String
        var dir: String
        var name: String
        var error: Bool
        var in_yaml: String
        var testDescription: String { "\(id) \(name)" }
    }

    private struct Index: Decodable {
        var cases: [Case]
    }

    static let folder = Fixture.invalidCorpus
    static let isPresent = FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.json").path)

    /// The cases from `index.json`; none when the corpus is absent, and a
    /// corpus that is present but cannot be read fails `indexIsComplete`.
    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.json")) else { return [] }
        return (try? JSONDecoder().decode(Index.self, from: data).cases) ?? []
    }()

    @Test("every must-fail input is rejected with a YAMLError",
          .enabled(if: isPresent, "the yaml-test-suite corpus is not at ../shared/corpora/yaml_invalid"),
          arguments: cases)
    func rejected(_ c: Case) throws {
        let caseFolder = Self.folder.appendingPathComponent(c.dir)
        #expect(c.error)
        #expect(FileManager.default.fileExists(atPath: caseFolder.appendingPathComponent("error").path))
        let bytes = try [UInt8](Data(contentsOf: caseFolder.appendingPathComponent("in.yaml")))
        #expect(String(decoding: bytes, as: UTF8.self) == c.in_yaml)
        let error = #expect(throws: YAMLError.self, "\(c.id) was accepted") { try YAMLParser.parse(bytes) }
        #expect(error?.kind != .unreadable)
    }

    @Test("the index lists every case folder",
          .enabled(if: isPresent, "the yaml-test-suite corpus is not at ../shared/corpora/yaml_invalid"))
    func indexIsComplete() throws {
        let entries = try FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: [.isDirectoryKey])
        let folders = try entries.filter { try $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true }
        #expect(!Self.cases.isEmpty)
        #expect(Set(folders.map(\.lastPathComponent)) == Set(Self.cases.map(\.dir)))
    }
}
