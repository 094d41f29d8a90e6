/// The formats `quiz export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case qti
    case moodleXML = "moodle-xml"
    case gift
    case json

    /// Whether the format is a zip of several files rather than one text.
    public var isPackage: Bool { self == .qti }
}
