import Foundation

/// Keeps one bank, decoded and found usable, between runs, so that starting a test on an
/// unchanged bank reads its test's pool and the drawn questions instead of the bank's YAML.
///
/// One file per bank file of a root. It opens with a small head: the stamps (size, modification
/// time, inode) of every file the bank's verdict depends on — the bank, the lessons it links to
/// (also those that did not exist), `.quizlint.yaml` — and the tool's own stamp; then the bank's
/// title, lesson and tests, its lessons as read, and for each test the sections its pool falls into.
/// Then come each test's pool (the position and section number of every question a draw may take,
/// as a draw from the whole bank finds them), a record place per question, the records, and the
/// question ids (read only to resume an attempt). Each part is read in place, and only when needed:
/// starting a test on a bank of 100,000 questions reads the head, that test's pool and the drawn records.
/// A changed stamp, or a damaged or foreign file, is a miss.
public struct BankCache: Sendable {
    static let format = "quiz-bank-cache/2"

    public let directory: URL
    public let toolStamp: String

    public init(directory: URL, toolStamp: String) {
        self.directory = directory
        self.toolStamp = toolStamp
    }

    /// Saves `bank`, read from `root` with `lessons`, the lessons it links to, as usable. `inputs` are
    /// the root-relative files its verdict depends on besides the bank file: its lesson files (also
    /// those that do not exist) and the lint configuration. Failing to write is not an error: the
    /// next run reads the files again.
    public func save(_ bank: Bank, lessons: [Lesson], root: URL, inputs: [String]) {
        var records = ArchiveWriter()
        var places: [UInt8] = []  // a record's offset and length per question
        places.reserveCapacity(bank.questions.count * 8)
        func u32(_ v: Int, _ out: inout [UInt8]) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out.append(contentsOf: $0) }
        }
        for q in bank.questions {
            let start = records.bytes.count
            BankArchive.write(q, to: &records)
            u32(start, &places)
            u32(records.bytes.count - start, &places)
        }
        var ids = ArchiveWriter()
        ids.array(bank.questions) { $0.string($1.id) }
        // Offsets are kept in 32 bits: a bank too large for that is simply not cached.
        guard records.bytes.count < Int(UInt32.max) else { return }

        // Each test's pool, found by the same code as a draw from the whole bank, with the lessons kept here.
        var content = ContentRoot(url: root)
        content.lessons = lessons
        content.banks = [bank]
        let draws = bank.tests.map { TestDraw(test: $0, in: bank, root: content) }
        var pools: [UInt8] = []
        for draw in draws {
            for (position, group) in zip(draw.poolIndices, draw.poolGroups) {
                u32(position, &pools)
                u32(group, &pools)
            }
        }

        var head = ArchiveWriter()
        head.string(Self.format)
        head.string(toolStamp)
        head.array([bank.file] + inputs) { w, file in
            w.string(file)
            w.string(Self.stamp(root.appendingPathComponent(file)))
        }
        head.string(bank.id)
        head.string(bank.title)
        head.string(bank.lesson)
        head.array(bank.tests) { w, t in BankArchive.write(t, to: &w) }
        head.array(inputs) { $0.string($1) }
        head.array(lessons) { w, lesson in BankArchive.write(lesson, to: &w) }
        head.array(draws) { w, draw in
            w.array(draw.sectionsByNumber) { w, key in
                w.optional(key) { w, key in
                    w.string(key.lesson)
                    w.string(key.section)
                }
            }
            w.int(draw.poolIndices.count)
        }
        head.int(bank.questions.count)
        head.int(pools.count)
        head.int(records.bytes.count)
        head.int(ids.bytes.count)

        var size = ArchiveWriter()
        size.int(head.bytes.count)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        // Written part by part rather than joined first: joining a large bank's parts, then copying
        // them into a `Data`, faulted in twice the file's size while the learner's first question was drawn.
        Self.writeAtomically([size.bytes, head.bytes, pools, places, records.bytes, ids.bytes],
                             to: file(for: bank.file, root: root))
    }

    /// Writes `parts` one after another to a new file beside `url`, then renames it over `url`,
    /// so a reader finds the old file or the whole new one. Failing is not an error (see `save`).
    static func writeAtomically(_ parts: [[UInt8]], to url: URL) {
        let temporary = url.path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        #if canImport(Glibc)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        #else
        let fd = Darwin.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        #endif
        guard fd >= 0 else { return }
        var written = true
        for part in parts where written {
            part.withUnsafeBytes { buffer in
                var done = 0
                while done < buffer.count {
                    let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else {
                        written = false
                        return
                    }
                    done += n
                }
            }
        }
        if close(fd) != 0 { written = false }
        if !written || rename(temporary, url.path) != 0 {
            unlink(temporary)
        }
    }

    /// The cached bank of `bankFile`, when the tool and every file its verdict depends on are as they
    /// were when it was saved; nil on any change, or when nothing (or something damaged) is cached.
    public func open(_ bankFile: String, root: URL) -> CachedBank? {
        guard let handle = FileHandle(forReadingAtPath: file(for: bankFile, root: root).path) else { return nil }
        do throws(ArchiveReader.Damaged) {
            var size = ArchiveReader(try Self.read(handle, at: 0, count: 8))
            let headCount = try size.int()
            var r = ArchiveReader(try Self.read(handle, at: 8, count: headCount))
            guard try r.string() == Self.format, try r.string() == toolStamp else { return nil }
            let stamps = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in (try r.string(), try r.string()) }
            guard stamps.first?.0 == bankFile,
                  stamps.allSatisfy({ Self.stamp(root.appendingPathComponent($0.0)) == $0.1 }) else { return nil }
            var bank = Bank(id: try r.string(), title: try r.string(), lesson: try r.string(), file: bankFile)
            bank.tests = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try BankArchive.readTest(&r) }
            let inputs = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
            let lessons = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try BankArchive.readLesson(&r) }
            let pools = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
                let sections = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
                    try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
                        SectionKey(lesson: try r.string(), section: try r.string())
                    }
                }
                return (sections: sections, count: try r.int())
            }
            let count = try r.int(), poolBytes = try r.int(), recordBytes = try r.int(), idBytes = try r.int()
            guard pools.count == bank.tests.count, count >= 0, r.offset == headCount,
                  pools.allSatisfy({ $0.count >= 0 && $0.count <= count }),
                  poolBytes == pools.reduce(0, { $0 + $1.count }) * 8, recordBytes >= 0, idBytes >= 0 else {
                throw ArchiveReader.Damaged()
            }
            let poolsStart = 8 + headCount
            var layout = CachedBank.Layout(pools: [], places: poolsStart + poolBytes, records: poolsStart + poolBytes + count * 8,
                                           recordBytes: recordBytes, idBytes: idBytes)
            var next = poolsStart
            for pool in pools {
                layout.pools.append((next, pool.count, pool.sections))
                next += pool.count * 8
            }
            return CachedBank(bank: bank, inputs: inputs, lessons: lessons, count: count, handle: handle, layout: layout)
        } catch {
            return nil
        }
    }

    /// A file's size and modification time (to the nanosecond), or `absent`.
    public static func stamp(_ url: URL) -> String {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return "absent" }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(info.st_size)\t\(modified.tv_sec).\(modified.tv_nsec)\t\(info.st_ino)"
    }

    /// `count` bytes at `offset`, read in place with `pread` (FileHandle reads a large span 4 KB a call).
    static func read(_ handle: FileHandle, at offset: Int, count: Int) throws(ArchiveReader.Damaged) -> [UInt8] {
        guard offset >= 0, count >= 0 else { throw ArchiveReader.Damaged() }
        let fd = handle.fileDescriptor
        var whole = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            whole = done == count
            initialized = done
        }
        guard whole else { throw ArchiveReader.Damaged() }
        return bytes
    }

    /// One cache file per bank file of a root, named by a hash of the two.
    func file(for bankFile: String, root: URL) -> URL {
        directory.appendingPathComponent(ContentCache.name(root.standardizedFileURL.path + "\n" + bankFile) + ".bank")
    }
}

/// A bank's cache file, open: its head read, and each test's pool and the questions themselves
/// read as a draw needs them.
public final class CachedBank: @unchecked Sendable {
    /// Where each part of the file is.
    struct Layout {
        /// Each test's pool, in the bank's test order: where it starts, how many questions it holds,
        /// and the sections they fall into (by number).
        var pools: [(start: Int, count: Int, sections: [SectionKey?])]
        /// A record's offset (from `records`) and length per question, 32 bits each.
        var places: Int
        var records: Int
        var recordBytes: Int
        /// The ids follow the records.
        var idBytes: Int
    }

    /// The bank's id, title, lesson, file and tests; its questions are not read.
    public let bank: Bank
    /// The files its verdict was found with besides the bank: its lessons (some perhaps absent) and `.quizlint.yaml`.
    public let inputs: [String]
    /// The lessons it links to, as they were read (those that exist).
    public let lessons: [Lesson]
    /// How many questions the bank holds.
    public let count: Int
    let layout: Layout
    private let handle: FileHandle
    private let lock = NSLock()

    init(bank: Bank, inputs: [String], lessons: [Lesson], count: Int, handle: FileHandle, layout: Layout) {
        self.bank = bank
        self.inputs = inputs
        self.lessons = lessons
        self.count = count
        self.handle = handle
        self.layout = layout
    }

    deinit {
        try? handle.close()
    }

    /// The pool of `test` (one of the bank's tests), exactly as a draw from the whole bank finds it
    /// with the lessons kept here; nil when the file proves damaged.
    public func draw(_ test: PracticeTest) -> TestDraw? {
        guard let n = bank.tests.firstIndex(where: { $0.id == test.id }) else { return nil }
        let pool = layout.pools[n]
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = try? BankCache.read(handle, at: pool.start, count: pool.count * 8) else { return nil }
        let count = UInt32(count), sections = UInt32(pool.sections.count)
        // Every position in the bank and past the one before (a pool out of bank order would replay
        // differently), every section number among the pool's: else the file is damaged.
        var whole = true
        var groups: [Int] = []
        let positions = bytes.withUnsafeBytes { raw in
            [Int](unsafeUninitializedCapacity: pool.count) { positions, filled in
                groups = [Int](unsafeUninitializedCapacity: pool.count) { groups, groupsFilled in
                    var previous = -1
                    for i in 0..<pool.count {
                        let position = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt32.self))
                        let group = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i + 4, as: UInt32.self))
                        whole = whole && position < count && group < sections && Int(position) > previous
                        previous = Int(position)
                        positions[i] = Int(position)
                        groups[i] = Int(group)
                    }
                    groupsFilled = pool.count
                }
                filled = pool.count
            }
        }
        guard whole else { return nil }
        return TestDraw(test: test, in: bank, poolIndices: positions, poolGroups: groups, sectionsByNumber: pool.sections)
    }

    /// Where the record of the question at `position` is, from the start of the records.
    func record(_ position: Int) -> (offset: Int, length: Int)? {
        guard position >= 0, position < count,
              let bytes = try? BankCache.read(handle, at: layout.places + 8 * position, count: 8) else { return nil }
        let (offset, length) = bytes.withUnsafeBytes { raw in
            (Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))),
             Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))))
        }
        guard offset + length <= layout.recordBytes else { return nil }
        return (offset, length)
    }

    /// The questions at `positions`, read from their records; nil when the file proves damaged.
    public func questions(at positions: [Int]) -> [Question]? {
        lock.lock()
        defer { lock.unlock() }
        var out: [Question] = []
        for position in positions {
            guard let (offset, length) = record(position) else { return nil }
            do throws(ArchiveReader.Damaged) {
                var r = ArchiveReader(try BankCache.read(handle, at: layout.records + offset, count: length))
                out.append(try BankArchive.readQuestion(&r))
            } catch {
                return nil
            }
        }
        return out
    }

    /// The positions of the questions with these ids (those the bank still has), for an attempt read back;
    /// nil when the file proves damaged.
    public func positions(of ids: [String]) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        do throws(ArchiveReader.Damaged) {
            var r = ArchiveReader(try BankCache.read(handle, at: layout.records + layout.recordBytes, count: layout.idBytes))
            let all = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
            guard all.count == count else { return nil }
            let wanted = Set(ids)
            return all.indices.filter { wanted.contains(all[$0]) }
        } catch {
            return nil
        }
    }
}
