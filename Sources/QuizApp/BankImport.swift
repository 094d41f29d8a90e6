import Foundation
import QuizInterop
import QuizKit

/// `quiz import FILE… --from gift`: GIFT files read into one bank of the course, with a
/// skeleton lesson holding one section per category when the course has no lesson for it.
///
/// Nothing is written when a file is malformed (the findings are returned instead) or when
/// the bank or lesson file exists and `force` is not set.
public enum BankImport {
    /// What an import did: the files written, warnings, and the summary line.
    public struct Outcome: Sendable {
        public var written: [String] = []
        public var warnings: [String] = []
        public var findings: [GIFTReader.Finding] = []
        public var summary = ""
    }

    /// The largest file read; anything bigger is refused with a finding rather than read into memory.
    static let maximumBytes = 16 << 20

    public static func run(files: [String], bank: String?, lesson: String?, output: String?, force: Bool,
                           course: Course, moodleXML: Bool = false) throws -> Outcome {
        guard let firstFile = files.first else { throw UserError("name at least one file to import") }
        var outcome = Outcome()
        var entries: [GIFTReader.Entry] = []
        var skipped: [String: Int] = [:]
        for file in files {
            let url = URL(fileURLWithPath: file)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= maximumBytes else {
                outcome.findings.append(.init(file: file, line: 1, column: 1, message: "the file is \(size) bytes; the most import reads is \(maximumBytes)"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw UserError("cannot read \(file)")
            }
            if moodleXML {
                let reader = MoodleXMLReader(data: data, file: file)
                outcome.findings += reader.findings
                outcome.warnings += reader.warnings
                entries += reader.entries
                for (type, count) in reader.skipped { skipped[type, default: 0] += count }
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
                outcome.findings.append(.init(file: file, line: line, column: 1, message: "the file is not UTF-8 text; save it as UTF-8 and try again"))
                continue
            }
            let reader = GIFTReader(text: text, file: file)
            outcome.findings += reader.findings
            outcome.warnings += reader.warnings
            entries += reader.entries
            for (type, count) in reader.skipped { skipped[type, default: 0] += count }
        }
        if outcome.findings.isEmpty, entries.isEmpty {
            outcome.findings.append(.init(file: firstFile, line: 1, column: 1, message: "no question in the input that a bank can hold"))
        }
        guard outcome.findings.isEmpty else { return outcome }

        let bankID = bank.map(Self.slug) ?? Self.slug(URL(fileURLWithPath: firstFile).deletingPathExtension().lastPathComponent)
        guard !bankID.isEmpty else { throw UserError("cannot make a bank id from \(firstFile); give one with --bank") }
        let root = course.load()
        let bankURL = output.map { URL(fileURLWithPath: $0) } ?? course.url.appendingPathComponent("Quizzes/\(bankID).yaml")

        // Sections: one per category, in order of first use.
        var categories: [String] = []
        for entry in entries {
            let name = entry.category ?? "Imported questions"
            if !categories.contains(name) { categories.append(name) }
        }
        var sectionOf: [String: String] = [:]
        var lessonID = bankID
        var lessonText: String?
        if let lesson {
            guard let target = root.lessons.first(where: { $0.id == lesson }) else {
                throw UserError("no lesson \(lesson) in the course; the lessons: \(root.lessons.map(\.id).joined(separator: ", "))")
            }
            var unmatched: [String] = []
            for category in categories {
                let slug = Slugger.slug(plainText: category)
                if let section = target.sections.first(where: { $0.id == slug || Slugger.slug(plainText: $0.title) == slug }) {
                    sectionOf[category] = section.id
                } else {
                    unmatched.append(category)
                }
            }
            guard unmatched.isEmpty else {
                throw UserError("no section of lesson \(lesson) matches the categor\(unmatched.count == 1 ? "y" : "ies") "
                    + unmatched.map { "\"\($0)\"" }.joined(separator: ", ") + "; its sections: "
                    + target.sections.map(\.id).joined(separator: ", "), code: 1)
            }
            lessonID = lesson
        } else if root.lessons.contains(where: { $0.id == bankID }), !force {
            throw UserError("the course has a lesson \(bankID) already; link into it with --lesson \(bankID), "
                + "choose another --bank, or pass --force to overwrite it")
        } else {
            var slugger = Slugger()
            _ = slugger.slug(bankID)
            var text = "---\ntitle: \(BankYAMLWriter.quoted(bankID))\n---\n\n# \(bankID)\n"
            for category in categories {
                let heading = category.replacingOccurrences(of: "\n", with: " ")
                sectionOf[category] = slugger.slug(heading)
                text += "\n## \(heading)\n\nImported from \(moodleXML ? "Moodle XML" : "GIFT"); write this section's text here.\n"
            }
            lessonText = text
        }

        var used = Set(root.banks.flatMap { $0.questions.map(\.id) })
        var questions: [Question] = []
        var counts: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            var question = entry.question
            var id = Self.slug(question.id)
            if id.isEmpty { id = "q\(index + 1)" }
            var unique = id
            var n = 1
            while used.contains(unique) { n += 1; unique = "\(id)-\(n)" }
            used.insert(unique)
            question.id = unique
            question.section = sectionOf[entry.category ?? "Imported questions"] ?? ""
            question.tags = question.tags.map(Self.slug).filter { !$0.isEmpty }
            questions.append(question)
            counts[question.type.rawValue, default: 0] += 1
        }

        let lessonURL = course.url.appendingPathComponent("Lessons/\(bankID).md")
        for url in [bankURL] + (lessonText == nil ? [] : [lessonURL]) where FileManager.default.fileExists(atPath: url.path) && !force {
            throw UserError("\(url.path) exists; pass --force to overwrite it")
        }
        let yaml = BankYAMLWriter.yaml(id: bankID, title: bankID, lesson: lessonID == bankID ? nil : lessonID, questions: questions)
        try write(yaml, to: bankURL)
        outcome.written.append(bankURL.path)
        if let lessonText {
            try write(lessonText, to: lessonURL)
            outcome.written.append(lessonURL.path)
        }
        let imported = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let left = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        outcome.summary = "imported \(questions.count) question\(questions.count == 1 ? "" : "s")"
            + (imported.isEmpty ? "" : " (\(imported))")
            + "; skipped \(skipped.values.reduce(0, +))" + (left.isEmpty ? "" : " (\(left))")
        return outcome
    }

    static func write(_ text: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw UserError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Kebab-case: lower-case letters and digits, every other run of characters one `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
