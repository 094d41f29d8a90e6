import Foundation
import QuizApp
import QuizPostgres
import Testing

/// PostgreSQL store names, read as libpq reads a connection URI, shown without their password, in
/// every build (a build without the PostgreSQL trait still names such a store in its message).
@Suite(.timeLimit(.minutes(1))) struct PostgresURLTests {
    @Test("every part of the URL is read, percent-escapes decoded; what is left out takes libpq's defaults")
    func parts() throws {
        let url = try PostgresURL("postgresql://al%40ice:p%3Ass@db.example.org:6543/class%201?sslmode=verify-full",
                                  environment: [:])
        #expect(url.user == "al@ice")
        #expect(url.password == "p:ss")
        #expect(url.host == "db.example.org")
        #expect(url.port == 6543)
        #expect(url.database == "class 1")
        #expect(url.sslMode == .verifyFull)
        #expect(url.sslRootCert == nil)

        let rooted = try PostgresURL("postgresql://ann:pw@h/db?sslmode=verify-ca&sslrootcert=%2Fetc%2Fclass%20ca.pem",
                                     environment: [:])
        #expect(rooted.sslMode == .verifyCA && rooted.sslRootCert == "/etc/class ca.pem")
        #expect(rooted.redacted == "postgresql://ann@h:5432/db?sslmode=verify-ca&sslrootcert=/etc/class%20ca.pem")

        let short = try PostgresURL("postgres://[::1]/", environment: ["USER": "ann"])
        #expect(short.user == "ann")
        #expect(short.host == "::1")
        #expect(short.port == 5432)
        #expect(short.database == "ann")
        #expect(short.sslMode == .prefer)
        #expect(try PostgresURL("postgresql://h/db", environment: ["PGUSER": "pg", "USER": "ann"]).user == "pg")
    }

    @Test("a URL that cannot be read says why", arguments: [
        ("postgresql://ann@h:port/db", "the port \"port\" is not a number from 1 to 65535"),
        ("postgresql://ann@h/db?sslmode=maybe", "sslmode=maybe is not one of disable, prefer, require, verify-ca, verify-full"),
        ("postgresql://ann@h/db?colour=blue", "unknown parameter \"colour\"; only sslmode and sslrootcert are read"),
        ("postgresql://ann@h1,h2/db", "several hosts are not supported; name one"),
        ("postgresql://h/db", "no user name: write it before the host (postgresql://USER@HOST/DB)"),
    ])
    func problems(_ text: String, _ reason: String) {
        #expect(throws: PostgresURL.Problem(reason: reason)) { try PostgresURL(text, environment: [:]) }
    }

    @Test("messages name the store without its password, even when the rest of the URL is wrong")
    func redaction() {
        #expect(PostgresURL.redacting("postgresql://ann:s3cret@h/db") == "postgresql://ann@h:5432/db")
        #expect(PostgresURL.redacting("postgresql://ann:s3cret@h:nope/db") == "postgresql://ann@h:nope/db")
        #expect(PostgresURL.redacting("postgres://ann:s3cret@h/db?sslmode=require") == "postgresql://ann@h:5432/db?sslmode=require")
        #expect(PostgresURL.redacting("/home/ann/quiz.sqlite") == "/home/ann/quiz.sqlite")
        let location = StoreLocation(named: "postgresql://ann:s3cret@h/db", environment: [:],
                                     home: URL(fileURLWithPath: "/home/ann"))
        #expect(location.isServer)
        #expect(location.name == "postgresql://ann@h:5432/db")
        #expect(location.cacheFolder.path == "/home/ann/.local/share/quiz/cache")
        #expect(StoreLocation(named: nil, environment: ["QUIZ_STORE": "postgres://b@h/db"]).isServer)
    }

    @Test("the password comes from the URL, else PGPASSWORD, else the first matching line of a private ~/.pgpass")
    func passwordSources() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent(".pgpass")
        try """
            # hostname:port:database:username:password
            other:5432:*:ann:wrong
            h:5432:class:ann:from\\:file\\\\
            *:*:*:ann:fallback

            """.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let url = try PostgresURL("postgresql://ann@h/class", environment: [:])
        #expect(url.resolvedPassword(environment: [:], home: home) == "from:file\\")
        #expect(try PostgresURL("postgresql://ann@h/other", environment: [:]).resolvedPassword(environment: [:], home: home)
                == "fallback")
        #expect(url.resolvedPassword(environment: ["PGPASSWORD": "env"], home: home) == "env")
        #expect(try PostgresURL("postgresql://ann:url@h/class").resolvedPassword(environment: ["PGPASSWORD": "env"], home: home)
                == "url")
        let elsewhere = home.appendingPathComponent("elsewhere")
        try "*:*:*:*:named\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: elsewhere.path)
        #expect(url.resolvedPassword(environment: ["PGPASSFILE": elsewhere.path], home: home) == "named")

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        #expect(url.resolvedPassword(environment: [:], home: home) == nil)
    }
}
