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
    public var sections: [Section] {
        didSet { sectionIndex = Self.index(sections) }
    }
    /// Each section id's first position in `sections`, so looking a section up does not scan a lesson
    /// of thousands of headings once for every question that links to it.
    private var sectionIndex: [String: Int]

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
        sectionIndex = Self.index(sections)
    }

    public func section(_ id: String) -> Section? { sectionIndex[id].map { sections[$0] } }

    private static func index(_ sections: [Section]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(sections.count)
        for (position, section) in sections.enumerated() where index[section.id] == nil { index[section.id] = position }
        return index
    }

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
