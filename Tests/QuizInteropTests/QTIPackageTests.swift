import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuizInterop
import QuizKit
import Testing
import ZIPFoundation

/// The QTI export: a content package an LMS can import, whose items score as `quiz` does.
@Suite struct QTIPackageTests {
    /// The QTI 2.1 schema, kept with its imports in the shared corpora beside the package.
    static let schema = BankFixture.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/qti/schemes/qtiv2p1/imsqti_v2p1.xsd")
    static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private static func shipped() throws -> QTIPackage {
        let root = ContentRoot.load(at: BankFixture.packageRoot)
        let bank = try #require(root.banks.first { $0.id == "websockets-sse-polling" })
        return QTIPackage(bank, draws: bank.tests.map { TestDraw(test: $0, in: bank, root: root) })
    }

    private static func package(_ yaml: String) throws -> QTIPackage {
        let bank = try #require(try BankFixture.decode(yaml).bank)
        let root = ContentRoot(url: URL(fileURLWithPath: "/nonexistent"))
        return QTIPackage(bank, draws: bank.tests.map { TestDraw(test: $0, in: bank, root: root) })
    }

    private static func file(_ path: String, of package: QTIPackage) throws -> String {
        try #require(package.files.first { $0.path == path }).text
    }

    private static func everyType() throws -> QTIPackage {
        try package(try BankFixture.text(of: BankFixture.everyTypeFile))
    }

    @Test func everyItemAndTestOfTheShippedBankAndOfEveryTypeValidatesAgainstQTI21() throws {
        guard let xmllint = Self.xmllint else {
            print("skipped: xmllint is not installed (apt-get install libxml2-utils)")
            return
        }
        guard FileManager.default.fileExists(atPath: Self.schema.path) else {
            print("skipped: the QTI 2.1 schema is not at \(Self.schema.path)")
            return
        }
        let shipped = try Self.shipped(), everyType = try Self.everyType()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-qti-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        let files = [("shipped", shipped), ("every-type", everyType)].flatMap { name, package in
            package.files.filter { $0.path != "imsmanifest.xml" }.map { (name + "/" + $0.path, $0.text) }
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        #expect(paths.count == 55 + everyType.files.count - 1, "the shipped bank's 54 questions and one practice test")
        #expect(everyType.files.contains { $0.text.contains("<matchInteraction") }
            && everyType.files.contains { $0.text.contains("<orderInteraction") }
            && everyType.files.contains { $0.text.contains("<selection select=\"1\"/>") })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", Self.schema.path] + paths
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.split(separator: "\n").filter { !$0.hasSuffix(" validates") }.prefix(10).joined(separator: "\n"))")
    }

    @Test func theManifestListsEveryFileOfTheZipAndEveryItem() throws {
        let package = try Self.shipped()
        let archive = try Archive(data: try package.zip(), accessMode: .read)
        let entries = Set(archive.map(\.path))
        let manifestEntry = try #require(archive["imsmanifest.xml"])
        var data = Data()
        _ = try archive.extract(manifestEntry) { data.append($0) }
        let manifest = try XMLDocument(data: data)
        let listed = Set(try manifest.nodes(forXPath: "//*[local-name()='file']/@href").compactMap { $0.stringValue })
        #expect(listed == entries.subtracting(["imsmanifest.xml"]))
        let items = try manifest.nodes(forXPath: "//*[local-name()='resource'][@type='imsqti_item_xmlv2p1']")
        #expect(items.count == 54)
        let tests = try manifest.nodes(forXPath: "//*[local-name()='resource'][@type='imsqti_test_xmlv2p1']")
        #expect(tests.count == 1)
    }

    /// The IMS Content Packaging 1.1 schema, when the corpora hold it (they do not so far).
    static let contentPackagingSchema: URL? = {
        let qti = BankFixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/qti")
        let names = (FileManager.default.enumerator(atPath: qti.path)?.compactMap { $0 as? String }) ?? []
        return names.first { $0.hasSuffix("imscp_v1p1.xsd") }.map { qti.appendingPathComponent($0) }
    }()

    /// A manifest's resources: identifier, type, href, files and dependencies.
    struct Resource {
        var identifier: String
        var type: String
        var href: String
        var files: [String]
        var dependencies: [String]
    }

    static func resources(of manifest: XMLDocument) throws -> [Resource] {
        try manifest.nodes(forXPath: "//*[local-name()='resource']").map { element in
            func values(_ path: String) -> [String] {
                ((try? element.nodes(forXPath: path)) ?? []).compactMap(\.stringValue)
            }
            return Resource(identifier: values("@identifier").first ?? "", type: values("@type").first ?? "",
                            href: values("@href").first ?? "", files: values("./*[local-name()='file']/@href"),
                            dependencies: values("./*[local-name()='dependency']/@identifierref"))
        }
    }

    /// The structure IMS CP 1.1 asks of a QTI package, checked on the zip itself: identifiers unique,
    /// every file of the zip a `file` of exactly one resource, each resource's `href` one of its files,
    /// and each test's dependencies exactly the items its `assessmentItemRef`s name.
    @Test(arguments: ["shipped", "every-type"]) func theManifestIsAWholeContentPackage(_ name: String) throws {
        let package = name == "shipped" ? try Self.shipped() : try Self.everyType()
        let archive = try Archive(data: try package.zip(), accessMode: .read)
        func text(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try #require(archive[path], "\(path) is not in the zip")) { data.append($0) }
            return data
        }
        let manifest = try XMLDocument(data: try text("imsmanifest.xml"))
        let resources = try Self.resources(of: manifest)
        let identifiers = resources.map(\.identifier) + (try manifest.nodes(forXPath: "/*/@identifier")).compactMap(\.stringValue)
        #expect(Set(identifiers).count == identifiers.count, "identifiers repeat: \(identifiers)")
        #expect(!identifiers.contains(""))

        let entries = archive.map(\.path).filter { $0 != "imsmanifest.xml" }
        let listed = resources.flatMap(\.files)
        #expect(listed.sorted() == entries.sorted(), "every file of the zip is one resource's file, once")
        for resource in resources { #expect(resource.files.contains(resource.href), "\(resource.identifier)") }

        let items = resources.filter { $0.type == "imsqti_item_xmlv2p1" }
        let tests = resources.filter { $0.type == "imsqti_test_xmlv2p1" }
        #expect(items.count + tests.count == resources.count)
        let itemsByFile = Dictionary(uniqueKeysWithValues: items.map { ($0.href, $0.identifier) })
        var drawn: Set<String> = []
        for test in tests {
            let document = try XMLDocument(data: try text(test.href))
            let refs = try document.nodes(forXPath: "//*[local-name()='assessmentItemRef']/@href").compactMap(\.stringValue)
            let base = URL(fileURLWithPath: "/" + test.href).deletingLastPathComponent()
            let paths = refs.map { String(base.appendingPathComponent($0).standardized.path.dropFirst()) }
            #expect(paths.allSatisfy { itemsByFile[$0] != nil }, "\(test.identifier) names an item the package lacks")
            #expect(Set(test.dependencies) == Set(paths.compactMap { itemsByFile[$0] }), "\(test.identifier)")
            drawn.formUnion(test.dependencies)
        }
        // The shipped test draws from the whole bank, as does the every-type bank's `everything`.
        #expect(drawn == Set(items.map(\.identifier)), "items no test depends on: \(Set(items.map(\.identifier)).subtracting(drawn))")
    }

    @Test func theManifestValidatesAgainstIMSContentPackagingWhenTheSchemaIsAtHand() throws {
        guard let xmllint = Self.xmllint else {
            print("skipped: xmllint is not installed (apt-get install libxml2-utils)")
            return
        }
        guard let schema = Self.contentPackagingSchema else {
            print("skipped: the IMS CP 1.1 schema (imscp_v1p1.xsd) is not in ../shared/corpora/qti; theManifestIsAWholeContentPackage checks the manifest's structure")
            return
        }
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-manifest-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: manifest) }
        try Self.file("imsmanifest.xml", of: try Self.shipped()).write(to: manifest, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema.path, manifest.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.prefix(2000))")
    }

    @Test func aSingleChoiceItemKnowsItsAnswerAndShowsChoiceFeedback() throws {
        let package = try Self.package("""
            quiz: demo
            title: Demo
            questions:
              - id: port
                section: s
                prompt: "Which port does **wss** use? <script>"
                choices:
                  - "80"
                  - text: "443"
                  - text: "8080"
                    feedback: "That is a common *proxy* port."
                answer: b
                explanation: TLS on the standard HTTPS port.
            """)
        let xml = try Self.file("items/port.xml", of: package)
        #expect(xml.contains("<choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"true\" maxChoices=\"1\">"))
        #expect(xml.contains("<correctResponse>\n      <value>B</value>"))
        #expect(xml.contains("<strong>wss</strong>"))
        #expect(xml.contains("&lt;script&gt;"))
        #expect(xml.contains("identifier=\"C\" showHide=\"show\"><p>That is a common <em>proxy</em> port.</p>"))
        #expect(xml.contains("identifier=\"EXPLANATION\" showHide=\"show\"><p>TLS on the standard HTTPS port.</p>"))
    }

    @Test func partialCreditOnAMultipleQuestionIsAMapping() throws {
        let package = try Self.package("""
            quiz: demo
            title: Demo
            questions:
              - id: push
                section: s
                type: multiple
                scoring: partial
                points: 2
                prompt: Which push to the client?
                choices: [SSE, WebSockets, Polling]
                answer: [a, b]
            """)
        let xml = try Self.file("items/push.xml", of: package)
        #expect(xml.contains("<mapping lowerBound=\"0\" upperBound=\"2\" defaultValue=\"0\">"))
        #expect(xml.contains("<mapEntry mapKey=\"A\" mappedValue=\"1\"/>"))
        #expect(xml.contains("<mapEntry mapKey=\"C\" mappedValue=\"-1\"/>"))
        #expect(xml.contains("<mapResponse identifier=\"RESPONSE\"/>"))
    }

    @Test func shortAndNumericAnswersAreTextEntriesScoredByMatchAndTolerance() throws {
        let package = try Self.package("""
            quiz: demo
            title: Demo
            questions:
              - id: header
                section: s
                type: short
                prompt: Which header resumes a stream?
                answer: [Last-Event-ID, "/last[- ]event[- ]id/"]
              - id: port
                section: s
                type: numeric
                prompt: Which port?
                answer: 443
                tolerance: 10%
            """)
        let short = try Self.file("items/header.xml", of: package)
        #expect(short.contains("<stringMatch caseSensitive=\"false\">"))
        #expect(short.contains("<patternMatch pattern=\"last[- ]event[- ]id\">"))
        let numeric = try Self.file("items/port.xml", of: package)
        #expect(numeric.contains("<equal toleranceMode=\"absolute\" tolerance=\"44.3 44.3\">"))
        #expect(numeric.contains("<textEntryInteraction responseIdentifier=\"RESPONSE\"/>"))
    }

    @Test func aTestSaysItsTimeLimitSelectionAndPassMark() throws {
        let package = try Self.shipped()
        let xml = try Self.file("tests/websockets-sse-polling-test-practice.xml", of: package)
        #expect(xml.contains("<timeLimits maxTime=\"420\"/>"))
        #expect(xml.contains("<selection select=\"3\"/>"))
        #expect(xml.contains("<baseValue baseType=\"float\">0.7</baseValue>"))
    }
}
