import Foundation

/// Numbers as reports, tables and session lines print them: the one place that
/// decides how many decimals a score, a percent or a time shows.
public enum Figures {
    /// `14.5`, `21`: rounded to two decimals, no needless ones.
    public static func number(_ v: JSONValue) -> String { number(AttemptReport.value(v)) }

    public static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var t = fixed(x)
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// A figure unrounded, as the JSON writes it: `21`, `14.5`, `12.3`; empty for a non-number.
    public static func plain(_ v: JSONValue) -> String {
        guard case .number(let x) = v else { return "" }
        return plain(x)
    }

    /// Whole numbers without a decimal point; others in the shortest form that reads back exactly.
    public static func plain(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// A duration to the millisecond, the precision times are measured and stored at. Sums of
    /// stored times pick up binary noise (`0.1 + 0.2` is `0.30000000000000004`); rounded here
    /// once, every format of a report writes the same `0.3`.
    public static func seconds(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return (x * 1000).rounded() / 1000
    }

    /// Always `places` decimals: `73.81`, `0.50`.
    public static func fixed(_ x: Double, places: Int = 2) -> String {
        String(format: "%.\(max(0, places))f", x)
    }

    /// `73.81%`.
    public static func percent(_ v: JSONValue) -> String { percent(AttemptReport.value(v)) }

    /// `73.81%`: two decimals and a percent sign.
    public static func percent(_ x: Double) -> String { fixed(x) + "%" }

    /// A bar of `cells` block characters, eighths for the last one.
    public static func bar(_ fraction: Double, cells: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(cells * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
