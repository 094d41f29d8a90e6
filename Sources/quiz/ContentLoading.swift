import Foundation
import QuizKit
import QuizLint
import QuizStore

/// Shared steps of the session commands: load the root, find a test, open the store.
struct ContentLoading {
    let common: CommonOptions

    func root() throws -> ContentRoot {
        ContentRoot.load(at: try common.rootURL())
    }

    /// `BANK/TEST`, or `BANK` when the bank has exactly one test.
    func test(_ reference: String, in root: ContentRoot) throws -> (Bank, PracticeTest) {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        guard let bankID = parts.first, let bank = root.bank(bankID) else {
            let known = root.banks.flatMap { b in b.tests.map { "\(b.id)/\($0.id)" } }
            throw UserError("no bank \"\(parts.first ?? reference)\" in \(root.url.path)"
                + (known.isEmpty ? "; it has no practice tests" : "; tests here: \(known.joined(separator: ", "))"))
        }
        if parts.count == 2 {
            guard let test = bank.test(parts[1]) else {
                throw UserError("bank \(bank.id) has no test \"\(parts[1])\"; its tests: \(bank.tests.map(\.id).joined(separator: ", "))")
            }
            return (bank, test)
        }
        switch bank.tests.count {
        case 1: return (bank, bank.tests[0])
        case 0: throw UserError("bank \(bank.id) defines no practice test; add one under tests:")
        default: throw UserError("bank \(bank.id) has \(bank.tests.count) tests; name one: \(bank.tests.map { "\(bank.id)/\($0.id)" }.joined(separator: ", "))")
        }
    }

    /// The root for a session, with the bank files that have lint errors: from the content
    /// cache when no file changed since the last run, else read, linted and cached.
    func sessionRoot() throws -> (root: ContentRoot, filesWithErrors: Set<String>) {
        let url = try common.rootURL()
        let cache = ContentCache(directory: common.storeURL().deletingLastPathComponent().appendingPathComponent("cache"),
                                 toolStamp: Self.toolStamp)
        if let hit = cache.load(root: url) { return (hit.root, hit.filesWithErrors) }
        let root = ContentRoot.load(at: url)
        let report = Linter.lint(root, configuration: Configuration.load(root: url))
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.file))
        cache.save(root, filesWithErrors: errors)
        return (root, errors)
    }

    /// This build of quiz, so a new build never trusts another build's lint verdicts.
    static let toolStamp: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: exe)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(exe)\t\(size)\t\(modified)"
    }()

    /// Refuses a bank with lint errors: prints them on stderr and stops with exit 2. Warnings never block.
    func requireLintClean(_ bank: Bank, filesWithErrors: Set<String>) throws {
        guard filesWithErrors.contains(bank.file) else { return }
        let root = ContentRoot.load(at: try common.rootURL())
        let report = Linter.lint(root, configuration: Configuration.load(root: root.url), only: [bank.file])
        guard report.errors > 0 else { return }
        let errors = LintReport(findings: report.findings.filter { $0.severity == .error }, files: [bank.file])
        FileHandle.standardError.write(Data(TextReporter.render(errors).utf8))
        throw UserError("\(bank.file) has \(report.errors) lint error\(report.errors == 1 ? "" : "s"); fix them and try again")
    }

    func store() throws -> AttemptStore {
        do { return try AttemptStore(url: common.storeURL()) } catch { throw UserError(error.message) }
    }
}

extension StoreError {
    var asUserError: UserError { UserError(message) }
}

/// Runs a store call, turning a store problem into a one-line user error.
func stored<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do { return try body() } catch { throw UserError(error.message) }
}
