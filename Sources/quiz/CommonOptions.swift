import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizRecords

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

    /// The course at the content root.
    func course(near hint: URL? = nil) throws -> Course {
        Course(url: try rootURL(near: hint))
    }

    /// The attempts store the learner named: `--store`, else `$QUIZ_STORE`, else the default place.
    var storeLocation: StoreLocation { StoreLocation(named: store) }

    /// Opens the attempts store.
    func openStore() throws(StoreError) -> any AttemptStore {
        try storeLocation.open()
    }

    /// Opens the store for a read of every learner's attempts (`report --all`, `stats`): on a
    /// database server, only a teacher's role sees them all, and anyone else is told so.
    func openClassStore() throws(StoreError) -> any AttemptStore {
        let store = try openStore()
        try store.requireClassAccess()
        return store
    }

    /// How to write a follow-up command so that it works when pasted: with this command's `--root` and `--store`.
    var hint: CommandHint { CommandHint(root: root, store: store) }

    /// The store's file (or its URL without the password), as messages name it.
    var storeName: String { storeLocation.name }

    /// The attempt whose id starts with `prefix`; when none or several do, a message naming the store searched.
    func attempt(matching prefix: String, in store: any AttemptStore) throws -> AttemptRecord {
        do {
            return try store.attempt(matching: prefix)
        } catch .notFound {
            throw UserError("no attempt in \(storeName) has an id starting with \"\(prefix)\"; "
                + "run `\(hint.command("history"))` to list its attempts, or pass the --store that holds it")
        } catch {
            throw error
        }
    }
}
