import QuizKit

extension Linter {
    /// What keeps one bank from a session, found without running every rule: the loader's own
    /// findings for its file (syntax, questions that cannot be asked, broken test definitions, values
    /// of the wrong type…), the sections its questions name that its lessons do not have, and tests
    /// that cannot be drawn as written (`test-selection`: unknown sections in `from`, an empty pool, a
    /// pick larger than the pool), each at the level the configuration gives it, with the file's inline
    /// disables applied.
    ///
    /// `root` holds the bank and the lessons it links to (``ContentRoot/load(at:only:)``); rules that
    /// compare a bank with the rest of the course, or judge how well a question is written, are lint's.
    public static func sessionCheck(_ root: ContentRoot, file: String, configuration: Configuration) -> LintReport {
        var raw = root.findings.filter { $0.file == file }
        if root.brokenFiles.contains(file) {
            raw.removeAll { $0.rule != .yamlSyntax }
        } else {
            raw += (SectionLinkRule.check(root) + TestSelectionRule.check(root)).filter { $0.file == file }
        }
        return LintReport(findings: settle(raw, file: file, root: root, configuration: configuration), files: [file])
    }
}
