import Foundation
import QuizKit
import QuizYAML

/// Banks for the interop tests: the shipped one, a bank with every type, and banks written inline.
enum BankFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shippedFile = packageRoot.appendingPathComponent("Quizzes/websockets-sse-polling.yaml")
    static let everyTypeFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/every-type.yaml")

    static func text(of file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8)
    }

    /// The bank and the loader's findings for a bank file's text, named `demo.yaml` unless `stem` says otherwise.
    static func decode(_ yaml: String, stem: String = "demo") throws -> (bank: Bank?, findings: [Finding]) {
        BankDecoder.decode(try YAMLParser.parse(yaml), file: "Quizzes/\(stem).yaml", fileStem: stem)
    }

    /// The loader's findings of one rule for a bank file's text.
    static func findings(_ rule: RuleID, in yaml: String) throws -> [Finding] {
        try decode(yaml).findings.filter { $0.rule == rule }
    }
}

extension JSONValue {
    /// The member `key` of an object; nil for anything else.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The item at `index` of an array; nil for anything else.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var members: [String: JSONValue] {
        guard case .object(let members) = self else { return [:] }
        return members
    }

    var items: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    var strings: [String] {
        items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}
