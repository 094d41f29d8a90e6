import Foundation
import QuizInterop
import QuizKit

/// `quiz export`: a bank of the course written in another format, for other tools.
///
/// A bank is exported only when it could be used for a test (no lint errors in its
/// file, no question that cannot be asked), since an export of a broken bank would
/// carry the loader's placeholders as if the author had written them.
///
/// With a test named (`--test`), the export holds that practice test alone and only the
/// questions it can draw (its pool: the questions its `from` admits), in every format.
public enum BankExport {
    /// The bank named `id` in `format`, as text.
    public static func render(_ id: String, format: ExportFormat, test: String? = nil, course: Course) throws -> String {
        try export(id, format: format, test: test, course: course).text
    }

    /// The bank named `id` in `format`, as text, and one warning per question the format cannot
    /// hold and so left out (GIFT has no ordering questions, for one).
    public static func export(_ id: String, format: ExportFormat, test: String? = nil,
                              course: Course) throws -> (text: String, warnings: [String]) {
        let (bank, _) = try selection(id, test: test, course: course)
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
    public static func qtiPackage(_ id: String, test: String? = nil, course: Course) throws -> (data: Data, warnings: [String]) {
        let (bank, draws) = try selection(id, test: test, course: course)
        let package = QTIPackage(bank, draws: draws)
        do {
            return (try package.zip(), package.skipped)
        } catch {
            throw UserError("the QTI package of \(id) could not be zipped (\(error.localizedDescription))")
        }
    }

    /// The bank to write and the draws of the tests it keeps: the whole bank with every test,
    /// or, with `test`, that test alone and the questions of its pool, in bank order.
    static func selection(_ id: String, test: String?, course: Course) throws -> (bank: Bank, draws: [TestDraw]) {
        let root = course.load()
        var bank = try Lookup.bank(id, in: root)
        // Its file is linted afresh: an export never trusts a cached verdict.
        try course.requireUsable(bank, filesWithErrors: [bank.file])
        guard let test else { return (bank, bank.tests.map { TestDraw(test: $0, in: bank, root: root) }) }
        guard let practice = bank.test(test) else {
            throw UserError(bank.tests.isEmpty
                ? "bank \(bank.id) defines no practice test, so --test \(test) names none; leave out --test to export the whole bank"
                : "bank \(bank.id) has no test \"\(test)\"; its tests: \(bank.tests.map(\.id).joined(separator: ", "))")
        }
        let draw = TestDraw(test: practice, in: bank, root: root)
        bank.questions = draw.pool
        bank.tests = [practice]
        return (bank, [draw])
    }
}
