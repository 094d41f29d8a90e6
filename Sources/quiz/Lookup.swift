import QuizKit

/// Finds lessons and sections named on the command line, with messages that say what exists.
enum Lookup {
    static func lesson(_ id: String, in root: ContentRoot) throws -> Lesson {
        if let lesson = root.lesson(id) { return lesson }
        let known = root.lessons.map(\.id)
        var message = "no lesson \"\(id)\" in \(root.url.path)"
        if let guess = Spelling.suggestion(for: id, among: known) { message += "; did you mean \(guess)?" }
        else if !known.isEmpty { message += "; lessons: \(known.joined(separator: ", "))" }
        throw UserError(message)
    }

    /// A section by id, or by its 1-based number.
    static func sectionIndex(_ wanted: String, in lesson: Lesson) throws -> Int {
        if let i = lesson.sections.firstIndex(where: { $0.id == wanted }) { return i }
        if let n = Int(wanted), lesson.sections.indices.contains(n - 1) { return n - 1 }
        var message = "lesson \(lesson.id) has no section \"\(wanted)\""
        if let guess = Spelling.suggestion(for: wanted, among: lesson.sections.map(\.id)) { message += "; did you mean \(guess)?" }
        else { message += "; its sections: \(lesson.sections.map(\.id).joined(separator: ", "))" }
        throw UserError(message)
    }

    /// `lesson#section`, or a section id that exactly one lesson has.
    static func section(_ reference: String, in root: ContentRoot) throws -> (Lesson, Section) {
        if let hash = reference.firstIndex(of: "#") {
            let lesson = try lesson(String(reference[..<hash]), in: root)
            let index = try sectionIndex(String(reference[reference.index(after: hash)...]), in: lesson)
            return (lesson, lesson.sections[index])
        }
        let matches = root.lessons.compactMap { l in l.section(reference).map { (l, $0) } }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw UserError("section \"\(reference)\" is in several lessons; write lesson#section: "
                + matches.map { "\($0.0.id)#\(reference)" }.joined(separator: ", "))
        }
        let all = root.lessons.flatMap { l in l.sections.map(\.id) }
        var message = "no section \"\(reference)\" in any lesson"
        if let guess = Spelling.suggestion(for: reference, among: all) { message += "; did you mean \(guess)?" }
        throw UserError(message)
    }

    /// What to do after the last section: the lesson's practice test, if a bank has one.
    static func nextStep(lesson: Lesson, root: ContentRoot) -> String {
        guard let bank = root.banks.first(where: { $0.lesson == lesson.id && !$0.tests.isEmpty }) else { return "" }
        return "Take the practice test: quiz take \(bank.tests.count == 1 ? bank.id : "\(bank.id)/\(bank.tests[0].id)")\n"
    }
}

/// The parts of a lesson (its sections, and its practice test when a bank has one) and the time they take.
struct StudyPlan {
    let lesson: Lesson
    let root: ContentRoot

    var test: (Bank, PracticeTest)? {
        root.banks.first { $0.lesson == lesson.id && !$0.tests.isEmpty }.map { ($0, $0.tests[0]) }
    }

    var parts: Int { lesson.sections.count + (test == nil ? 0 : 1) }

    /// Minutes to read the sections not done and answer their quick checks, plus the practice test.
    func minutesLeft(notDone: [String], testDone: Bool = false) -> Int {
        var seconds = 0
        for section in lesson.sections where notDone.contains(section.id) {
            seconds += section.readingMinutes * 60
            seconds += root.quickChecks(lesson: lesson.id, section: section.id).reduce(0) { $0 + $1.question.time }
        }
        if !testDone, let (bank, test) = test {
            let draw = TestDraw(test: test, in: bank, root: root)
            seconds += test.timeLimit ?? draw.pool.prefix(draw.drawCount).reduce(0) { $0 + $1.time }
        }
        return Int((Double(seconds) / 60).rounded(.up))
    }
}
