import Foundation
import GRDB
import QuizRecords
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's place on disk: makes its folder and file private on first use,
/// and decides, without writing a byte, whether an existing file may be opened.
///
/// The inspection runs on a read-only connection before the writable pool
/// exists, because opening a pool can already change a file (its journal mode).
struct StoreFile {
    let url: URL
    var path: String { url.path }

    /// Creates the missing folders (0700) and an empty file (0600) if there is none.
    /// Returns whether the file was created by this call.
    @discardableResult
    func prepare() throws(StoreError) -> Bool {
        try makeFolders()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)
            close(fd)
            return true
        }
        let code = errno
        guard code == EEXIST else { throw .unwritable(location: path, reason: Self.describe(code)) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .unwritable(location: path, reason: "it is a folder")
        }
        return false
    }

    /// Throws unless the file is empty, or a quiz store whose migrations this build all knows.
    func inspect() throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in try Self.check(db, path: path) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Makes the write-ahead log and shared-memory files as private as the database.
    func restrictCompanions() {
        for suffix in ["-wal", "-shm"] {
            chmod(path + suffix, 0o600)
        }
    }

    private static func check(_ db: Database, path: String) throws(StoreError) {
        do {
            if try db.tableExists("grdb_migrations") {
                if try StoreSchema.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerVersion(location: path)
                }
                return
            }
            let tables = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
                """) ?? 0
            if tables > 0 { throw StoreError.corrupt(location: path) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private func makeFolders() throws(StoreError) {
        let manager = FileManager.default
        var missing: [URL] = []
        var folder = url.deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path) {
            missing.append(folder)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        for folder in missing.reversed() {
            do {
                try manager.createDirectory(
                    at: folder, withIntermediateDirectories: false,
                    attributes: [.posixPermissions: 0o700])
                chmod(folder.path, 0o700)
            } catch {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue {
                    continue  // another process made it meanwhile
                }
                throw .unwritable(location: path, reason: "cannot create the folder \(folder.path)")
            }
        }
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
