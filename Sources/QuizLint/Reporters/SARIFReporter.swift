import QuizKit

/// The lint format for code-scanning tools: a SARIF 2.1.0 log with one run of the tool `quiz`.
///
/// `tool.driver.rules` lists every rule in `RuleID.allCases` order, used or not, so a
/// result's `ruleIndex` is the same in every log. Artifact URIs are the report's relative paths,
/// percent-encoded, against the base `%SRCROOT%`, which `originalUriBaseIds` defines as the
/// report's `base` (the folder lint ran from) when it is known; columns count Unicode code points.
public enum SARIFReporter: Reporter {
    public static let name = "sarif"

    public static func render(_ report: LintReport) -> String {
        JSONReporter.encoded(Log(report))
    }

    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        init(_ report: LintReport) {
            runs = [Run(report)]
        }

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    private struct Run: Encodable {
        var columnKind = "unicodeCodePoints"
        var originalUriBaseIds: [String: ArtifactLocation]?
        var results: [Result]
        var tool = Tool()

        init(_ report: LintReport) {
            let base = report.base
            results = report.findings.map { Result($0, based: base != nil) }
            if let base {
                let uri = base.absoluteString.hasSuffix("/") ? base.absoluteString : base.absoluteString + "/"
                originalUriBaseIds = [SARIFReporter.sourceRoot: ArtifactLocation(uri: uri, uriBaseId: nil)]
            }
        }
    }

    /// The name of the base that relative artifact locations are resolved against.
    static let sourceRoot = "%SRCROOT%"

    private struct Tool: Encodable {
        var driver = ToolComponent()
    }

    private struct ToolComponent: Encodable {
        var name = "quiz"
        var rules = RuleID.allCases.map(ReportingDescriptor.init)
    }

    private struct ReportingDescriptor: Encodable {
        var defaultConfiguration: ReportingConfiguration
        var id: String
        var name: String
        var shortDescription: Message

        init(_ rule: RuleID) {
            defaultConfiguration = ReportingConfiguration(level: level(rule.defaultSeverity))
            id = rule.rawValue
            name = rule.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            shortDescription = Message(text: summary(rule))
        }
    }

    private struct ReportingConfiguration: Encodable {
        var level: String
    }

    private struct Message: Encodable {
        var text: String
    }

    private struct Result: Encodable {
        var level: String
        var locations: [Location]
        var message: Message
        var ruleId: String
        var ruleIndex: Int

        init(_ finding: Finding, based: Bool) {
            level = SARIFReporter.level(finding.severity)
            locations = [Location(finding, based: based)]
            message = Message(text: finding.message)
            ruleId = finding.rule.rawValue
            ruleIndex = RuleID.allCases.firstIndex(of: finding.rule) ?? 0
        }
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation

        init(_ finding: Finding, based: Bool) {
            let relative = !finding.file.hasPrefix("/")
            physicalLocation = PhysicalLocation(
                artifactLocation: relative
                    ? ArtifactLocation(uri: uri(finding.file), uriBaseId: based ? SARIFReporter.sourceRoot : nil)
                    : ArtifactLocation(uri: "file://" + uri(finding.file), uriBaseId: nil),
                region: Region(startColumn: finding.column, startLine: finding.line)
            )
        }
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    private struct Region: Encodable {
        var startColumn: Int
        var startLine: Int
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        }
    }

    /// A relative path as a URI reference: every byte but unreserved characters and `/` percent-encoded.
    private static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 0x10 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return result
    }

    /// What each rule finds, in one sentence: the summary each rule declares beside its examples.
    private static func summary(_ rule: RuleID) -> String {
        RuleCatalog.rule(rule)?.description.summary ?? rule.rawValue
    }
}
