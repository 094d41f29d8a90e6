#if PostgreSQL
import Foundation
import Logging
import PostgresNIO
import QuizPostgres
import QuizRecords
import Testing

/// The server the PostgreSQL tests run against: `QUIZ_TEST_PG`, a superuser URL of a throwaway
/// cluster (`Scripts/pg-test-cluster start` prints one). Unset, every test here is skipped with a message.
enum TestServer {
    static let url: PostgresURL? = ProcessInfo.processInfo.environment["QUIZ_TEST_PG"]
        .flatMap { $0.isEmpty ? nil : try? PostgresURL($0) }

    /// Whether the test server takes TLS connections (`SHOW ssl`).
    static let offersTLS: Bool = {
        guard let url, let connection = try? SQLConnection(url) else { return false }
        defer { connection.close() }
        return (try? connection.strings("SHOW ssl")) == ["on"]
    }()

    static let skipMessage: Comment = "QUIZ_TEST_PG is unset: no PostgreSQL server to test against (Scripts/pg-test-cluster start prints one)"
}

/// A database of its own for one test, and roles with names no other test uses; all dropped
/// when the fixture goes away. Keep it until the test ends with `defer { withExtendedLifetime(fixture) {} }`.
final class PostgresFixture: @unchecked Sendable {
    let server: PostgresURL
    let database: String
    private(set) var roles: [String] = []
    /// Each role's password, by role name.
    private(set) var passwords: [String: String] = [:]
    let admin: SQLConnection
    let tag = String(UUID().uuidString.prefix(8)).lowercased()

    init() throws {
        let server = try #require(TestServer.url, TestServer.skipMessage)
        self.server = server
        database = "quiz_test_\(tag)"
        let maintenance = try SQLConnection(server)
        try maintenance.execute("CREATE DATABASE \(database)")
        maintenance.close()
        var url = server
        url.database = database
        admin = try SQLConnection(url)
    }

    deinit {
        admin.close()
        guard let maintenance = try? SQLConnection(server) else { return }
        _ = try? maintenance.execute("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        for role in roles { _ = try? maintenance.execute("DROP ROLE IF EXISTS \(role)") }
        maintenance.close()
    }

    /// The superuser's URL for this test's database (password included: for opening stores only).
    var url: PostgresURL {
        var url = server
        url.database = database
        return url
    }

    /// The URL a role signs in with (its password written in it).
    func url(role: String, password: String?) -> PostgresURL {
        var url = server
        url.database = database
        url.user = role
        url.password = password
        return url
    }

    /// The URL text a `quiz` process gets.
    func text(_ url: PostgresURL) -> String {
        var text = "postgresql://\(url.user)"
        if let password = url.password { text += ":\(password)" }
        return text + "@\(url.host):\(url.port)/\(url.database)?sslmode=\(url.sslMode.rawValue)"
    }

    /// The store as the superuser (the course owner) opens it.
    func open() throws -> PostgresStore {
        try PostgresStore(url: url, password: server.password)
    }

    /// Creates a login role `name_TAG` in `group` (the plain SQL a course owner writes); returns its name.
    func role(_ name: String, in groups: [String], password: String = "pw-\(UUID().uuidString)") throws -> (String, String) {
        let role = "\(name)_\(tag)"
        let groupList = groups.isEmpty ? "" : " IN ROLE \(groups.joined(separator: ", "))"
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'\(groupList)")
        roles.append(role)
        passwords[role] = password
        return (role, password)
    }
}

/// A plain SQL connection for setting up and looking at a test's database from outside the store.
final class SQLConnection: @unchecked Sendable {
    let connection: PostgresConnection
    let logger = Logger(label: "quiz.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ url: PostgresURL, password: String? = nil) throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password ?? url.password,
            database: url.database, tls: .disable)
        connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 9, logger: logger
        ).wait()
    }

    @discardableResult
    func execute(_ sql: String) throws -> [PostgresRow] {
        try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().rows
    }

    /// The first column of every row, as text.
    func strings(_ sql: String) throws -> [String] {
        try execute(sql).map { try $0.makeRandomAccess()[0].decode(String.self) }
    }

    func close() {
        _ = try? connection.close().wait()
    }
}
#endif
