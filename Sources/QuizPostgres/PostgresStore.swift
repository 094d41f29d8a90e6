#if PostgreSQL
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import QuizRecords

/// The attempts store on a PostgreSQL server, shared by a whole class.
///
/// One connection per process, opened by `init` and used from the caller's thread: each call sends
/// its statements and waits for the server's answer on SwiftNIO's event loop, so the synchronous
/// `AttemptStore` calls never touch Swift's concurrency pool. Every write is its own statement or
/// short transaction, committed before the call returns. Who took an attempt is the role connected
/// (`current_user`), filled in by the server; row-level security limits a learner to their own rows.
public final class PostgresStore: AttemptStore, @unchecked Sendable {
    /// The URL without its password: what every message names.
    public let location: String
    let url: PostgresURL
    let connection: PostgresConnection
    let logger: Logger
    /// Serialises the connection between threads (a CLI process has one; tests may share a store).
    let lock = NSLock()

    /// How long connecting may take before it counts as unreachable.
    static let connectTimeout = TimeAmount.seconds(10)

    /// Connects to the store `url` names and brings its schema up to date.
    ///
    /// Throws `.badLocation` for a URL that does not parse, `.unreachable` when no server answers,
    /// `.accessDenied` when the server refuses the user or password, `.newerVersion` when a newer quiz
    /// migrated the database, and `.unwritable` when its tables are missing and this role may not create them.
    public convenience init(url text: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            home: URL = FileManager.default.homeDirectoryForCurrentUser) throws(StoreError) {
        let url: PostgresURL
        do {
            url = try PostgresURL(text, environment: environment)
        } catch {
            throw .badLocation(location: PostgresURL.redacting(text), reason: error.reason)
        }
        try self.init(url: url, password: url.resolvedPassword(environment: environment, home: home))
    }

    public init(url: PostgresURL, password: String?) throws(StoreError) {
        let location = url.redacted
        let logger = Logger(label: "quiz.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database,
            tls: try Self.tls(for: url, location: location))
        configuration.options.connectTimeout = Self.connectTimeout
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw Self.storeError(error, location: location)
        }
        self.url = url
        self.location = location
        self.logger = logger
        do {
            try migrate()
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Closes the connection (also done when the store goes away).
    public func close() {
        guard !connection.isClosed else { return }
        _ = try? connection.close().wait()
    }

    private static func tls(for url: PostgresURL, location: String) throws(StoreError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if url.sslMode == .verifyCA || url.sslMode == .verifyFull, let roots = rootCertificates(for: url) {
            guard FileManager.default.isReadableFile(atPath: roots) else {
                throw .failed(location: location, reason: "sslrootcert \(roots) cannot be read")
            }
            configuration.trustRoots = .file(roots)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .failed(location: location, reason: "TLS could not be set up (sslmode=\(url.sslMode.rawValue))")
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    /// The CA file `sslrootcert` names, else libpq's `~/.postgresql/root.crt` when it exists; nil for the system's CAs.
    private static func rootCertificates(for url: PostgresURL) -> String? {
        if let file = url.sslRootCert { return (file as NSString).expandingTildeInPath }
        let home = FileManager.default.homeDirectoryForCurrentUser
        let standard = home.appendingPathComponent(".postgresql/root.crt").path
        return FileManager.default.fileExists(atPath: standard) ? standard : nil
    }

    // MARK: Talking to the server

    /// Runs one statement and returns every row.
    @discardableResult
    func run(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        return try runLocked(query)
    }

    func runLocked(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        if connection.isClosed {
            throw .unreachable(location: location, reason: "the connection to the server was lost")
        }
        // A query sent as the server drops the connection may never be answered: whichever
        // comes first, the answer or the connection closing, ends the wait.
        let answer = connection.eventLoop.makePromise(of: [PostgresRow].self)
        connection.query(query, logger: logger).map(\.rows).cascade(to: answer)
        connection.closeFuture.whenComplete { _ in answer.fail(ConnectionLost()) }
        do {
            return try answer.futureResult.wait()
        } catch is ConnectionLost {
            throw .unreachable(location: location, reason: "the connection to the server was lost")
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    /// Runs one statement and decodes each row with `body`.
    func fetch<T>(_ query: PostgresQuery, _ body: (PostgresRandomAccessRow) throws -> T) throws(StoreError) -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return try fetchLocked(query, body)
    }

    func fetchLocked<T>(_ query: PostgresQuery, _ body: (PostgresRandomAccessRow) throws -> T) throws(StoreError) -> [T] {
        try decode(runLocked(query), body)
    }

    /// Decodes every row with `body`; a value this build cannot read means the database is not a quiz store.
    func decode<T>(_ rows: [PostgresRow], _ body: (PostgresRandomAccessRow) throws -> T) throws(StoreError) -> [T] {
        do {
            return try rows.map { try body($0.makeRandomAccess()) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupt(location: location)
        }
    }

    /// Runs `body` between BEGIN and COMMIT (ROLLBACK when it throws), holding the connection.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = try runLocked("BEGIN")
        do {
            let result = try body()
            _ = try runLocked("COMMIT")
            return result
        } catch {
            _ = try? runLocked("ROLLBACK")
            throw error
        }
    }

    /// Brings the schema up to date: a quick look first, and only when something is missing, the
    /// migrations inside one transaction holding an advisory lock, so many processes starting on a
    /// new database at once migrate it once (the others wait, then find every migration applied).
    private func migrate() throws(StoreError) {
        let known = PostgresSchema.migrations.map(\.identifier)
        if let applied = try appliedMigrations(), try check(applied, known: known) { return }
        do {
            try transaction { () throws(StoreError) in
                _ = try runLocked("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
                _ = try runLocked("CREATE TABLE IF NOT EXISTS quiz_migrations (identifier text PRIMARY KEY)")
                let applied = try fetchLocked("SELECT identifier FROM quiz_migrations") { try $0.decode(String.self) }
                if try check(Set(applied), known: known) { return }
                for (identifier, sql) in PostgresSchema.migrations where !applied.contains(identifier) {
                    for statement in Self.statements(sql) {
                        _ = try runLocked(PostgresQuery(unsafeSQL: statement))
                    }
                    _ = try runLocked("INSERT INTO quiz_migrations (identifier) VALUES (\(identifier))")
                }
            }
        } catch .failed(_, let reason) where reason.hasPrefix(Self.permissionMark) {
            throw .unwritable(location: location, reason: "its tables are not set up and this role may not create them; "
                + "the course owner sets it up by running a quiz command against it first")
        }
    }

    /// The migrations recorded, or nil when the store has no migrations table yet.
    private func appliedMigrations() throws(StoreError) -> Set<String>? {
        let exists = try fetch("SELECT to_regclass('quiz_migrations') IS NOT NULL") { try $0.decode(Bool.self) }
        guard exists.first == true else { return nil }
        return Set(try fetch("SELECT identifier FROM quiz_migrations") { try $0.decode(String.self) })
    }

    /// Whether every known migration is applied; throws `.newerVersion` for one this build does not know.
    private func check(_ applied: Set<String>, known: [String]) throws(StoreError) -> Bool {
        if !applied.subtracting(known).isEmpty { throw .newerVersion(location: location) }
        return applied.isSuperset(of: known)
    }

    /// The statements of a migration, split at semicolons that end a line outside `$$` blocks.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quoted = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.components(separatedBy: "$$").count.isMultiple(of: 2) { quoted.toggle() }
            if !quoted, line.hasSuffix(";") {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    // MARK: Errors

    /// The connection closed while a query waited for its answer.
    private struct ConnectionLost: Error {}

    /// Starts the reason of a `.failed` that was a permission refusal (SQLSTATE 42501).
    static let permissionMark = "permission denied"

    /// One `StoreError` for whatever postgres-nio or the server said, never carrying the password
    /// (the server's messages do not hold it, and `location` is redacted).
    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return .failed(location: location, reason: "\(type(of: error))")
        }
        switch error.code {
        case .connectionError:
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                return .failed(location: location, reason: Self.reason(tls: underlying))
            }
            return .unreachable(location: location, reason: Self.reason(connecting: error.underlying))
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return .unreachable(location: location, reason: "the connection to the server was lost")
        case .authMechanismRequiresPassword:
            return .accessDenied(location: location, reason: "the server asks for a password and none was given")
        case .sslUnsupported:
            return .unreachable(location: location, reason: "the server does not offer TLS, and the URL requires it")
        case .unsupportedAuthMechanism, .saslError:
            return .accessDenied(location: location, reason: "the server asks for a sign-in method quiz does not speak")
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "the server refused the request"
            switch state {
            case "28P01", "28000":
                return .accessDenied(location: location, reason: message)
            case "3D000":
                return .unreachable(location: location, reason: message)
            case "57P01", "57P02", "57P03", "08000", "08003", "08006":
                return .unreachable(location: location, reason: "the server is shutting down or restarting")
            case "42501":
                return .failed(location: location, reason: "\(permissionMark): \(message)")
            default:
                return .failed(location: location, reason: message)
            }
        default:
            return .failed(location: location, reason: error.code.description)
        }
    }

    /// Why TLS failed, and what to do: a certificate not vouched for is the usual case.
    private static func reason(tls underlying: any Error) -> String {
        let text = String(describing: underlying)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the server's TLS certificate is not signed by a CA this machine trusts; "
                + "name the CA's certificate file with sslrootcert=PATH in the URL (or ~/.postgresql/root.crt)"
        }
        if text.contains("hostname") || text.contains("Hostname") || text.contains("unableToValidateCertificate") {
            return "the server's TLS certificate is not for this host name; connect by the name on its certificate"
        }
        return "the TLS handshake with the server failed (\(text))"
    }

    private static func reason(connecting underlying: (any Error)?) -> String {
        guard let underlying else { return "no connection" }
        if underlying is ChannelError { return "connection timed out" }
        if let io = underlying as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ETIMEDOUT: return "connection timed out"
            case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
            default: return String(cString: strerror(io.errnoCode)).lowercased()
            }
        }
        let text = String(describing: underlying)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("NXDOMAIN") || text.contains("resolve") || text.contains("Resolution") { return "unknown host" }
        if text.contains("connectTimeout") { return "connection timed out" }
        return "no connection"
    }
}

extension PostgresRandomAccessRow {
    func decode<T: PostgresDecodable>(_ type: T.Type) throws -> T {
        try self[0].decode(T.self)
    }
}
#endif
