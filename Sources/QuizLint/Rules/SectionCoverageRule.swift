import QuizKit

/// `section-coverage`: a lesson section that no quick check in any bank of the root resolves to.
public enum SectionCoverageRule: Rule {
    public static let description = RuleDescription(
        id: .sectionCoverage,
        defaultSeverity: .warning,
        summary: "A lesson section has no quick check, so a learner studying it is never asked anything.",
        triggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n\(RuleExample.plainQuestion)",
                        lesson: "# Demo\n\n## Alpha\n\nText.\n\n↓## Beta\n\nMore text.\n"),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n\(RuleExample.plainQuestion.replacingOccurrences(of: "explanation:", with: "check: false\n    explanation:"))",
                        lesson: "# Demo\n\n↓## Alpha\n\nText.\n"),
        ],
        nonTriggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n\(RuleExample.plainQuestion)",
                        lesson: "# Demo\n\n## Alpha\n\nText.\n\n```\n## Not a section\n```\n"),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        // A bank that cannot be read may hold the quick checks of any section: until it is fixed,
        // coverage cannot be judged, and warnings about it would only hide the one real error.
        guard !root.brokenFiles.contains(where: { $0.hasPrefix("Quizzes/") }) else { return [] }
        var covered = Set<SectionKey>()
        for bank in root.usableBanks {
            for (q, key) in zip(bank.questions, root.sectionKeys(of: bank)) where q.check {
                if let key { covered.insert(key) }
            }
        }
        var findings: [Finding] = []
        for lesson in root.lessons {
            for section in lesson.sections where !covered.contains(SectionKey(lesson: lesson.id, section: section.id)) {
                findings.append(Finding(file: lesson.file, line: section.line, column: 1, rule: .sectionCoverage,
                    message: "section \"\(section.id)\" has no quick check; add a question with section: \(section.id)"))
            }
        }
        return findings
    }
}
