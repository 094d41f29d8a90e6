/// A small binary format for caching decoded banks: values written one after another,
/// lengths before contents. Reading it back is far cheaper than parsing YAML again.
struct ArchiveWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) {
        withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ v: Double) { int(Int(bitPattern: UInt(v.bitPattern))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func byte(_ v: UInt8) { bytes.append(v) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ v: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        if let v {
            bool(true)
            write(&self, v)
        } else {
            bool(false)
        }
    }

    mutating func array<T>(_ items: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }
}

/// Reads what `ArchiveWriter` wrote; any inconsistency is `ArchiveReader.Damaged`.
struct ArchiveReader {
    struct Damaged: Error {}

    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func int() throws(Damaged) -> Int {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: UInt64(UInt(bitPattern: try int()))) }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func bool() throws(Damaged) -> Bool { try byte() != 0 }

    mutating func string() throws(Damaged) -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Damaged() }
        let s = bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<(offset + count)], as: UTF8.self) }
        offset += count
        return s
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }
}
