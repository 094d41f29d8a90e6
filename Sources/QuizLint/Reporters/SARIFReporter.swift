import QuizKit

/// The lint format for code-scanning tools: a SARIF 2.1.0 log with one run of the tool `quiz`.
///
/// `tool.driver.rules` lists every rule in `RuleID.allCases` order, used or not, so a
/// result's `ruleIndex` is the same in every log. Artifact URIs are the report's relative paths,
/// percent-encoded, against the base `%SRCROOT%`, which `originalUriBaseIds` defines as the
/// report's `base` (the folder lint ran from) when it is known; columns count Unicode code points.
///
/// The JSON is laid out as `JSONDocument.pretty` lays it out (keys sorted, two-space indent),
/// written result by result into a `LintOutput` rather than encoded as one tree.
public enum SARIFReporter: Reporter {
    public static let name = "sarif"

    public static func render(_ report: LintReport) -> String {
        var output = LintOutput()
        write(report, to: &output)
        return output.text
    }

    /// The name of the base that relative artifact locations are resolved against.
    static let sourceRoot = "%SRCROOT%"

    /// Writes the log into `output`, handing it on after each result; ends with `finish`.
    public static func write(_ report: LintReport, to output: inout LintOutput) {
        output.write("""
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",

            """)
        if let base = report.base {
            let uri = base.absoluteString.hasSuffix("/") ? base.absoluteString : base.absoluteString + "/"
            output.write("      \"originalUriBaseIds\" : {\n        ")
            output.writeJSONString(sourceRoot)
            output.write(" : {\n          \"uri\" : ")
            output.writeJSONString(uri)
            output.write("\n        }\n      },\n")
        }
        output.write("      \"results\" : [\n")
        if report.findings.isEmpty {
            output.write("\n")
        }
        let based = report.base != nil
        let ruleIndex = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        for (index, finding) in report.findings.enumerated() {
            output.write(index == 0 ? "        {\n" : ",\n        {\n")
            result(finding, based: based, ruleIndex: ruleIndex[finding.rule] ?? 0, to: &output)
            output.write("        }")
            output.flushIfFull()
        }
        output.write(report.findings.isEmpty ? "      ],\n" : "\n      ],\n")
        output.write("""
                  "tool" : {
                    "driver" : {
                      "name" : "quiz",
                      "rules" : [

            """)
        for (index, rule) in RuleID.allCases.enumerated() {
            output.write(index == 0 ? "            {\n" : ",\n            {\n")
            output.write("              \"defaultConfiguration\" : {\n                \"level\" : ")
            output.writeJSONString(level(rule.defaultSeverity))
            output.write("\n              },\n              \"id\" : ")
            output.writeJSONString(rule.rawValue)
            output.write(",\n              \"name\" : ")
            output.writeJSONString(rule.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            output.write(",\n              \"shortDescription\" : {\n                \"text\" : ")
            output.writeJSONString(summary(rule))
            output.write("\n              }\n            }")
        }
        output.write("\n")
        output.write("""
                      ]
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """)
        output.finish()
    }

    /// One entry of `results`, between its braces.
    private static func result(_ finding: Finding, based: Bool, ruleIndex: Int, to output: inout LintOutput) {
        output.write("          \"level\" : ")
        output.writeJSONString(level(finding.severity))
        output.write("""
            ,
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "
            """)
        if finding.file.hasPrefix("/") {
            output.write("file://")
            uri(finding.file, to: &output)
            output.write("\"\n")
        } else {
            uri(finding.file, to: &output)
            if based {
                output.write("\",\n                  \"uriBaseId\" : ")
                output.writeJSONString(sourceRoot)
                output.write("\n")
            } else {
                output.write("\"\n")
            }
        }
        output.write("                },\n                \"region\" : {\n                  \"startColumn\" : ")
        output.write(finding.column)
        output.write(",\n                  \"startLine\" : ")
        output.write(finding.line)
        output.write("\n                }\n              }\n            }\n          ],\n          \"message\" : {\n            \"text\" : ")
        output.writeJSONString(finding.message)
        output.write("\n          },\n          \"ruleId\" : ")
        output.writeJSONString(finding.rule.rawValue)
        output.write(",\n          \"ruleIndex\" : ")
        output.write(ruleIndex)
        output.write("\n")
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        }
    }

    /// A relative path as a URI reference: every byte but unreserved characters and `/` percent-encoded.
    /// Nothing it writes needs escaping in a JSON string.
    private static func uri(_ path: String, to output: inout LintOutput) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.write(byte: byte)
            default:
                output.write(byte: UInt8(ascii: "%"))
                output.write(byte: hex[Int(byte >> 4)])
                output.write(byte: hex[Int(byte & 0xF)])
            }
        }
    }

    /// What each rule finds, in one sentence: the summary each rule declares beside its examples.
    private static func summary(_ rule: RuleID) -> String {
        RuleCatalog.rule(rule)?.description.summary ?? rule.rawValue
    }
}
