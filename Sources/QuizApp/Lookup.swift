import QuizKit

/// Finds lessons, banks and sections named on the command line, with messages that say what exists.
public enum Lookup {
    public static func lesson(_ id: String, in root: ContentRoot) throws(UserError) -> Lesson {
        if let lesson = root.lesson(id) { return lesson }
        throw notFound("lesson", id, known: root.lessons.map(\.id), in: root)
    }

    /// A bank by id, or a message naming the banks there are.
    public static func bank(_ id: String, in root: ContentRoot) throws(UserError) -> Bank {
        if let bank = root.bank(id) { return bank }
        throw notFound("bank", id, known: root.banks.map(\.id), in: root)
    }

    /// No `kind` named `id`: the closest name when one is close, else the ones there are.
    static func notFound(_ kind: String, _ id: String, known: [String], in root: ContentRoot) -> UserError {
        var message = "no \(kind) \"\(id)\" in \(root.url.path)"
        if let guess = Spelling.suggestion(for: id, among: known) { message += "; did you mean \(guess)?" }
        else if !known.isEmpty { message += "; \(kind)s: \(known.joined(separator: ", "))" }
        return UserError(message)
    }

    /// A section by id, or by its 1-based number.
    public static func sectionIndex(_ wanted: String, in lesson: Lesson) throws(UserError) -> Int {
        if let i = lesson.sections.firstIndex(where: { $0.id == wanted }) { return i }
        if let n = Int(wanted), lesson.sections.indices.contains(n - 1) { return n - 1 }
        var message = "lesson \(lesson.id) has no section \"\(wanted)\""
        if let guess = Spelling.suggestion(for: wanted, among: lesson.sections.map(\.id)) { message += "; did you mean \(guess)?" }
        else { message += "; its sections: \(lesson.sections.map(\.id).joined(separator: ", "))" }
        throw UserError(message)
    }

    /// `lesson#section`, or a section id that exactly one lesson has.
    public static func section(_ reference: String, in root: ContentRoot) throws(UserError) -> (Lesson, Section) {
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
}
