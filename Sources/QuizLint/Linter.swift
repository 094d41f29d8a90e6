import Foundation
import QuizKit
import QuizYAML

/// Runs every rule over a loaded content root and applies the configuration and inline disables.
public enum Linter {
    /// Lints a root. With `only`, reports on those root-relative files alone, though cross-file
    /// rules still look at the whole root.
    public static func lint(_ root: ContentRoot, configuration: Configuration, only: Set<String>? = nil) -> LintReport {
        var raw = root.findings + configuration.findings
        // The rules are independent of each other: run them on every core.
        let rules = RuleCatalog.all
        nonisolated(unsafe) var results = [[Finding]](repeating: [], count: rules.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: rules.count) { i in
                out[i] = rules[i].check(root, settings: configuration.settings(for: rules[i].description.id))
            }
        }
        for found in results { raw += found }
        // A file with a yaml-syntax finding gets no other finding.
        raw.removeAll { root.brokenFiles.contains($0.file) && $0.rule != .yamlSyntax }

        var byFile: [String: [Finding]] = [:]
        for f in raw { byFile[f.file, default: []].append(f) }
        var kept: [Finding] = []
        for (file, findings) in byFile {
            if let only, !only.contains(file) { continue }
            kept += settle(findings, file: file, root: root, configuration: configuration)
        }
        var files = root.files
        if FileManager.default.fileExists(atPath: root.url.appendingPathComponent(Configuration.fileName).path) {
            files.append(Configuration.fileName)
        }
        if let only { files = files.filter(only.contains) }
        return LintReport(findings: kept, files: files.sorted())
    }

    /// One file's findings as reported: each at the level the configuration gives its rule (dropped
    /// when the rule is off), those an inline directive silences dropped, and the directives' own findings added.
    static func settle(_ findings: [Finding], file: String, root: ContentRoot, configuration: Configuration) -> [Finding] {
        let disables = inlineDisables(file: file, root: root)
        var kept: [Finding] = []
        for var finding in findings + disables.findings {
            guard let severity = configuration.severity(of: finding.rule) else { continue }
            if finding.rule != .yamlSyntax && disables.silences(finding) { continue }
            finding.severity = severity
            kept.append(finding)
        }
        return kept
    }

    static func inlineDisables(file: String, root: ContentRoot) -> InlineDisables {
        // Most files have no directive, and the loader noted which while it had their bytes;
        // any other file is read again and its bytes looked through before decoding the whole file
        // (String.contains goes through NSString here and costs more than parsing the file).
        guard file != Configuration.fileName, !root.brokenFiles.contains(file), !root.directiveFreeFiles.contains(file),
              let bytes = try? YAMLParser.readFile(root.url.appendingPathComponent(file)),
              ContentRoot.mentionsDirective(bytes) else {
            return InlineDisables(text: "", file: file) { _ in nil }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var ends: [Int: Int] = [:]
        if let bank = root.banks.first(where: { $0.file == file }) {
            let places = bank.questions.map(\.place) + bank.tests.map(\.place)
            let starts = places.map(\.start.line).sorted()
            for p in places {
                // The first start past this one, by binary search: a scan per item is quadratic in a big bank.
                var low = 0, high = starts.count
                while low < high {
                    let mid = (low + high) / 2
                    if starts[mid] > p.start.line { high = mid } else { low = mid + 1 }
                }
                let nextStart = low < starts.count ? starts[low] : Int.max
                ends[p.start.line] = min(p.end.line, nextStart - 1)
            }
        }
        return InlineDisables(text: text, file: file) { ends[$0] }
    }
}
