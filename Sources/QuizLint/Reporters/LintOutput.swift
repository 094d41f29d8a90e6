/// The bytes of one lint output, written by a reporter piece by piece.
///
/// Reporters write their format straight into this buffer, with no `Encodable` tree and no
/// intermediate `String`s, so 200,000 findings cost about what the text format costs. Given a
/// `sink`, the buffer is handed to it whenever it passes `chunkSize` (the reporters call
/// `flushIfFull` after each finding) and on `finish`, so memory stays proportional to one
/// finding rather than to all of them; without one, the bytes are collected for `text`.
/// Reporters still do no I/O themselves: the sink is the caller's.
public struct LintOutput {
    public typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void

    private var buffer: [UInt8] = []
    private let sink: Sink?
    private let chunkSize: Int

    /// Collects every byte, for `text`.
    public init() {
        sink = nil
        chunkSize = .max
    }

    /// Hands the bytes to `sink` in chunks of about `chunkSize` bytes; call `finish` at the end.
    public init(chunkSize: Int = 1 << 16, sink: @escaping Sink) {
        self.sink = sink
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Everything written, as text (only for an output without a sink).
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// Hands what is buffered to the sink, if there is one and the buffer is full.
    public mutating func flushIfFull() {
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands whatever is still buffered to the sink.
    public mutating func finish() { flush() }

    private mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer(sink)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Plain text

    /// Text as it is, byte for byte.
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// A literal, byte for byte.
    public mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// An integer in decimal, as `String(n)` and `JSONEncoder` write it.
    public mutating func write(_ number: Int) {
        if number < 0 {
            buffer.append(UInt8(ascii: "-"))
        }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            buffer.append(contentsOf: digits[(20 - count)...])
        }
    }

    /// A byte, as it is.
    mutating func write(byte: UInt8) { buffer.append(byte) }

    /// Appends the bytes of `text`, each run that needs no escaping in one go and every other
    /// byte through `escape`, which returns how many bytes it consumed (at least one).
    private mutating func write(
        _ text: String, needsEscape: (UInt8) -> Bool,
        escape: (inout [UInt8], UnsafeBufferPointer<UInt8>, Int) -> Int
    ) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if needsEscape(bytes[index]) {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    index += escape(&buffer, bytes, index)
                    start = index
                } else {
                    index += 1
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
    }

    // MARK: JSON

    /// A JSON string in quotes, escaped exactly as `JSONEncoder` with `.withoutEscapingSlashes`
    /// does: `"` and `\` with a backslash; backspace, tab, LF, form feed and CR as `\b \t \n \f \r`;
    /// every other byte below 0x20 as `\u00XX` in lowercase hex; `/`, DEL and non-ASCII as they are.
    public mutating func writeJSONString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        write(text, needsEscape: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { out, bytes, index in
            let byte = bytes[index]
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            return 1
        }
        buffer.append(UInt8(ascii: "\""))
    }

    // MARK: XML

    /// Text escaped for XML exactly as `Markup.text` (or, `inAttribute`, `Markup.attribute`) does:
    /// `& < > " '` as references; in an attribute tab and LF as `&#9;` `&#10;`; every other
    /// control character (C0, DEL, C1) and the noncharacters U+FFFE and U+FFFF dropped.
    public mutating func writeXML(_ text: String, inAttribute: Bool) {
        write(text, needsEscape: { byte in
            switch byte {
            case 0..<0x20, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                UInt8(ascii: "'"), 0xC2, 0xEF:
                true
            default: false
            }
        }) { out, bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case 0x09: out.append(contentsOf: inAttribute ? Array("&#9;".utf8) : [0x09])
            case 0x0A: out.append(contentsOf: inAttribute ? Array("&#10;".utf8) : [0x0A])
            case 0xC2:
                // U+0080…U+009F, the C1 controls, are C2 80…C2 9F in UTF-8.
                if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
                out.append(0xC2)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    return 3
                }
                out.append(0xEF)
            default: break  // C0 controls but tab and LF, and DEL: dropped
            }
            return 1
        }
    }

    // MARK: GitHub workflow commands

    /// A workflow command's value escaped as the Actions toolkit does: `%`, CR and LF as
    /// `%25 %0D %0A`; as a `property`, also `:` and `,` as `%3A %2C`.
    public mutating func writeWorkflowValue(_ text: String, property: Bool) {
        write(text, needsEscape: { byte in
            switch byte {
            case UInt8(ascii: "%"), 0x0D, 0x0A: true
            case UInt8(ascii: ":"), UInt8(ascii: ","): property
            default: false
            }
        }) { out, bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "%"): out.append(contentsOf: "%25".utf8)
            case 0x0D: out.append(contentsOf: "%0D".utf8)
            case 0x0A: out.append(contentsOf: "%0A".utf8)
            case UInt8(ascii: ":"): out.append(contentsOf: "%3A".utf8)
            default: out.append(contentsOf: "%2C".utf8)
            }
            return 1
        }
    }
}
