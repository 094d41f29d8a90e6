import QuizKit

/// `section-link`: a question's `section` names a lesson or section that does not exist.
public enum SectionLinkRule: Rule {
    public static let description = RuleDescription(
        id: .sectionLink,
        defaultSeverity: .error,
        summary: "A question's section names a lesson or a section that does not exist; the message suggests the closest section id.",
        triggering: [
            .questions("""
              - id: one
                section: ↓alfa
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A
                explanation: Because.
              - id: two
                section: ↓nowhere#alpha
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A
                explanation: Because.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A
                explanation: Because.
              - id: two
                section: demo#beta
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A
                explanation: Because.

            """),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            var memo: [String: ContentRoot.Resolution] = [:]
            for q in bank.questions where !q.section.isEmpty {
                let mark = q.place.values["section"] ?? q.place.start
                let resolution = memo[q.section] ?? root.resolve(q.section, lesson: bank.lesson)
                memo[q.section] = resolution
                switch resolution {
                case .section: continue
                case .noLesson(let lesson):
                    findings.append(root.finding(bank.file, mark, .sectionLink,
                        "section \"\(q.section)\" refers to lesson \"\(lesson)\", but there is no Lessons/\(lesson).md"))
                case .noSection(let lesson, let section):
                    var message = "section \"\(section)\" is not in \(lesson.file)"
                    if let guess = Spelling.suggestion(for: section, among: lesson.sections.map(\.id)) {
                        message += "; did you mean \"\(guess)\"?"
                    } else if !lesson.sections.isEmpty {
                        message += "; its sections are \(lesson.sections.map(\.id).joined(separator: ", "))"
                    }
                    findings.append(root.finding(bank.file, mark, .sectionLink, message))
                }
            }
        }
        return findings
    }
}
