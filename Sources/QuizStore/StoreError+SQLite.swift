import Foundation
import GRDB
import QuizRecords

extension StoreError {
    /// Turns whatever a database access threw into the store error a learner should meet.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .failed(location: path, reason: "\(error)")
        }
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(location: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR:
            return .unwritable(location: path, reason: reason)
        default:
            return .failed(location: path, reason: reason)
        }
    }
}
