import Foundation
import QuizKit
import ZIPFoundation

/// A bank as an IMS Content Package of QTI 2.1 files, for `quiz export --format qti`.
///
/// The zip holds `imsmanifest.xml` (IMS CP 1.1), one `items/ID.xml` per question and one
/// `tests/ID.xml` per practice test. The manifest has one resource per item and test, and
/// between them they list every other file of the zip.
public struct QTIPackage: Sendable {
    /// The files of the package by path, the manifest first.
    public let files: [(path: String, text: String)]
    /// One line per question left out, naming it and saying why (none so far: every type has a form).
    public let skipped: [String]

    /// The IMS CP 1.1 namespace.
    public static let manifestNamespace = "http://www.imsglobal.org/xsd/imscp_v1p1"

    public init(_ bank: Bank, draws: [TestDraw]) {
        var files: [(String, String)] = []
        var resources: [XMLTree] = []
        for question in bank.questions where question.isValid {
            let item = QTIItem(question)
            let path = "items/\(item.identifier).xml"
            files.append((path, item.xml))
            resources.append(.el("resource", [("identifier", "RES-\(item.identifier)"), ("type", "imsqti_item_xmlv2p1"), ("href", path)],
                [.el("file", [("href", path)])]))
        }
        for draw in draws where draw.test.isValid {
            let test = QTITest(draw, bankID: bank.id, itemFolder: "../items/")
            let path = "tests/\(test.identifier).xml"
            files.append((path, test.xml))
            resources.append(.el("resource", [("identifier", "RES-\(test.identifier)"), ("type", "imsqti_test_xmlv2p1"), ("href", path)],
                [.el("file", [("href", path)])] + test.items.map { .el("dependency", [("identifierref", "RES-\($0)")]) }))
        }
        let manifest = XMLTree.el("manifest", [
            ("xmlns", Self.manifestNamespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", Self.manifestNamespace + " http://www.imsglobal.org/xsd/imscp_v1p1.xsd"),
            ("identifier", QTIItem.identifier("MANIFEST-\(bank.id)")),
        ], [
            .el("metadata", [], [.el("schema", [], [.text("QTIv2.1 Package")]), .el("schemaversion", [], [.text("1.0.0")])]),
            .el("organizations"),
            .el("resources", [], resources),
        ])
        self.files = [("imsmanifest.xml", manifest.document)] + files
        skipped = []
    }

    /// The package as zip bytes.
    public func zip() throws -> Data {
        let archive = try ZIPFoundation.Archive(accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
