import Foundation
import GRDB

/// A problem with the attempts database that a learner can meet and fix.
///
/// Every case renders as one line (`message`) that names the store file and
/// what to do about it. Opening a store never repairs, migrates down or
/// overwrites a file it does not understand: it throws one of these instead.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds migrations this build does not know: a newer quiz wrote it.
    case newerVersion(path: String)
    /// The file is not a SQLite database, is damaged, or is some other program's database.
    case corrupt(path: String)
    /// The folder or the file cannot be created, opened or written.
    case unwritable(path: String, reason: String)
    /// No attempt has an id starting with `prefix`.
    case notFound(prefix: String)
    /// Several attempts have an id starting with `prefix`.
    case ambiguous(prefix: String, candidates: [String])
    /// Any other database failure, with SQLite's own words.
    case failed(path: String, reason: String)

    /// One line that names the path (or the attempt) and the fix.
    public var message: String {
        switch self {
        case .newerVersion(let path):
            return "\(path) was written by a newer version of quiz; upgrade quiz or use another --store"
        case .corrupt(let path):
            return "\(path) is not a quiz store (or is damaged); move it away or pass --store"
        case .unwritable(let path, let reason):
            return "\(path) cannot be written (\(reason)); check its permissions or pass --store"
        case .notFound(let prefix):
            return "no attempt has an id starting with \"\(prefix)\"; run `quiz history` to list attempts"
        case .ambiguous(let prefix, let candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            let more = candidates.count > 5 ? ", …" : ""
            return "\"\(prefix)\" matches \(candidates.count) attempts (\(shown)\(more)); give more characters of the id"
        case .failed(let path, let reason):
            return "\(path): \(reason); try again, or pass --store to use another file"
        }
    }

    public var description: String { message }

    /// Turns whatever a database access threw into the store error a learner should see.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .failed(path: path, reason: "\(error)")
        }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            return .unwritable(path: path, reason: reason)
        default:
            return .failed(path: path, reason: reason)
        }
    }
}
