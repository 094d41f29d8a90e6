import Foundation

/// The formats `quiz report --format` writes, each a pure function of the stored attempt.
///
/// `render` gives one attempt; `renderAll` gives many at once (a class's
/// results) and exists only where one file can hold them: `csv` (one header,
/// a row per attempt and question) and `json` (an array of reports, keys
/// sorted). The other formats answer nil there.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv, markdown, html, junit

    /// The usual file extension, for naming files written with `-o`.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        case .junit: "xml"
        }
    }

    /// Whether `renderAll` can put several attempts in one file.
    public var rendersMany: Bool { self == .csv || self == .json }

    /// One attempt in this format; the text format is 80 columns wide.
    public func render(_ report: AttemptReport) throws -> String {
        switch self {
        case .text: TextReport.render(report, width: 80)
        case .json: try report.json()
        case .csv: CSVReport.render(report)
        case .markdown: MarkdownReport.render(report)
        case .html: HTMLReport.render(report)
        case .junit: JUnitReport.render(report)
        }
    }

    /// Several attempts in one file, in the order given; nil for a format that holds only one.
    public func renderAll(_ reports: [AttemptReport]) throws -> String? {
        switch self {
        case .csv: CSVReport.renderAll(reports)
        case .json: try AttemptReport.json(reports)
        case .text, .markdown, .html, .junit: nil
        }
    }
}

extension AttemptReport {
    /// Reports as one JSON array, each element exactly what `json()` writes for it.
    public static func json(_ reports: [AttemptReport]) throws -> String {
        try JSONDocument.pretty(reports)
    }
}
