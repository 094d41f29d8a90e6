import ArgumentParser
import Foundation
import QuizKit
import QuizApp
import QuizLint

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, junit
}

/// `quiz lint [PATH…]`: validates banks and lessons, for authors and CI.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check question banks and lessons; exit 1 on errors (or on warnings with --strict).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files or folders to report on (default: the whole root). Cross-file rules always see the whole root.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif, github or junit.")
    var format: LintFormat = .text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let absolute = paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        for (path, url) in zip(paths, absolute) where !FileManager.default.fileExists(atPath: url.path) {
            throw UserError("\(path): no such file or folder")
        }
        let rootURL = try common.rootURL(near: absolute.first)
        let root = ContentRoot.load(at: rootURL)
        let configuration = Configuration.load(root: rootURL)
        let only = try selection(absolute, names: paths, root: root)
        let report = Linter.lint(root, configuration: configuration, only: only).relative(to: cwd, root: rootURL)
        // Streamed: each reporter hands its bytes on in chunks, so memory stays flat however many findings.
        var output = LintOutput { chunk in try? FileHandle.standardOutput.write(contentsOf: Data(chunk)) }
        switch format {
        case .text: TextReporter.write(report, color: Terminal.colorEnabled, to: &output)
        case .json: JSONReporter.write(report, to: &output)
        case .sarif: SARIFReporter.write(report, to: &output)
        case .github: GitHubReporter.write(report, to: &output)
        case .junit: JUnitReporter.write(report, to: &output)
        }
        if report.fails(strict: strict) { throw ExitCode(1) }
    }

    /// The root-relative files the PATHs name, or nil for the whole root.
    func selection(_ urls: [URL], names: [String], root: ContentRoot) throws -> Set<String>? {
        guard !urls.isEmpty else { return nil }
        let base = root.url.standardizedFileURL.path
        let all = root.files + [Configuration.fileName]
        var out = Set<String>()
        for (url, name) in zip(urls, names) {
            let path = url.path
            guard path == base || path.hasPrefix(base + "/") else {
                throw UserError("\(name) is outside the content root \(base); pass --root")
            }
            let relative = path == base ? "" : String(path.dropFirst(base.count + 1))
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)  // existence was checked in run()
            if isDir.boolValue {
                out.formUnion(all.filter { relative.isEmpty || $0.hasPrefix(relative + "/") })
            } else if all.contains(relative) {
                out.insert(relative)
            } else {
                throw UserError("\(name) is not a lesson (Lessons/*.md) or a bank (Quizzes/*.yaml) of \(base)")
            }
        }
        return out
    }
}
