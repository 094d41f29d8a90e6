/// Builds the questions of an attempt: what is drawn, in which order, and how each is laid out.
///
/// Everything random comes from one `SeededGenerator`, so the same seed and
/// the same bank give the same attempt.
public enum AttemptPlan {
    /// The questions of a practice-test attempt for a seed.
    public static func test(_ test: PracticeTest, in bank: Bank, root: ContentRoot, seed: UInt64) -> [SessionQuestion] {
        self.test(TestDraw(test: test, in: bank, root: root), root: root, seed: seed) { $0.map { bank.questions[$0] } }
    }

    /// The questions of an attempt for a seed, when the bank's questions are fetched by position
    /// (`fetch` is given the drawn positions in the order they are asked): the same attempt as
    /// drawing from the whole bank, for a bank whose cached index is all that was read.
    public static func test<E: Error>(_ draw: TestDraw, root: ContentRoot, seed: UInt64,
                                      fetch: ([Int]) throws(E) -> [Question]) throws(E) -> [SessionQuestion] {
        var rng = SeededGenerator(seed: seed)
        let drawn = try fetch(draw.positions(using: &rng))
        return layout(drawn, bank: draw.bank, root: root, rng: &rng)
    }

    /// Quick checks (or any list of questions) laid out with a seed.
    public static func layout(_ questions: [(bank: Bank, question: Question)], root: ContentRoot, seed: UInt64) -> [SessionQuestion] {
        var rng = SeededGenerator(seed: seed)
        return questions.enumerated().map { i, entry in
            item(position: i + 1, entry.question, bank: entry.bank, root: root,
                 presentation: Presentation.make(for: entry.question, rng: &rng))
        }
    }

    static func layout(_ questions: [Question], bank: Bank, root: ContentRoot, rng: inout SeededGenerator) -> [SessionQuestion] {
        questions.enumerated().map { i, q in
            item(position: i + 1, q, bank: bank, root: root, presentation: Presentation.make(for: q, rng: &rng))
        }
    }

    /// One question at a position, with its section's title and review link.
    public static func item(position: Int, _ q: Question, bank: Bank, root: ContentRoot, presentation: Presentation) -> SessionQuestion {
        var title = q.section
        var review = q.section
        if case .section(let lesson, let section) = root.resolve(q.section, lesson: bank.lesson) {
            title = section.title
            review = "\(lesson.file)#\(section.id)"
        }
        return SessionQuestion(position: position, question: q, presentation: presentation, sectionTitle: title, review: review)
    }
}
