import ArgumentParser
import Foundation
import QuizKit
import QuizStore

/// Flags every command takes: where the content root and the attempts store are.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The content root (the folder holding Lessons/ and Quizzes/). Default: found by walking up from the current folder.")
    var root: String?

    @Option(name: .long, help: "The attempts database. Default: $QUIZ_STORE, else $XDG_DATA_HOME/quiz/quiz.sqlite, else ~/.local/share/quiz/quiz.sqlite.")
    var store: String?

    /// The content root: `--root`, else found from the current folder (or from `hint`).
    func rootURL(near hint: URL? = nil) throws -> URL {
        if let root {
            let url = URL(fileURLWithPath: root).standardizedFileURL
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
                throw UserError("--root \(root): no such folder")
            }
            return url
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let found = ContentRoot.locate(from: cwd) { return found }
        if let hint, let found = ContentRoot.locate(from: hint) { return found }
        throw UserError("no content root here: no Lessons/ or Quizzes/ folder in \(cwd.path) or above; run inside a course folder or pass --root DIR")
    }

    /// The attempts database path: `--store`, else the store's default order
    /// (`$QUIZ_STORE`, `$XDG_DATA_HOME/quiz/quiz.sqlite`, `~/.local/share/quiz/quiz.sqlite`).
    func storeURL() -> URL {
        store.map { URL(fileURLWithPath: $0) } ?? AttemptStore.defaultURL()
    }
}
