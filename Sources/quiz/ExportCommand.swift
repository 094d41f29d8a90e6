import ArgumentParser
import QuizApp
import QuizInterop

extension ExportFormat: ExpressibleByArgument {}

/// `quiz export BANK --format F [-o PATH]`: a bank in another format, for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a bank in another format: json (the decoded bank), gift or moodle-xml (Moodle); qti is not built yet.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The bank id (its file name under Quizzes/ without .yaml).")
    var bank: String

    @Option(name: .long, help: "json, gift or moodle-xml; qti is not built yet.")
    var format: ExportFormat

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of stdout.")
    var output: String?

    func run() throws {
        let (text, warnings) = try BankExport.export(bank, format: format, course: try common.course())
        for warning in warnings { Terminal.standardError("quiz: warning: \(warning)") }
        try Terminal.write(text, toFile: output)
    }
}
