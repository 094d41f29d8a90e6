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

    /// How many section ids the did-you-mean suggestions may compare a broken link with, over a whole run.
    /// A guess costs one edit distance per section of the lesson; past this budget a lesson of 50,000
    /// headings with thousands of broken links would take minutes, so later links get no guess.
    static let suggestionBudget = 500_000

    /// How many section ids a message lists when it has no guess.
    static let listedSections = 10

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        var budget = suggestionBudget
        for bank in root.usableBanks {
            // Each reference is resolved, and its message written, once: many questions share a section.
            // Banks list a section's questions together, so the question before is tried before the memo.
            var memo: [String: String?] = [:]
            var last: (section: String, message: String?)?
            for qi in bank.questions.indices where !bank.questions[qi].section.isEmpty {
                let section = bank.questions[qi].section
                let message: String?
                if let last, last.section == section {
                    message = last.message
                } else if let known = memo[section] {
                    message = known
                } else {
                    message = problem(root.resolve(section, lesson: bank.lesson), reference: section, budget: &budget)
                    memo[section] = message
                }
                last = (section, message)
                if let message {
                    let mark = bank.questions[qi].place.values["section"] ?? bank.questions[qi].place.start
                    findings.append(root.finding(bank.file, mark, .sectionLink, message))
                }
            }
        }
        return findings
    }

    /// The finding's message for a reference that does not resolve, nil for one that does.
    private static func problem(_ resolution: ContentRoot.Resolution, reference: String, budget: inout Int) -> String? {
        switch resolution {
        case .section: return nil
        case .noLesson(let lesson):
            return "section \"\(reference)\" refers to lesson \"\(lesson)\", but there is no Lessons/\(lesson).md"
        case .noSection(let lesson, let section):
            var message = "section \"\(section)\" is not in \(lesson.file)"
            let count = lesson.sections.count
            var guess: String?
            if count <= budget {
                budget -= count
                guess = Spelling.suggestion(for: section, among: lesson.sections.map(\.id))
            }
            let listed = lesson.sections.prefix(listedSections).map(\.id).joined(separator: ", ")
            if let guess {
                message += "; did you mean \"\(guess)\"?"
            } else if count > listedSections {
                message += "; its sections include \(listed) and \(count - listedSections) more"
            } else if count > 0 {
                message += "; its sections are \(listed)"
            }
            return message
        }
    }
}
