import ArgumentParser
import Foundation
import QuizApp

/// `quiz import FILE… [--from gift] [--bank ID] [--lesson L] [-o PATH] [--force]`: questions from another tool, as a bank.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read GIFT or Moodle XML files into a new bank of the course.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The files to read (.gift, .txt or .xml).")
    var files: [String]

    @Option(name: .long, help: "gift or moodle-xml. Default: guessed from the extension (.xml is moodle-xml).")
    var from: String?

    @Option(name: .long, help: "The bank id (default: the first file's name, slugged).")
    var bank: String?

    @Option(name: .long, help: "Link the questions into this existing lesson, a section per category.")
    var lesson: String?

    @Option(name: [.customShort("o"), .long], help: "Write the bank here instead of Quizzes/<bank>.yaml.")
    var output: String?

    @Flag(name: .long, help: "Overwrite files that exist.")
    var force = false

    func run() throws {
        let format = from ?? (files.first.map { $0.lowercased().hasSuffix(".xml") ? "moodle-xml" : "gift" } ?? "gift")
        switch format {
        case "gift", "moodle-xml": break
        default: throw UserError("--from \(format) is not a format import reads; the formats that work: gift, moodle-xml")
        }
        let outcome = try BankImport.run(files: files, bank: bank, lesson: lesson, output: output, force: force,
                                         course: try common.course(), moodleXML: format == "moodle-xml")
        for warning in outcome.warnings { Terminal.standardError("quiz: warning: \(warning)") }
        guard outcome.findings.isEmpty else {
            for finding in outcome.findings { Terminal.standardError(finding.description) }
            Terminal.standardError("quiz: \(outcome.findings.count) problem\(outcome.findings.count == 1 ? "" : "s") in the input; nothing was written")
            throw ExitCode(1)
        }
        for file in outcome.written { Terminal.standardError("quiz: wrote \(file)") }
        Terminal.standardError("quiz: \(outcome.summary)")
    }
}
