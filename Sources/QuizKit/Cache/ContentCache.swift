import Foundation

/// Keeps a root's decoded banks, and which bank files lint clean, between runs.
///
/// Starting a test on an unchanged bank then reads a compact binary file instead
/// of parsing and linting the YAML again. The cache is keyed on every content
/// file's path, size and modification time, the lint settings and the tool
/// itself (`toolStamp`), so any change makes it miss; a damaged or foreign cache
/// file is simply a miss. Lint never reads it.
public struct ContentCache: Sendable {
    static let format = "quiz-content-cache/2"

    public let directory: URL
    public let toolStamp: String

    public init(directory: URL, toolStamp: String) {
        self.directory = directory
        self.toolStamp = toolStamp
    }

    /// What a hit gives: the root (lessons read fresh, banks from the cache) and the bank files with lint errors.
    public struct Entry: Sendable {
        public var root: ContentRoot
        public var filesWithErrors: Set<String>
    }

    public func load(root url: URL) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file(for: url).path) else { return nil }
        var r = ArchiveReader([UInt8](data))
        do throws(ArchiveReader.Damaged) {
            guard try r.string() == Self.format, try r.string() == key(for: url) else { return nil }
            let errors = Set(try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() })
            let banks = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try BankArchive.readBank(&r) }
            var root = ContentRoot.load(at: url, banks: false)
            root.banks = banks
            return Entry(root: root, filesWithErrors: errors)
        } catch {
            return nil
        }
    }

    /// Saves a freshly loaded root with the bank files that have lint errors. Failing to write is not an error.
    public func save(_ root: ContentRoot, filesWithErrors: Set<String>) {
        var w = ArchiveWriter()
        w.string(Self.format)
        w.string(key(for: root.url))
        w.array(filesWithErrors.sorted()) { $0.string($1) }
        w.array(root.banks.filter { !root.brokenFiles.contains($0.file) }) { w, bank in BankArchive.write(bank, to: &w) }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data(w.bytes).write(to: file(for: root.url), options: .atomic)
    }

    /// Every input the cached facts depend on, as one line per file.
    func key(for url: URL) -> String {
        var lines = [toolStamp]
        for file in ContentRoot.contentFiles(at: url) + [".quizlint.yaml"] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(file).path) else {
                continue
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            lines.append("\(file)\t\(size)\t\(modified)")
        }
        return lines.joined(separator: "\n")
    }

    /// One cache file per root, named by a hash of the root's path.
    func file(for url: URL) -> URL {
        directory.appendingPathComponent(Self.name(url.standardizedFileURL.path) + ".cache")
    }

    /// A short name for a cache file made from `key` (FNV-1a in hexadecimal).
    static func name(_ key: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
