import ArgumentParser
import Foundation
import QuizApp
import QuizRecords

/// `quiz store …`: work on attempt stores as wholes.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on attempt stores: copy one into another.",
        subcommands: [CopyCommand.self])

    /// `quiz store copy FROM TO`: every attempt and all study progress of FROM added to TO.
    struct CopyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy every attempt and all study progress from one store into another; copying again adds nothing.")

        @Argument(help: "The store to copy from: a SQLite file, or a postgresql:// URL in a build with PostgreSQL.")
        var from: String

        @Argument(help: "The store to copy into: a SQLite file (created when missing) or a postgresql:// URL.")
        var to: String

        func run() throws {
            let source = StoreLocation(named: from), target = StoreLocation(named: to)
            guard FileManager.default.fileExists(atPath: source.url.path) else {
                throw UserError("\(from): no such store; name an existing store file to copy from")
            }
            if Self.sameFile(source.url, target.url) {
                throw UserError("\(from) and \(to) are the same store; name another store to copy into")
            }
            let fromStore = try source.open(), toStore = try target.open()
            let outcome = try StoreCopy.copy(from: fromStore, to: toStore) { id in
                Terminal.standardError("quiz: attempt \(id) is already in \(toStore.location) with other content; kept as it is there")
            }
            let attempts = outcome.copied == 1 ? "attempt" : "attempts"
            let sections = outcome.progress == 1 ? "section" : "sections"
            var line = "copied \(outcome.copied) \(attempts) from \(fromStore.location) to \(toStore.location), "
                + "already there \(outcome.alreadyThere)"
            if !outcome.differing.isEmpty { line += ", differing \(outcome.differing.count) (left as they were)" }
            line += "; study progress of \(outcome.progress) \(sections) merged"
            Terminal.write(line + "\n")
        }

        /// Whether two paths name one file: the same path once resolved, or (hard links) the same inode.
        static func sameFile(_ a: URL, _ b: URL) -> Bool {
            if a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path {
                return true
            }
            var sa = stat(), sb = stat()
            guard stat(a.path, &sa) == 0, stat(b.path, &sb) == 0 else { return false }
            return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
        }
    }
}
