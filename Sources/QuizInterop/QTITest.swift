import QuizKit

/// A practice test as a QTI 2.1 `assessmentTest`: its pool, how many it draws, its time
/// limit and its pass mark, as far as QTI can say them.
///
/// The pool is the questions the test's `from` filter admits. `pick: N` becomes a `selection`
/// of N from one section; `pick: {per_section: N}` one sub-section per bank section, each
/// selecting N. The time limit is the test's `timeLimits maxTime`, and `PASS` is set when the
/// summed score reaches the pass mark's share of the summed maximum.
public struct QTITest: Sendable {
    /// The test's identifier, unique among the package's identifiers.
    public let identifier: String
    /// The identifiers of the items it refers to, in bank order.
    public let items: [String]
    /// The test document.
    public let xml: String

    /// - Parameters:
    ///   - draw: the test and its pool.
    ///   - itemFolder: the folder of the item files, relative to the test's file (`../items/`).
    public init(_ draw: TestDraw, bankID: String, itemFolder: String) {
        let test = draw.test
        identifier = QTIItem.identifier("\(bankID)-test-\(test.id)")
        let ref = { (question: Question) -> XMLTree in
            let id = QTIItem.identifier(question.id)
            return .el("assessmentItemRef", [("identifier", id), ("href", itemFolder + id + ".xml")])
        }
        let shuffle = XMLTree.el("ordering", [("shuffle", test.shuffle ? "true" : "false")])
        let sections: [XMLTree]
        switch test.pick {
        case .all:
            sections = [.el("assessmentSection", [("identifier", "S1"), ("title", test.title), ("visible", "false")],
                [shuffle] + draw.pool.map(ref))]
        case .count(let n):
            sections = [.el("assessmentSection", [("identifier", "S1"), ("title", test.title), ("visible", "false")],
                [.el("selection", [("select", String(min(n, draw.pool.count)))]), shuffle] + draw.pool.map(ref))]
        case .perSection(let n):
            let parts: [XMLTree] = draw.poolBySection.enumerated().map { index, group in
                .el("assessmentSection", [("identifier", "S1-\(index + 1)"), ("title", group.questions.first?.section ?? test.title),
                                          ("visible", "false")],
                    [.el("selection", [("select", String(min(n, group.questions.count)))])] + group.questions.map(ref))
            }
            sections = [.el("assessmentSection", [("identifier", "S1"), ("title", test.title), ("visible", "false")], [shuffle] + parts)]
        }
        items = draw.pool.map { QTIItem.identifier($0.id) }

        let float = { (name: String) in
            XMLTree.el("outcomeDeclaration", [("identifier", name), ("cardinality", "single"), ("baseType", "float")])
        }
        let sum = { (name: String) in
            XMLTree.el("setOutcomeValue", [("identifier", name)], [.el("sum", [], [.el("testVariables", [("variableIdentifier", name)])])])
        }
        let passShare = String(test.passMark / 100)
        let pass = XMLTree.el("setOutcomeValue", [("identifier", "PASS")], [
            .el("gte", [], [
                .el("variable", [("identifier", "SCORE")]),
                .el("product", [], [.el("variable", [("identifier", "MAXSCORE")]),
                                    .el("baseValue", [("baseType", "float")], [.text(passShare)])]),
            ]),
        ])
        var children: [XMLTree] = [
            float("SCORE"), float("MAXSCORE"),
            .el("outcomeDeclaration", [("identifier", "PASS"), ("cardinality", "single"), ("baseType", "boolean")]),
        ]
        if let limit = test.timeLimit { children.append(.el("timeLimits", [("maxTime", String(limit))])) }
        // Feedback during the test (`feedback: immediate`) is each item's modal feedback, shown
        // after each answer; at the end (the default) it waits for the whole test.
        children.append(.el("testPart", [("identifier", "P1"), ("navigationMode", "linear"),
                                         ("submissionMode", test.feedback == .immediate ? "individual" : "simultaneous")],
            [.el("itemSessionControl", [("maxAttempts", "1"), ("showFeedback", test.feedback == .immediate ? "true" : "false")])] + sections))
        children.append(.el("outcomeProcessing", [], [sum("SCORE"), sum("MAXSCORE"), pass]))
        xml = XMLTree.el("assessmentTest", [
            ("xmlns", QTIItem.namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", QTIItem.schemaLocation), ("identifier", identifier), ("title", test.title),
        ], children).document
    }
}
