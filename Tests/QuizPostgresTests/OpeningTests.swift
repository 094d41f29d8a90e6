#if PostgreSQL
import Foundation
import QuizPostgres
import QuizRecords
import StoreContract
import Testing

/// Opening a PostgreSQL store: migrations (once, however many start at once; refused when newer) and
/// every way connecting can fail, each one line with no password, from the store and from `quiz` itself.
@Suite("PostgreSQL store: opening and failing", .enabled(if: TestServer.url != nil, TestServer.skipMessage),
       .timeLimit(.minutes(3)))
struct OpeningTests {
    @Test("many processes opening a new database at once migrate it once")
    func concurrentMigration() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        let count = 24
        let results = LockedResults(count: count)
        // A thread each (not a pool as wide as the machine), so every connection is open at once.
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let store = try fixture.open()
                    try store.create(StoreContract.attempt(test: "t\(index)"), questions: [])
                    results.set(index, nil)
                } catch {
                    results.set(index, "\(error)")
                }
            }
        }
        group.wait()
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(try fixture.admin.strings("SELECT identifier FROM quiz_migrations ORDER BY identifier") == ["v1", "v2", "v3"])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM attempt") == ["\(count)"])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM pg_policies WHERE tablename = 'attempt'") == ["3"])
    }

    @Test("a store migrated by a newer quiz is refused and left as it is")
    func newerVersion() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try fixture.open()
        try fixture.admin.execute("INSERT INTO quiz_migrations VALUES ('v99')")
        #expect(throws: StoreError.newerVersion(location: fixture.url.redacted)) { try fixture.open() }
        #expect(try fixture.admin.strings("SELECT identifier FROM quiz_migrations ORDER BY identifier") == ["v1", "v2", "v3", "v99"])
    }

    @Test("a learner meeting a database nobody set up is told who sets it up")
    func notSetUp() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (role, password) = try fixture.role("early", in: [])
        do {
            _ = try PostgresStore(url: fixture.url(role: role, password: nil), password: password)
            Issue.record("a role without rights set the store up")
        } catch {
            guard case .unwritable(let location, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(location == fixture.url(role: role, password: nil).redacted)
            #expect(reason.contains("course owner"))
        }
    }

    @Test("a wrong password is refused in one line that never shows it")
    func wrongPassword() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try fixture.open()
        let (role, _) = try fixture.role("ann", in: ["quiz_learner"])
        let secret = "Sup3r-secret-\(fixture.tag)"
        let url = fixture.url(role: role, password: secret)

        #expect(throws: StoreError.accessDenied(location: url.redacted,
                                                reason: "password authentication failed for user \"\(role)\"")) {
            try PostgresStore(url: url, password: secret)
        }
        for (arguments, environment) in [
            (["history", "--store", fixture.text(url)], [:]),
            (["history"], ["QUIZ_STORE": fixture.text(url)]),
            (["history", "--store", fixture.text(fixture.url(role: role, password: nil))], ["PGPASSWORD": secret]),
        ] as [([String], [String: String])] {
            let run = try Quiz.run(arguments, environment: environment)
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("refused the connection (password authentication failed"), "\(run.stderr)")
            #expect(run.stderr.contains(url.redacted), "\(run.stderr)")
            #expect(!run.stderr.contains(secret) && !run.stdout.contains(secret))
        }
    }

    @Test("sslmode=require talks TLS, disable does not, and verify-full refuses a certificate nothing vouches for",
          .enabled(if: TestServer.offersTLS, "the test server does not offer TLS (Scripts/pg-test-cluster turns it on when openssl is present)"))
    func tls() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        // The server's own certificate, as a class's CA file would be handed out.
        let certificate = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-ca-\(fixture.tag).pem")
        try Data(try fixture.admin.strings("SELECT pg_read_file('server.crt')")[0].utf8).write(to: certificate)
        defer { try? FileManager.default.removeItem(at: certificate) }
        /// The store's own connection as the server sees it: whether it is encrypted.
        func encrypted(_ mode: PostgresURL.SSLMode, roots: String? = nil) throws -> [String] {
            var url = fixture.url
            url.sslMode = mode
            url.sslRootCert = roots
            let store = try PostgresStore(url: url, password: fixture.server.password)
            defer { store.close() }
            _ = try store.attempts()
            return try fixture.admin.strings("""
                SELECT s.ssl::text FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
                WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                """)
        }
        #expect(try encrypted(.require) == ["true"])
        #expect(try encrypted(.prefer) == ["true"])
        #expect(try encrypted(.disable) == ["false"])
        #expect(try encrypted(.verifyFull, roots: certificate.path) == ["true"])
        #expect(try encrypted(.verifyCA, roots: certificate.path) == ["true"])

        var url = fixture.url
        url.sslMode = .verifyFull
        let run = try Quiz.run(["history", "--store", fixture.text(url)])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(url.redacted) && run.stderr.contains("certificate"), "\(run.stderr)")
        #expect(!run.stderr.contains(fixture.server.password ?? "-"))
    }

    @Test("the password comes from ~/.pgpass when the URL and PGPASSWORD give none, and not from a file others can read")
    func passwordFile() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try fixture.open()
        let (role, password) = try fixture.role("pat", in: ["quiz_learner"])
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-pgpass-\(fixture.tag)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent(".pgpass")
        let url = fixture.url(role: role, password: nil)
        try "# class\nother:*:*:*:nope\n\(url.host):\(url.port):*:\(role):\(password.replacingOccurrences(of: ":", with: "\\:"))\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let store = try PostgresStore(url: fixture.text(url), environment: [:], home: home)
        #expect(try store.attempts().isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: StoreError.self) { try PostgresStore(url: fixture.text(url), environment: [:], home: home) }
    }

    @Test("a refused connection and a bad URL each give one line and a failing exit, without the password")
    func unreachable() throws {
        let port = try Self.closedPort()
        let secret = "n0t-to-be-shown"
        let url = "postgresql://ann:\(secret)@127.0.0.1:\(port)/class"
        #expect(throws: StoreError.unreachable(location: "postgresql://ann@127.0.0.1:\(port)/class",
                                               reason: "connection refused")) {
            try PostgresStore(url: url)
        }
        let refused = try Quiz.run(["history", "--store", url])
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("cannot reach postgresql://ann@127.0.0.1:\(port)/class (connection refused)"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains(secret))

        for bad in ["postgresql://ann:\(secret)@host:port/db", "postgresql://ann:\(secret)@host/db?sslmode=maybe",
                    "postgres://ann:\(secret)@h/db?colour=blue"] {
            let run = try Quiz.run(["history", "--store", bad])
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("is not a store name quiz can read"), "\(run.stderr)")
            #expect(!run.stderr.contains(secret), "\(run.stderr)")
        }
    }

    /// A loopback port nothing listens on.
    static func closedPort() throws -> Int {
        let socket = try #require(Optional(Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)))
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Results written from many threads at once.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String?]

    init(count: Int) { results = Array(repeating: "not run", count: count) }

    func set(_ index: Int, _ value: String?) { lock.withLock { results[index] = value } }

    var failures: [String] { lock.withLock { results.compactMap { $0 } } }
}
#endif
