import ArgumentParser
import QuizInterop

/// `quiz schema`: the JSON Schema of the bank DSL, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of question banks, for editors that complete keys and flag wrong values.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        Terminal.write(try BankSchema.json())
    }
}
