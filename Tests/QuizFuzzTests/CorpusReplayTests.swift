import Foundation
import QuizFuzzing
import QuizLint
import Testing

/// The fuzzer's corpus, replayed by the ordinary test suite: every input the fuzzer kept (and every
/// input that once crashed it) runs through the same code as under libFuzzer, so CI catches a
/// regression without a fuzzing build.
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// What `Scripts/fuzz` keeps after minimising: rewritten by every run.
    static let corpus = folder.appendingPathComponent("Corpus")
    /// Inputs that once found a bug, kept by hand (docs/testing.md, "Adding a finding").
    static let regressions = folder.appendingPathComponent("Regressions")

    static func inputs(in folder: URL = corpus) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("The committed corpus is there, small, and covers every input path")
    func corpusShape() throws {
        let inputs = Self.inputs()
        #expect(inputs.count >= 20, "the corpus holds only \(inputs.count) inputs; run Scripts/fuzz")
        var size = 0
        var modes = Set<UInt8>()
        for url in inputs {
            let data = try Data(contentsOf: url)
            size += data.count
            if let first = data.first { modes.insert(first % 4) }
        }
        #expect(size < 1_000_000, "the corpus is \(size) bytes; minimise it (Scripts/fuzz merges into it)")
        #expect(modes == Set(FuzzInput.Mode.allCases.map(\.rawValue)), "modes covered: \(modes.sorted())")
    }

    @Test("The regression inputs are there")
    func regressionsPresent() {
        #expect(!Self.inputs(in: Self.regressions).isEmpty)
    }

    /// One case per file (they run in parallel), named by the file so a failure says which input.
    @Test("No corpus or regression input crashes the loader, the rules or the reporters",
          arguments: inputs().map(\.lastPathComponent) + inputs(in: regressions).map { "Regressions/" + $0.lastPathComponent })
    func replay(_ name: String) throws {
        let url = name.hasPrefix("Regressions/")
            ? Self.folder.appendingPathComponent(name) : Self.corpus.appendingPathComponent(name)
        let bytes = Array(try Data(contentsOf: url))
        let rendered = FuzzInput.run(bytes)
        // Every non-empty input makes a course folder and so a report in every format.
        if !bytes.isEmpty {
            #expect(rendered.count >= Reporters.all.count, "\(name) produced no report")
        }
    }
}

@Suite("Fuzz input")
struct FuzzInputTests {
    @Test("The first byte picks the path; a course input splits into lesson, bank and configuration")
    func splitting() {
        let bank = Array("quiz: x\n".utf8)
        #expect(FuzzInput.files(for: FuzzInput.encode(.bank, bank)) == ["Quizzes/course.yaml": bank])
        #expect(FuzzInput.files(for: [5] + bank) == ["Lessons/course.md": bank])
        #expect(FuzzInput.files(for: FuzzInput.encode(.configuration, bank))[".quizlint.yaml"] == bank)
        let course = FuzzInput.files(for: FuzzInput.encode(lesson: [1, 2], bank: [3], configuration: [4, 0, 5]))
        #expect(course == ["Lessons/course.md": [1, 2], "Quizzes/course.yaml": [3], ".quizlint.yaml": [4, 0, 5]])
        #expect(FuzzInput.files(for: []).isEmpty)
    }

    @Test("A broken bank is reported in every format, naming the file")
    func brokenBankReported() {
        let rendered = FuzzInput.run(FuzzInput.encode(.bank, Array("questions: [\n  - id: a\n".utf8)))
        #expect(rendered.count >= Reporters.all.count)
        for text in rendered.prefix(Reporters.all.count) {
            #expect(text.contains("course.yaml"), "\(text.prefix(200))")
        }
    }
}
