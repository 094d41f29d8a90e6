import Foundation
import ArgumentParser
import QuizApp
import QuizInterop

extension ExportFormat: ExpressibleByArgument {}

/// `quiz export BANK --format F [--test TEST] [-o PATH]`: a bank in another format, for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a bank in another format: json (the decoded bank), gift or moodle-xml (Moodle), or qti (an IMS QTI 2.1 content package).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The bank id (its file name under Quizzes/ without .yaml).")
    var bank: String

    @Option(name: .long, help: "json, gift, moodle-xml or qti.")
    var format: ExportFormat

    @Option(name: .long, help: "Export only this practice test of the bank and the questions it can draw.")
    var test: String?

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of stdout (qti: instead of BANK.zip, or BANK-TEST.zip with --test, in the current folder, which is never overwritten).")
    var output: String?

    func run() throws {
        if format.isPackage { return try writePackage() }
        let (text, warnings) = try BankExport.export(bank, format: format, test: test, course: try common.course())
        for warning in warnings { Terminal.standardError("quiz: warning: \(warning)") }
        try Terminal.write(text, toFile: output)
    }

    /// A zip is never written to stdout: to `-o PATH`, else to `BANK.zip` here, which must not exist yet.
    private func writePackage() throws {
        let path = output ?? (test.map { "\(bank)-\($0).zip" } ?? "\(bank).zip")
        if output == nil, FileManager.default.fileExists(atPath: path) {
            throw UserError("\(path) already exists; name another file with -o PATH, or remove it")
        }
        let (data, warnings) = try BankExport.qtiPackage(bank, test: test, course: try common.course())
        for warning in warnings { Terminal.standardError("quiz: warning: \(warning)") }
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw UserError("\(path): cannot be written (\(error.localizedDescription)); check the folder and its permissions")
        }
    }
}
