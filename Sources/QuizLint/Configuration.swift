import Foundation
import QuizKit
import QuizYAML

/// A root's lint configuration, read from `.quizlint.yaml`: a severity or `off` per rule,
/// and the thresholds of rules that have options.
///
/// A rule's value is a level (`rule: off`) or a mapping of `level` and the rule's
/// options (`rule: {level: error, ratio: 1.5}`). Problems in the file itself (an
/// unknown rule or option, a bad level or value) are findings on `.quizlint.yaml`,
/// so a typo never silently disables nothing.
public struct Configuration: Sendable {
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, off
    }

    public static let fileName = ".quizlint.yaml"

    public var levels: [RuleID: Level] = [:]
    public var options: [RuleID: RuleSettings] = [:]
    public var findings: [Finding] = []

    public init(levels: [RuleID: Level] = [:], options: [RuleID: RuleSettings] = [:]) {
        self.levels = levels
        self.options = options
    }

    /// The options a rule runs with: those set here, the rest at their defaults.
    public func settings(for rule: RuleID) -> RuleSettings {
        options[rule] ?? RuleSettings()
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
                report(.invalidValue, pair.value.start, "rules must be a mapping of rule ids to error, warning or off, or to a mapping of level and the rule's options")
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
                if config.levels[id] != nil || config.options[id] != nil {
                    report(.duplicateKey, rule.key.start, "rule \(name) is set twice; keep one")
                }
                if let settings = rule.value.mapping {
                    let (level, options) = readOptions(settings, of: id, report: report)
                    config.levels[id] = level
                    config.options[id] = options
                    continue
                }
                guard let level = rule.value.scalar.flatMap({ Level(rawValue: $0.value) }) else {
                    report(.invalidValue, rule.value.start, "level of \(name) must be error, warning or off, not \(NodeText.quoted(rule.value))")
                    continue
                }
                config.levels[id] = level
            }
        }
        return config
    }

    /// Reads `rule: {level: …, option: value, …}`, checking each option against the rule's description.
    private static func readOptions(_ pairs: [Pair], of id: RuleID,
                                    report: (RuleID, Mark, String) -> Void) -> (Level?, RuleSettings) {
        let declared = RuleCatalog.rule(id)?.description.options ?? []
        let names = ["level"] + declared.map(\.name)
        var settings = RuleSettings()
        var level: Level?
        for pair in pairs {
            let key = pair.key.scalar?.value ?? ""
            if key == "level" {
                guard let value = pair.value.scalar.flatMap({ Level(rawValue: $0.value) }) else {
                    report(.invalidValue, pair.value.start, "level of \(id.rawValue) must be error, warning or off, not \(NodeText.quoted(pair.value))")
                    continue
                }
                level = value
                continue
            }
            guard let option = declared.first(where: { $0.name == key }) else {
                var message = "rule \(id.rawValue) has no option \(NodeText.quoted(pair.key)); its keys are \(names.joined(separator: ", "))"
                if let guess = Spelling.suggestion(for: key, among: names) { message += "; did you mean \"\(guess)\"?" }
                report(.unknownKey, pair.key.start, message)
                continue
            }
            if settings.values[key] != nil {
                report(.duplicateKey, pair.key.start, "option \(key) of \(id.rawValue) is set twice; keep one")
            }
            switch option.defaultValue {
            case .number:
                let range = option.range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
                guard let number = pair.value.scalar.flatMap({ Double($0.value) }), number.isFinite, range.contains(number) else {
                    report(.invalidValue, pair.value.start,
                           "\(key) of \(id.rawValue) must be a number from \(Figures.number(range.lowerBound)) to \(Figures.number(range.upperBound)), not \(NodeText.quoted(pair.value))")
                    continue
                }
                settings.values[key] = .number(number)
            case .words:
                let items = pair.value.sequence ?? []
                let words = items.compactMap { $0.scalar?.value.trimmingCharacters(in: .whitespaces) }
                guard pair.value.sequence != nil, words.count == items.count,
                      words.allSatisfy({ !$0.isEmpty && !$0.contains(where: { $0.isWhitespace }) }) else {
                    report(.invalidValue, pair.value.start,
                           "\(key) of \(id.rawValue) must be a list of single words, like [always, never], not \(NodeText.quoted(pair.value))")
                    continue
                }
                settings.values[key] = .words(words)
            }
        }
        return (level, settings)
    }
}

enum NodeText {
    static func quoted(_ node: Node) -> String {
        guard let s = node.scalar else { return node.kindDescription }
        return "\"\(s.value)\""
    }
}
