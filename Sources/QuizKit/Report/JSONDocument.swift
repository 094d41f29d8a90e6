import Foundation

/// JSON text as every report, export and saved layout writes it: keys sorted
/// and slashes left unescaped, so the same value always gives the same bytes.
///
/// Encoding fails only on a value JSON cannot hold (a non-finite number); the
/// error is thrown to the caller rather than written as an empty document.
public enum JSONDocument {
    /// Pretty-printed, ending in a newline: what reports and `--format json` print.
    public static func pretty(_ value: some Encodable) throws -> String {
        try text(value, formatting: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) + "\n"
    }

    /// On one line, without a final newline: for values kept in a store column.
    public static func compact(_ value: some Encodable) throws -> String {
        try text(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func text(_ value: some Encodable, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
