import QuizYAML

/// The YAML block between `---` lines at the top of a lesson: `title`, `summary`, `links`.
///
/// Reading it never fails: each problem becomes a finding, and the keys that
/// were fine are still used. The YAML is parsed with blank lines standing in
/// for the lines above it, so every line libyaml names, even inside its own
/// message text, is a line of the lesson file.
struct FrontMatter {
    var title: String?
    var summary: String?
    var links: [Lesson.Link] = []

    static let keys = ["title", "summary", "links"]

    /// Reads `yaml`, whose first line is line `firstLine` of `file`.
    static func read(_ yaml: String, firstLine: Int, file: String) -> (FrontMatter, [Finding]) {
        var reader = Reader(file: file)
        let frontMatter = reader.read(String(repeating: "\n", count: firstLine - 1) + yaml)
        return (frontMatter, reader.findings)
    }

    private struct Reader {
        let file: String
        var findings: [Finding] = []

        mutating func read(_ yaml: String) -> FrontMatter {
            var result = FrontMatter()
            let root: Node?
            do {
                root = try YAMLParser.parse(yaml)
            } catch {
                report(.yamlSyntax, at: error.mark,
                       "the front matter is not valid YAML: \(error.message); fix the YAML between the two `---` lines")
                return result
            }
            guard let root else { return result }
            guard let pairs = root.mapping else {
                report(.invalidValue, at: root.start,
                       "the front matter is \(describe(root)), but it must be a mapping; write `title:`, `summary:` and `links:` as `key: value` lines")
                return result
            }
            var seen: [String: Int] = [:]
            for pair in pairs {
                let key = pair.key.scalar?.value ?? ""
                if let first = seen[key] {
                    report(.duplicateKey, at: pair.key.start,
                           "`\(key)` is already set on line \(first); remove one of the two")
                    continue
                }
                seen[key] = pair.key.start.line
                switch key {
                case "title": result.title = text(pair.value, key: "title", purpose: "the lesson's title")
                case "summary": result.summary = text(pair.value, key: "summary", purpose: "a one-sentence summary of the lesson")
                case "links": result.links = links(pair.value)
                default:
                    let shown = pair.key.scalar.map { "`\($0.value)`" } ?? describe(pair.key)
                    report(.unknownKey, at: pair.key.start,
                           "unknown front-matter key \(shown); use only `title`, `summary` and `links`, or remove it")
                }
            }
            return result
        }

        private mutating func text(_ node: Node, key: String, purpose: String) -> String? {
            if let scalar = node.scalar, !scalar.isNull { return scalar.value }
            report(.invalidValue, at: node.start, "`\(key)` is \(describe(node)), but it must be text; write \(purpose) after `\(key):`")
            return nil
        }

        private mutating func links(_ node: Node) -> [Lesson.Link] {
            guard let items = node.sequence else {
                report(.invalidValue, at: node.start,
                       "`links` is \(describe(node)), but it must be a list; write each link as `- title: …` with `url: …` under it")
                return []
            }
            var links: [Lesson.Link] = []
            for (offset, item) in items.enumerated() {
                let number = offset + 1
                guard let pairs = item.mapping else {
                    report(.invalidValue, at: item.start,
                           "link \(number) is \(describe(item)), but it must be a mapping; write it as `- title: …` with `url: …` under it")
                    continue
                }
                var title: String?
                var url: String?
                var valid = true
                for pair in pairs {
                    let key = pair.key.scalar?.value ?? ""
                    switch key {
                    case "title", "url":
                        let value = text(pair.value, key: key, purpose: key == "title" ? "the text to show for link \(number)" : "the address of link \(number)")
                        if value == nil { valid = false }
                        if key == "title" { title = title ?? value } else { url = url ?? value }
                    default:
                        let shown = pair.key.scalar.map { "`\($0.value)`" } ?? describe(pair.key)
                        report(.unknownKey, at: pair.key.start,
                               "unknown key \(shown) in link \(number); a link has only `title` and `url`, so remove it")
                    }
                }
                guard valid else { continue }
                guard let title, let url else {
                    let missing = [title == nil ? "title" : nil, url == nil ? "url" : nil].compactMap { $0 }
                    report(.invalidValue, at: item.start,
                           "link \(number) has no " + missing.map { "`\($0)`" }.joined(separator: " and no ")
                           + "; add " + missing.map { "`\($0): …`" }.joined(separator: " and ") + " to it")
                    continue
                }
                links.append(Lesson.Link(title: title, url: url))
            }
            return links
        }

        private func describe(_ node: Node) -> String {
            switch node.content {
            case .scalar(let s): s.isNull ? "empty" : "the text \"\(s.value)\""
            case .sequence: "a list"
            case .mapping: "a mapping"
            }
        }

        private mutating func report(_ rule: RuleID, at mark: Mark, _ message: String) {
            findings.append(Finding(file: file, line: mark.line, column: mark.column, rule: rule, message: message))
        }
    }
}
