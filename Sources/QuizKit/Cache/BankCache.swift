import Foundation

/// Keeps one bank, decoded and found usable, between runs, so that starting a test on an
/// unchanged bank reads an index and the drawn questions instead of the bank's YAML.
///
/// One file per bank file of a root. It opens with a small head: the stamps (size, modification
/// time, inode) of every file the bank's verdict depends on — the bank, the lessons it links to
/// (also those that did not exist), `.quizlint.yaml` — and the tool's own stamp; then the bank's
/// title, lesson and tests, and its lessons as read; then an index with, for each question, what a draw asks
/// of it (section, tags, difficulty, type, whether it can be asked) and where its record is.
/// The index is a fixed-width entry per question, read in place. The records follow, then
/// the question ids (read only to resume an attempt). A changed stamp,
/// or a damaged or foreign file, is a miss.
public struct BankCache: Sendable {
    static let format = "quiz-bank-cache/1"

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
        var entries: [(offset: Int, length: Int)] = []
        entries.reserveCapacity(bank.questions.count)
        for q in bank.questions {
            let start = records.bytes.count
            BankArchive.write(q, to: &records)
            entries.append((start, records.bytes.count - start))
        }
        var ids = ArchiveWriter()
        ids.array(bank.questions) { $0.string($1.id) }

        var sections: [String: Int] = [:], tags: [String: Int] = [:]
        var sectionList: [String] = [], tagList: [String] = []
        func slot(_ s: String, _ table: inout [String: Int], _ list: inout [String]) -> Int {
            if let i = table[s] { return i }
            table[s] = list.count
            list.append(s)
            return list.count - 1
        }
        // The index: a fixed-width entry per question, then every question's tag slots in one run.
        var index: [UInt8] = []
        var tagSlots: [UInt8] = []
        var tagCount = 0
        index.reserveCapacity(bank.questions.count * CachedBank.stride)
        func u32(_ v: Int, _ out: inout [UInt8]) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out.append(contentsOf: $0) }
        }
        for (q, place) in zip(bank.questions, entries) {
            u32(place.offset, &index)
            u32(place.length, &index)
            u32(slot(q.section, &sections, &sectionList), &index)
            u32(tagCount, &index)
            u32(q.tags.count, &index)
            for tag in q.tags { u32(slot(tag, &tags, &tagList), &tagSlots) }
            tagCount += q.tags.count
            index.append(q.difficulty.flatMap { Difficulty.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
            index.append(UInt8(QuestionType.allCases.firstIndex(of: q.type) ?? 0))
            index.append(q.isValid ? 1 : 0)
            index.append(0)
        }
        // Offsets are kept in 32 bits: a bank too large for that is simply not cached.
        guard records.bytes.count < Int(UInt32.max), tagCount < Int(UInt32.max) else { return }

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
        head.array(sectionList) { $0.string($1) }
        head.array(tagList) { $0.string($1) }
        head.int(records.bytes.count)  // where the ids start, after the records
        head.int(ids.bytes.count)
        head.int(bank.questions.count)
        head.int(tagCount)
        head.bytes += index
        head.bytes += tagSlots

        var out = ArchiveWriter()
        out.int(head.bytes.count)
        out.bytes.reserveCapacity(8 + head.bytes.count + records.bytes.count + ids.bytes.count)
        out.bytes += head.bytes
        out.bytes += records.bytes
        out.bytes += ids.bytes
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? Data(out.bytes).write(to: file(for: bank.file, root: root), options: .atomic)
    }

    /// The cached index of `bankFile`, when the tool and every file its verdict depends on are as they
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
            let strings = { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> [String] in
                try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
            }
            let inputs = try strings(&r)
            let lessons = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try BankArchive.readLesson(&r) }
            let sections = try strings(&r)
            let tags = try strings(&r)
            let idsOffset = try r.int(), idsCount = try r.int()
            let count = try r.int(), tagCount = try r.int()
            guard count >= 0, tagCount >= 0, count <= headCount / CachedBank.stride, tagCount <= headCount / 4,
                  r.offset + count * CachedBank.stride + tagCount * 4 == headCount else { throw ArchiveReader.Damaged() }
            let cached = CachedBank(bank: bank, inputs: inputs, lessons: lessons, sections: sections, tags: tags,
                                    index: r.bytes[r.offset...], count: count, tagCount: tagCount, handle: handle,
                                    recordsStart: 8 + headCount, idsOffset: idsOffset, idsCount: idsCount)
            guard cached.isWhole else { throw ArchiveReader.Damaged() }
            return cached
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

/// A bank's cached index, open on its cache file: what a draw needs of every question,
/// and the questions themselves read one by one as they are drawn.
///
/// The index is kept as written, a fixed-width entry per question, and read in place:
/// opening a bank of 100,000 questions builds no value per question.
public final class CachedBank: @unchecked Sendable {
    /// An entry's bytes: record offset, record length, section slot, first tag slot, tag count
    /// (32 bits each, little-endian), then difficulty (0 for none), type, whether it can be asked, and a spare byte.
    static let stride = 24

    /// The bank's id, title, lesson, file and tests; its questions are not read.
    public let bank: Bank
    /// The files its verdict was found with besides the bank: its lessons (some perhaps absent) and `.quizlint.yaml`.
    public let inputs: [String]
    /// The lessons it links to, as they were read (those that exist).
    public let lessons: [Lesson]
    let sections: [String]
    let tags: [String]
    /// The entries, then the tag slots.
    private let index: UnsafeMutableRawBufferPointer
    /// How many questions the bank holds.
    public let count: Int
    let tagCount: Int
    private let handle: FileHandle
    let recordsStart: Int
    private let idsOffset: Int
    private let idsCount: Int
    private let lock = NSLock()

    init(bank: Bank, inputs: [String], lessons: [Lesson], sections: [String], tags: [String], index: ArraySlice<UInt8>,
         count: Int, tagCount: Int, handle: FileHandle, recordsStart: Int, idsOffset: Int, idsCount: Int) {
        self.bank = bank
        self.inputs = inputs
        self.lessons = lessons
        self.sections = sections
        self.tags = tags
        self.index = .allocate(byteCount: max(index.count, 1), alignment: 4)
        self.index.copyBytes(from: index)
        self.count = count
        self.tagCount = tagCount
        self.handle = handle
        self.recordsStart = recordsStart
        self.idsOffset = idsOffset
        self.idsCount = idsCount
    }

    deinit {
        index.deallocate()
        try? handle.close()
    }

    private func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: index.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
    private func field(_ position: Int, _ at: Int) -> Int { u32(position * Self.stride + at) }
    private func byte(_ position: Int, _ at: Int) -> UInt8 { index[position * Self.stride + at] }
    private func tagSlot(_ n: Int) -> Int { u32(count * Self.stride + 4 * n) }

    /// Where the record of the question at `position` is, from the start of the records.
    func record(_ position: Int) -> (offset: Int, length: Int) { (field(position, 0), field(position, 4)) }
    func section(at position: Int) -> Int { field(position, 8) }
    func isValid(at position: Int) -> Bool { byte(position, 22) != 0 }
    func difficulty(at position: Int) -> Difficulty? {
        let d = Int(byte(position, 20))
        return d == 0 ? nil : Difficulty.allCases[d - 1]
    }

    /// The type of the question at `position`.
    public func type(at position: Int) -> QuestionType { QuestionType.allCases[Int(byte(position, 21))] }

    /// Whether every entry points where it may: a damaged index is a miss, never a wrong draw.
    var isWhole: Bool {
        // One pass over the raw entries (a bank of 100,000 questions has 2.4 MB of them).
        let tagLimit = UInt32(tags.count), sectionLimit = UInt32(sections.count), tagTotal = UInt32(tagCount)
        let difficulties = UInt8(Difficulty.allCases.count), types = UInt8(QuestionType.allCases.count)
        var whole = true
        for n in 0..<tagCount where UInt32(tagSlot(n)) >= tagLimit { return false }
        for i in 0..<count {
            let base = i * Self.stride
            let section = UInt32(littleEndian: index.loadUnaligned(fromByteOffset: base + 8, as: UInt32.self))
            let firstTag = UInt32(littleEndian: index.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self))
            let tagsHeld = UInt32(littleEndian: index.loadUnaligned(fromByteOffset: base + 16, as: UInt32.self))
            whole = whole && section < sectionLimit && firstTag <= tagTotal && tagsHeld <= tagTotal &- firstTag
                && index[base + 20] <= difficulties && index[base + 21] < types
        }
        return whole
    }

    /// The pool of `test`, exactly as a draw from the whole bank would find it; `root` holds the bank's lessons.
    public func draw(_ test: PracticeTest, root: ContentRoot) -> TestDraw {
        // Each section reference resolved once; references to the same section share its number.
        var numberOf: [SectionKey?: Int] = [:]
        var keys: [SectionKey?] = []
        let numbers = sections.map { reference in
            let key = root.sectionKey(reference, lesson: bank.lesson)
            if let n = numberOf[key] { return n }
            numberOf[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        var wantedTags: [String] = []
        var wanted: [Bool] = []
        return TestDraw(test: test, in: bank, count: count, sections: keys, section: { numbers[self.section(at: $0)] },
                        isValid: { self.isValid(at: $0) },
                        hasTag: { i, testTags in
                            if wantedTags != testTags {
                                wantedTags = testTags
                                wanted = self.tags.map(testTags.contains)
                            }
                            let first = self.field(i, 12)
                            return (first..<(first + self.field(i, 16))).contains { wanted[self.tagSlot($0)] }
                        },
                        difficulty: { self.difficulty(at: $0) })
    }

    /// The questions at `positions`, read from their records; nil when the file proves damaged.
    public func questions(at positions: [Int]) -> [Question]? {
        lock.lock()
        defer { lock.unlock() }
        var out: [Question] = []
        for position in positions {
            guard position >= 0, position < count else { return nil }
            let (offset, length) = record(position)
            do throws(ArchiveReader.Damaged) {
                var r = ArchiveReader(try BankCache.read(handle, at: recordsStart + offset, count: length))
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
            var r = ArchiveReader(try BankCache.read(handle, at: recordsStart + idsOffset, count: idsCount))
            let all = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
            guard all.count == count else { return nil }
            let wanted = Set(ids)
            return all.indices.filter { wanted.contains(all[$0]) }
        } catch {
            return nil
        }
    }
}
