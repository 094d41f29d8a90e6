import QuizKit
import QuizMarkdown

/// One question as a QTI 2.1 `assessmentItem`, for the QTI export.
///
/// The prompt, choices, items, pairs and feedback are Markdown rendered to XHTML. The score is
/// the question's `points`: all of them for a right answer, or with `scoring: partial` on a
/// multiple or match question a share per right pick through a `mapping`. Choice feedback and
/// the explanation become `modalFeedback`.
public struct QTIItem: Sendable {
    /// The QTI 2.1 namespace, and where its schema is published.
    public static let namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"
    static let schemaLocation = namespace + " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"

    /// The item's identifier: the question id, made a valid QTI identifier.
    public let identifier: String
    /// The item document.
    public let xml: String

    public init(_ question: Question) {
        identifier = Self.identifier(question.id)
        xml = Self.item(question, identifier: identifier).document
    }

    /// A QTI identifier for an id: kept when it starts with a letter or `_`, else given a `q` before it.
    static func identifier(_ id: String) -> String {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return "q" + id }
        return id
    }

    /// Choice identifiers: A, B, C, … as the bank's answer letters.
    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func float(_ value: Double) -> XMLTree {
        .el("baseValue", [("baseType", "float")], [.text(number(value))])
    }

    private static func flow(_ markdown: String) -> XMLTree { .markup(XHTMLRenderer.render(markdown)) }
    private static func inline(_ markdown: String) -> XMLTree { .markup(XHTMLRenderer.inline(markdown)) }

    private static func item(_ question: Question, identifier: String) -> XMLTree {
        let points = question.points
        var declarations: [XMLTree] = []
        var interaction: XMLTree
        var scoreRule: [XMLTree]
        var feedback: [XMLTree] = []
        let response = XMLTree.el("variable", [("identifier", "RESPONSE")])
        let matchCorrect = XMLTree.el("match", [], [response, .el("correct", [("identifier", "RESPONSE")])])

        switch question.kind {
        case .single(let choices, let answer):
            declarations.append(declaration("single", "identifier", correct: [letter(answer)]))
            interaction = choiceInteraction(choices, maxChoices: 1, shuffle: question.shuffle)
            scoreRule = allOrNothing(matchCorrect, points: points)
            feedback = choiceFeedback(choices)
        case .truefalse(let answer):
            declarations.append(declaration("single", "identifier", correct: [answer ? "TRUE" : "FALSE"]))
            interaction = .el("choiceInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", "false"), ("maxChoices", "1")], [
                .el("simpleChoice", [("identifier", "TRUE")], [.text("True")]),
                .el("simpleChoice", [("identifier", "FALSE")], [.text("False")]),
            ])
            scoreRule = allOrNothing(matchCorrect, points: points)
        case .multiple(let choices, let answers):
            let keys = answers.map(letter)
            var decl = declarationChildren(correct: keys)
            if question.scoring == .partial {
                // quiz's partial credit: right picks less wrong picks, over the keys, at least 0.
                let share = points / Double(max(answers.count, 1))
                decl.append(.el("mapping", [("lowerBound", "0"), ("upperBound", number(points)), ("defaultValue", "0")],
                    choices.indices.map { index in
                        .el("mapEntry", [("mapKey", letter(index)), ("mappedValue", number(answers.contains(index) ? share : -share))])
                    }))
                scoreRule = [setScore(.el("mapResponse", [("identifier", "RESPONSE")]))]
            } else {
                scoreRule = allOrNothing(matchCorrect, points: points)
            }
            declarations.append(.el("responseDeclaration", [("identifier", "RESPONSE"), ("cardinality", "multiple"), ("baseType", "identifier")], decl))
            interaction = choiceInteraction(choices, maxChoices: 0, shuffle: question.shuffle)
            feedback = choiceFeedback(choices)
        case .short(let accepted):
            let firstText = accepted.compactMap { if case .text(let t) = $0 { t } else { nil } }.first
            declarations.append(declaration("single", "string", correct: firstText.map { [$0] } ?? []))
            interaction = .el("p", [], [.el("textEntryInteraction", [("responseIdentifier", "RESPONSE")])])
            let tests: [XMLTree] = accepted.map { answer in
                switch answer {
                case .text(let text):
                    .el("stringMatch", [("caseSensitive", "false")], [response, .el("baseValue", [("baseType", "string")], [.text(text)])])
                case .pattern(let pattern):
                    .el("patternMatch", [("pattern", pattern)], [response])
                }
            }
            scoreRule = allOrNothing(tests.count == 1 ? tests[0] : .el("or", [], tests), points: points)
        case .numeric(let answer, let tolerance):
            declarations.append(declaration("single", "float", correct: [number(answer)]))
            interaction = .el("p", [], [.el("textEntryInteraction", [("responseIdentifier", "RESPONSE")])])
            let allowance = number(tolerance.allowance(for: answer))
            scoreRule = allOrNothing(.el("equal", [("toleranceMode", "absolute"), ("tolerance", "\(allowance) \(allowance)")],
                [response, float(answer)]), points: points)
        case .order(let items):
            let ids = items.indices.map { "I\($0 + 1)" }
            declarations.append(declaration("ordered", "identifier", correct: ids))
            // Always shuffled: written in the right order, the items would give the answer away.
            interaction = .el("orderInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", "true")],
                zip(ids, items).map { id, item in .el("simpleChoice", [("identifier", id)], [inline(item.text)]) })
            scoreRule = allOrNothing(matchCorrect, points: points)
        case .match(let pairs):
            let lefts = pairs.indices.map { "L\($0 + 1)" }
            let rights = pairs.indices.map { "R\($0 + 1)" }
            let correct = zip(lefts, rights).map { "\($0) \($1)" }
            var decl = declarationChildren(correct: correct)
            if question.scoring == .partial {
                let share = points / Double(max(pairs.count, 1))
                decl.append(.el("mapping", [("lowerBound", "0"), ("defaultValue", "0")],
                    correct.map { .el("mapEntry", [("mapKey", $0), ("mappedValue", number(share))]) }))
                scoreRule = [setScore(.el("mapResponse", [("identifier", "RESPONSE")]))]
            } else {
                scoreRule = allOrNothing(matchCorrect, points: points)
            }
            declarations.append(.el("responseDeclaration", [("identifier", "RESPONSE"), ("cardinality", "multiple"), ("baseType", "directedPair")], decl))
            interaction = .el("matchInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", question.shuffle ? "true" : "false"),
                                                   ("maxAssociations", String(pairs.count))], [
                .el("simpleMatchSet", [], zip(lefts, pairs).map { id, pair in
                    .el("simpleAssociableChoice", [("identifier", id), ("matchMax", "1")], [inline(pair.left)]) }),
                .el("simpleMatchSet", [], zip(rights, pairs).map { id, pair in
                    .el("simpleAssociableChoice", [("identifier", id), ("matchMax", "1")], [inline(pair.right)]) }),
            ])
        }

        if let explanation = question.explanation {
            feedback.append(.el("modalFeedback", [("outcomeIdentifier", "FEEDBACK"), ("identifier", "EXPLANATION"), ("showHide", "show")],
                [flow(explanation)]))
        }
        var processing = scoreRule
        let choiceFeedbackShown = question.kind.choices.contains { $0.feedback != nil }
        var shown: [XMLTree] = []
        if choiceFeedbackShown { shown.append(response) }
        if question.explanation != nil { shown.append(.el("baseValue", [("baseType", "identifier")], [.text("EXPLANATION")])) }
        if !shown.isEmpty {
            processing.append(.el("setOutcomeValue", [("identifier", "FEEDBACK")], [.el("multiple", [], shown)]))
        }

        let outcomes: [XMLTree] = [
            .el("outcomeDeclaration", [("identifier", "SCORE"), ("cardinality", "single"), ("baseType", "float")],
                [.el("defaultValue", [], [.el("value", [], [.text("0")])])]),
            .el("outcomeDeclaration", [("identifier", "MAXSCORE"), ("cardinality", "single"), ("baseType", "float")],
                [.el("defaultValue", [], [.el("value", [], [.text(number(points))])])]),
            .el("outcomeDeclaration", [("identifier", "FEEDBACK"), ("cardinality", "multiple"), ("baseType", "identifier")]),
        ]
        return .el("assessmentItem", [
            ("xmlns", namespace), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", schemaLocation), ("identifier", identifier), ("title", question.id),
            ("adaptive", "false"), ("timeDependent", "false"),
        ], declarations + outcomes + [
            .el("itemBody", [], [.el("div", [], [flow(question.prompt)]), interaction]),
            .el("responseProcessing", [], processing),
        ] + feedback)
    }

    private static func declarationChildren(correct: [String]) -> [XMLTree] {
        correct.isEmpty ? [] : [.el("correctResponse", [], correct.map { .el("value", [], [.text($0)]) })]
    }

    private static func declaration(_ cardinality: String, _ baseType: String, correct: [String]) -> XMLTree {
        .el("responseDeclaration", [("identifier", "RESPONSE"), ("cardinality", cardinality), ("baseType", baseType)],
            declarationChildren(correct: correct))
    }

    private static func setScore(_ expression: XMLTree) -> XMLTree {
        .el("setOutcomeValue", [("identifier", "SCORE")], [expression])
    }

    /// All the points when `condition` holds, else none.
    private static func allOrNothing(_ condition: XMLTree, points: Double) -> [XMLTree] {
        [.el("responseCondition", [], [
            .el("responseIf", [], [condition, setScore(float(points))]),
            .el("responseElse", [], [setScore(float(0))]),
        ])]
    }

    private static func choiceInteraction(_ choices: [Choice], maxChoices: Int, shuffle: Bool) -> XMLTree {
        .el("choiceInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", shuffle ? "true" : "false"), ("maxChoices", String(maxChoices))],
            choices.indices.map { index in .el("simpleChoice", [("identifier", letter(index))], [flow(choices[index].text)]) })
    }

    private static func choiceFeedback(_ choices: [Choice]) -> [XMLTree] {
        choices.indices.compactMap { index in
            choices[index].feedback.map { text in
                .el("modalFeedback", [("outcomeIdentifier", "FEEDBACK"), ("identifier", letter(index)), ("showHide", "show")], [flow(text)])
            }
        }
    }
}
