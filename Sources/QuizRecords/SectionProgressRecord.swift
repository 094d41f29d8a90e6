import Foundation

/// How far `quiz study` has got through one lesson section, keyed by lesson
/// and section.
///
/// Both dates keep their first value: showing a section again, or finishing
/// its quick checks again, does not move them.
public struct SectionProgressRecord: Hashable, Sendable {
    public var lesson: String
    public var section: String
    /// When the section was first shown; nil if never.
    public var shownAt: Date?
    /// When the section was first done (every quick check answered, or shown
    /// when it has none); nil if not yet.
    public var doneAt: Date?

    public init(lesson: String, section: String, shownAt: Date? = nil, doneAt: Date? = nil) {
        self.lesson = lesson
        self.section = section
        self.shownAt = shownAt
        self.doneAt = doneAt
    }

    /// Whether the section counts as done.
    public var isDone: Bool { doneAt != nil }
}
