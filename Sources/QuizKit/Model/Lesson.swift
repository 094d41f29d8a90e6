/// A lesson: one Markdown file under `Lessons/`, cut into sections at its `## ` headings.
public struct Lesson: Sendable, Identifiable, Equatable {
    public var id: String
    public var title: String
    public var summary: String?
    public var links: [Link]
    /// Path relative to the content root.
    public var file: String
    /// Markdown before the first section (after the title).
    public var intro: String
    public var sections: [Section]

    public struct Link: Sendable, Equatable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public init(id: String, title: String, summary: String? = nil, links: [Link] = [], file: String,
                intro: String = "", sections: [Section] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.links = links
        self.file = file
        self.intro = intro
        self.sections = sections
    }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    /// Total reading time of all sections, in minutes.
    public var readingMinutes: Int { sections.reduce(0) { $0 + $1.readingMinutes } }
}

/// One `## ` section of a lesson.
public struct Section: Sendable, Identifiable, Equatable {
    public var id: String
    public var title: String
    /// 1-based line of the `## ` heading.
    public var line: Int
    /// The Markdown body, without the heading (and without a `Reading time:` line).
    public var body: String
    public var wordCount: Int
    public var readingMinutes: Int

    public init(id: String, title: String, line: Int, body: String, wordCount: Int, readingMinutes: Int) {
        self.id = id
        self.title = title
        self.line = line
        self.body = body
        self.wordCount = wordCount
        self.readingMinutes = readingMinutes
    }
}
