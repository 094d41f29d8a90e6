/// A strict RFC 4180 reader, to check that the CSV export reads back exactly.
///
/// Records end in CRLF (the last one too); a quoted field may hold commas,
/// CR, LF and doubled quotes; anything else (a bare CR or LF outside quotes,
/// a quote inside an unquoted field, text after a closing quote, a missing
/// final CRLF) makes `parse` answer nil.
enum RFC4180 {
    static func parse(_ text: String) -> [[String]]? {
        let scalars = Array(text.unicodeScalars)
        var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
        var i = 0
        var atFieldStart = true
        while i < scalars.count {
            let c = scalars[i]
            if atFieldStart && c == "\"" {
                i += 1
                while true {
                    guard i < scalars.count else { return nil }
                    if scalars[i] == "\"" {
                        if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(scalars[i])
                    i += 1
                }
                atFieldStart = false
                guard i < scalars.count, scalars[i] == "," || scalars[i] == "\r" else { return nil }
                continue
            }
            switch c {
            case ",":
                row.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                i += 1
            case "\r":
                guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { return nil }
                row.append(String(field))
                rows.append(row)
                row = []
                field = String.UnicodeScalarView()
                atFieldStart = true
                i += 2
            case "\n", "\"":
                return nil
            default:
                field.append(c)
                atFieldStart = false
                i += 1
            }
        }
        guard row.isEmpty, field.isEmpty, atFieldStart else { return nil }
        return rows
    }
}
