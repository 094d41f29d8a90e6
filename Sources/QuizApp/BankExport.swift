import Foundation
import QuizInterop
import QuizKit

/// `quiz export`: a bank of the course written in another format, for other tools.
///
/// A bank is exported only when it could be used for a test (no lint errors in its
/// file, no question that cannot be asked), since an export of a broken bank would
/// carry the loader's placeholders as if the author had written them.
public enum BankExport {
    /// The bank named `id` in `format`, as text.
    public static func render(_ id: String, format: ExportFormat, course: Course) throws -> String {
        try export(id, format: format, course: course).text
    }

    /// The bank named `id` in `format`, as text, and one warning per question the format cannot
    /// hold and so left out (GIFT has no ordering questions, for one).
    public static func export(_ id: String, format: ExportFormat, course: Course) throws -> (text: String, warnings: [String]) {
        let root = course.load()
        let bank = try Lookup.bank(id, in: root)
        // Its file is linted afresh: an export never trusts a cached verdict.
        try course.requireUsable(bank, filesWithErrors: [bank.file])
        switch format {
        case .json: return (try BankJSON(bank).text(), [])
        case .gift:
            let gift = GIFTWriter(bank)
            return (gift.text, gift.skipped)
        case .moodleXML:
            let moodle = MoodleXMLWriter(bank)
            return (moodle.text, moodle.skipped)
        case .qti: throw UserError("--format qti writes a zip package, not text")
        }
    }

    /// The bank named `id` as a QTI 2.1 content package (zip bytes), and one warning per
    /// question left out.
    public static func qtiPackage(_ id: String, course: Course) throws -> (data: Data, warnings: [String]) {
        let root = course.load()
        let bank = try Lookup.bank(id, in: root)
        try course.requireUsable(bank, filesWithErrors: [bank.file])
        let package = QTIPackage(bank, draws: bank.tests.map { TestDraw(test: $0, in: bank, root: root) })
        do {
            return (try package.zip(), package.skipped)
        } catch {
            throw UserError("the QTI package of \(id) could not be zipped (\(error.localizedDescription))")
        }
    }
}
