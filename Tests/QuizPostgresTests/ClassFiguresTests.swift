#if PostgreSQL
import Foundation
import Testing

/// A class's figures do not depend on where its attempts are kept: attempts taken into a SQLite
/// file and copied to PostgreSQL with `quiz store copy` give the same `stats` and `report --all`.
@Suite("The same attempts in SQLite and PostgreSQL", .timeLimit(.minutes(3)))
struct ClassFiguresTests {
    @Test("stats --format json and report --all --format csv agree between SQLite and PostgreSQL after quiz store copy")
    func sameFiguresBothWays() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        let course = try Quiz.course()
        defer { try? FileManager.default.removeItem(at: course) }
        let sqlite = course.appendingPathComponent("attempts.sqlite").path
        // Eight learners' answers to q1…q5 (A is right): every question has some spread, one is skipped.
        let sittings = ["a\na\na\na\na\n", "a\nb\na\na\nb\n", "b\nb\na\nb\nb\n", "a\na\nb\na\na\n",
                        "b\na\na\nskip\na\n", "a\nb\nb\nb\na\n", "a\na\na\nb\nb\n", "b\nb\nb\na\na\n"]
        for (n, lines) in sittings.enumerated() {
            let take = try Quiz.run(["take", "demo/practice", "--seed", "\(n + 1)", "--root", course.path, "--store", sqlite],
                                    input: lines)
            #expect(take.status == 0, "\(take.stderr)")
        }
        let postgres = fixture.text(fixture.url)
        let copy = try Quiz.run(["store", "copy", sqlite, postgres])
        #expect(copy.status == 0, "\(copy.stderr)")
        let password = try #require(fixture.url.password)
        #expect(!copy.stdout.contains(password) && !copy.stderr.contains(password))

        func output(_ arguments: [String], store: String) throws -> String {
            let run = try Quiz.run(arguments + ["--root", course.path, "--store", store])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let csv = ["report", "--all", "--test", "demo/practice", "--format", "csv"]
        // On PostgreSQL an attempt belongs to the role that wrote it: the copies are the copier's.
        func rows(_ csv: String, learner: String?) -> [String] {
            csv.split(whereSeparator: \.isNewline).enumerated().map { n, line in
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if n > 0, let learner, fields.count > 1 { fields[1] = learner }
                return fields.joined(separator: ",")
            }
        }
        let csvSQLite = try output(csv, store: sqlite), csvPostgres = try output(csv, store: postgres)
        #expect(rows(csvPostgres, learner: nil).dropFirst().allSatisfy { $0.split(separator: ",")[1] == fixture.url.user })
        #expect(rows(csvSQLite, learner: "-") == rows(csvPostgres, learner: "-"))
        #expect(rows(csvSQLite, learner: nil).count == sittings.count * 5 + 1)

        let stats = ["stats", "demo/practice", "--format", "json"]
        let fromSQLite = try JSONSerialization.jsonObject(with: Data(output(stats, store: sqlite).utf8))
        let fromPostgres = try JSONSerialization.jsonObject(with: Data(output(stats, store: postgres).utf8))
        #expect((fromSQLite as? [String: Any])?["attempts"] as? Int == sittings.count)
        #expect(Self.same(fromSQLite, fromPostgres), "SQLite: \(fromSQLite)\nPostgreSQL: \(fromPostgres)")
    }

    /// Equal JSON values, numbers within 1e-9 (the two stores sum in different orders).
    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            return Set(a.keys) == Set(b.keys) && a.keys.allSatisfy { same(a[$0]!, b[$0]!) }
        case let (a as [Any], b as [Any]):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case let (a as NSNumber, b as NSNumber):
            return abs(a.doubleValue - b.doubleValue) <= 1e-9 * max(1, abs(a.doubleValue))
        case let (a as String, b as String):
            return a == b
        case (is NSNull, is NSNull):
            return true
        default:
            return false
        }
    }
}
#endif
