/// A lesson an attempt's questions come from, as the human reports name and link it.
///
/// Never part of the JSON report: `url` depends on where the course sits on
/// the machine that builds the report, so it is looked up then (by the
/// application core) rather than stored. A report built where the lesson
/// file does not exist (a store copied from another machine, a lesson since
/// removed) has no `url`, and the HTML report shows the section's title and
/// the lesson's path as text instead of a link.
public struct ReportLesson: Sendable, Equatable {
    /// The lesson id, as `sections[].lesson` holds it.
    public var id: String
    public var title: String
    /// The lesson file relative to the course root (`Lessons/websockets-sse-polling.md`).
    public var path: String
    /// The lesson file as an absolute `file://` URL when it exists on this machine, else nil.
    public var url: String?

    public init(id: String, title: String, path: String, url: String? = nil) {
        self.id = id
        self.title = title
        self.path = path
        self.url = url
    }
}
