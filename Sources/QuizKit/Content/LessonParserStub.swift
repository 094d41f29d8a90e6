enum LessonParser {
    static func parse(_ text: String, id: String, file: String) -> (lesson: Lesson, findings: [Finding]) {
        (Lesson(id: id, title: id, file: file), [])
    }
}
