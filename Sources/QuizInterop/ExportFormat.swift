/// The formats `quiz export` names, and which of them this build writes.
///
/// The learning-system formats are named before they are built, so that asking for one
/// says it is not built yet instead of calling the name unknown.
public enum ExportFormat: String, CaseIterable, Sendable {
    case qti
    case moodleXML = "moodle-xml"
    case gift
    case json

    /// Whether this build can write the format.
    public var isBuilt: Bool {
        switch self {
        case .json, .gift, .moodleXML, .qti: true
        }
    }

    /// Whether the format is a zip of several files rather than one text.
    public var isPackage: Bool { self == .qti }

    /// The formats this build writes, in the order help lists them.
    public static var built: [ExportFormat] { allCases.filter(\.isBuilt) }
}
