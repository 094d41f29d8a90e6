import Foundation
import QuizKit
import QuizYAML

/// A root's lint configuration, read from `.quizlint.yaml`: a severity or `off` per rule.
///
/// Problems in the file itself (an unknown rule name, a bad level) are
/// findings on `.quizlint.yaml`, so a typo never silently disables nothing.
public struct Configuration: Sendable {
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, off
    }

    public static let fileName = ".quizlint.yaml"

    public var levels: [RuleID: Level] = [:]
    public var findings: [Finding] = []

    public init(levels: [RuleID: Level] = [:]) {
        self.levels = levels
    }

    /// The severity a rule's findings get, or nil when the rule is off.
    public func severity(of rule: RuleID) -> Severity? {
        switch levels[rule] {
        case nil: rule.defaultSeverity
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }

    /// Reads `.quizlint.yaml` at the root; no file means the defaults.
    public static func load(root: URL) -> Configuration {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Configuration() }
        do {
            return parse(try YAMLParser.readFile(url))
        } catch {
            var config = Configuration()
            config.findings.append(Finding(file: fileName, line: 1, column: 1, rule: .yamlSyntax, message: error.message))
            return config
        }
    }

    public static func parse(_ bytes: [UInt8]) -> Configuration {
        var config = Configuration()
        func report(_ rule: RuleID, _ mark: Mark, _ message: String) {
            config.findings.append(Finding(file: fileName, line: mark.line, column: mark.column, rule: rule, message: message))
        }
        let root: Node?
        do { root = try YAMLParser.parse(bytes) } catch {
            report(.yamlSyntax, error.mark, error.message)
            return config
        }
        guard let root else { return config }
        guard let pairs = root.mapping else {
            report(.invalidValue, root.start, "\(fileName) must be a mapping with a rules: key")
            return config
        }
        for pair in pairs {
            guard pair.key.scalar?.value == "rules" else {
                report(.unknownKey, pair.key.start, "unknown key \(NodeText.quoted(pair.key)) in \(fileName); the only key is rules")
                continue
            }
            guard let rules = pair.value.mapping else {
                report(.invalidValue, pair.value.start, "rules must be a mapping of rule ids to error, warning or off")
                continue
            }
            let names = RuleID.allCases.map(\.rawValue)
            for rule in rules {
                let name = rule.key.scalar?.value ?? ""
                guard let id = RuleID(rawValue: name) else {
                    var message = "unknown rule \(NodeText.quoted(rule.key))"
                    if let guess = Spelling.suggestion(for: name, among: names) { message += "; did you mean \"\(guess)\"?" }
                    report(.invalidValue, rule.key.start, message)
                    continue
                }
                guard let level = rule.value.scalar.flatMap({ Level(rawValue: $0.value) }) else {
                    report(.invalidValue, rule.value.start, "level of \(name) must be error, warning or off, not \(NodeText.quoted(rule.value))")
                    continue
                }
                if config.levels[id] != nil {
                    report(.duplicateKey, rule.key.start, "rule \(name) is set twice; keep one")
                }
                config.levels[id] = level
            }
        }
        return config
    }
}

enum NodeText {
    static func quoted(_ node: Node) -> String {
        guard let s = node.scalar else { return node.kindDescription }
        return "\"\(s.value)\""
    }
}
