import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizLint
import QuizRecords

/// The `quiz` command: lint question banks, study lessons, take practice tests, export reports.
struct Quiz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Lessons, quick checks, timed practice tests and a linter for question banks.",
        subcommands: [ListCommand.self, StudyCommand.self, CheckCommand.self, TakeCommand.self, ResumeCommand.self, HistoryCommand.self, ProgressCommand.self, ReportCommand.self, StatsCommand.self, LintCommand.self, ImportCommand.self, ExportCommand.self, SchemaCommand.self, StoreCommand.self]
    )
}

/// Entry point: runs a command and maps every failure to the contract's exit codes
/// (2 for usage errors, argument-parser's included, instead of its default 64).
@main
enum Main {
    static func main() {
        do {
            MallocPad.apply()
            // A test in the form quiz suggests starts without the argument parser; anything else goes through it.
            if let take = TakeCommand.plain(Array(CommandLine.arguments.dropFirst())) {
                try take.run()
                return
            }
            var command = try Quiz.parseAsRoot()
            try command.run()
        } catch let error as UserError {
            Terminal.standardError("quiz: \(error.message)")
            exit(error.code)
        } catch let error as StoreError {
            Terminal.standardError("quiz: \(error.message)")
            exit(2)
        } catch let refusal as BankRefusal {
            switch refusal {
            case .lintErrors(let file, let errors):
                // The errors as lint prints them, then one line saying why nothing is asked.
                FileHandle.standardError.write(Data(TextReporter.render(errors).utf8))
                Terminal.standardError("quiz: \(file) has \(errors.errors) lint error\(errors.errors == 1 ? "" : "s"); fix them and try again")
            case .unusableQuestion(let file, let question, let flaw):
                Terminal.standardError("quiz: \(file):\(flaw.line):\(flaw.column): question \(question) cannot be asked: "
                    + "\(flaw.message) [\(flaw.rule.rawValue)]; fix it and try again")
            }
            exit(2)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Quiz.exitCode(for: error)
            if code == .validationFailure {
                let message = Quiz.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
                Terminal.standardError("quiz: \(message.replacingOccurrences(of: "Error: ", with: "")) (quiz help shows the usage)")
                exit(2)
            }
            Quiz.exit(withError: error)
        }
    }
}

