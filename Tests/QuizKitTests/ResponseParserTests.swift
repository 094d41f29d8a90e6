import Testing
@testable import QuizKit

struct ParseCase: Sendable, CustomTestStringConvertible {
    var question: Question
    var shown: Presentation
    var line: String
    var response: Response?
    var message: String?

    var testDescription: String { "\(question.type.rawValue) \"\(line)\"" }
}

private func accepts(_ q: Question, _ line: String, _ r: Response, shown: Presentation? = nil) -> ParseCase {
    ParseCase(question: q, shown: shown ?? .asWritten(for: q), line: line, response: r)
}

private func rejects(_ q: Question, _ line: String, _ message: String) -> ParseCase {
    ParseCase(question: q, shown: .asWritten(for: q), line: line, message: message)
}

struct ResponseParserTests {
    static let single = Sample.single(4)
    static let multiple = Sample.multiple(5, answers: [0])
    static let order = Sample.order(4)
    static let match = Sample.match(3)
    /// Shown as C A D B (single/multiple), items 3 1 4 2 (order), options C A B (match).
    static let reversed = Presentation(choices: [2, 0, 3, 1], items: [2, 0, 3, 1], options: [2, 0, 1])

    static let acceptedCases: [ParseCase] = [
        accepts(single, "b", .single(1)), accepts(single, "  D \n", .single(3)),
        accepts(single, "a", .single(2), shown: reversed), accepts(single, "B", .single(0), shown: reversed),
        accepts(multiple, "a,c", .multiple([0, 2])), accepts(multiple, "a c", .multiple([0, 2])),
        accepts(multiple, "A, C", .multiple([0, 2])), accepts(multiple, "e;b", .multiple([1, 4])),
        accepts(multiple, "c a", .multiple([0, 2])), accepts(multiple, "e", .multiple([4])),
        accepts(Sample.multiple(4, answers: [0]), "a b", .multiple([0, 2]), shown: reversed),
        accepts(Sample.truefalse(true), "t", .truefalse(true)), accepts(Sample.truefalse(true), "TRUE", .truefalse(true)),
        accepts(Sample.truefalse(true), " f ", .truefalse(false)), accepts(Sample.truefalse(true), "False", .truefalse(false)),
        accepts(Sample.short(.text("x")), "  Last-Event-ID  ", .short("Last-Event-ID")),
        accepts(Sample.short(.text("x")), "=skip", .short("skip")), accepts(Sample.short(.text("x")), "= help", .short("help")),
        accepts(Sample.short(.text("x")), "==x", .short("=x")), accepts(Sample.short(.text("x")), "a  b", .short("a  b")),
        accepts(Sample.numeric(1), "3", .numeric(3)), accepts(Sample.numeric(1), "-2.5", .numeric(-2.5)),
        accepts(Sample.numeric(1), "+4", .numeric(4)), accepts(Sample.numeric(1), ".5", .numeric(0.5)),
        accepts(Sample.numeric(1), "5.", .numeric(5)), accepts(Sample.numeric(1), "1e3", .numeric(1000)),
        accepts(Sample.numeric(1), "2.5E-3", .numeric(0.0025)), accepts(Sample.numeric(1), "\u{2212}7", .numeric(-7)),
        accepts(order, "3 1 2 4", .order([2, 0, 1, 3])), accepts(order, "3,1,2,4", .order([2, 0, 1, 3])),
        accepts(order, " 3, 1 ,2  4 ", .order([2, 0, 1, 3])), accepts(order, "3124", .order([2, 0, 1, 3])),
        accepts(order, "1 2 3 4", .order([2, 0, 3, 1]), shown: reversed),
        accepts(Sample.order(10), "10 9 8 7 6 5 4 3 2 1", .order([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])),
        accepts(match, "1B 2A 3C", .match([1, 0, 2])), accepts(match, "1b,2a,3c", .match([1, 0, 2])),
        accepts(match, "3c 1b 2a", .match([1, 0, 2])), accepts(match, "1B2A3C", .match([1, 0, 2])),
        accepts(match, "1 B, 2-A 3:C", .match([1, 0, 2])), accepts(match, "1A 2A 3A", .match([0, 0, 0])),
        accepts(match, "1A 2B 3C", .match([2, 0, 1]), shown: reversed),
    ]

    @Test("every accepted form", arguments: acceptedCases)
    func accepted(_ c: ParseCase) throws {
        #expect(try ResponseParser.parse(c.line, for: c.question, shown: c.shown) == c.response)
    }

    static let orderHelp = "give every number 1–4 once, first step first, e.g. \"2 4 1 3\"."
    static let matchHelp = "pair each of 1–3 with a letter A–C, e.g. \"1B 2A 3C\"."

    static let rejectedCases: [ParseCase] = [
        rejects(single, "", "Answer with one letter from A to D."),
        rejects(single, "e", "\"E\" is not a choice: answer with a letter from A to D."),
        rejects(single, "a b", "Pick only one: answer with one letter from A to D."),
        rejects(single, "2", "Answer with one letter from A to D."),
        rejects(single, "bee", "Answer with one letter from A to D."),
        rejects(multiple, " ", "Answer with one or more letters from A to E, e.g. \"A, C\"."),
        rejects(multiple, "a f", "\"F\" is not a choice: answer with letters from A to E, e.g. \"A, C\"."),
        rejects(multiple, "a c a", "\"A\" is given twice: give each letter once, e.g. \"A, C\"."),
        rejects(multiple, "ac", "Separate the letters with commas or spaces, e.g. \"A, C\"."),
        rejects(multiple, "a 2", "\"2\" is not a letter: answer with letters from A to E, e.g. \"A, C\"."),
        rejects(Sample.multiple(2, answers: [0]), "", "Answer with one or more letters from A to B, e.g. \"A, B\"."),
        rejects(Sample.truefalse(true), "yes", "Answer true or false (t or f)."),
        rejects(Sample.short(.text("x")), "", "Type your answer as text; to answer with a command word such as \"skip\", start with \"=\"."),
        rejects(Sample.short(.text("x")), "=", "Type your answer as text; to answer with a command word such as \"skip\", start with \"=\"."),
        rejects(Sample.numeric(1), "", "Answer with a number, e.g. \"42\", \"-2.5\" or \"0.75\"."),
        rejects(Sample.numeric(1), "1,5", "Use a decimal point, not a comma: \"1.5\"."),
        rejects(Sample.numeric(1), "1,500", "Write the number without commas: \"1500\", or \"1.500\" for a decimal."),
        rejects(Sample.numeric(1), "1,000,000", "Write the number without commas: \"1000000\"."),
        rejects(Sample.numeric(1), "5 ms", "\"5 ms\" is not a number: answer with a number only, e.g. \"42\", \"-2.5\" or \"0.75\"."),
        rejects(Sample.numeric(1), "inf", "\"inf\" is not a number: answer with a number only, e.g. \"42\", \"-2.5\" or \"0.75\"."),
        rejects(Sample.numeric(1), "0x1F", "\"0x1F\" is not a number: answer with a number only, e.g. \"42\", \"-2.5\" or \"0.75\"."),
        rejects(Sample.numeric(1), "1e", "\"1e\" is not a number: answer with a number only, e.g. \"42\", \"-2.5\" or \"0.75\"."),
        rejects(Sample.numeric(1), "1e999", "\"1e999\" is too large: answer with a smaller number."),
        rejects(order, "", "Give every number 1–4 once, first step first, e.g. \"2 4 1 3\"."),
        rejects(order, "2 1 3", "4 is missing: " + orderHelp),
        rejects(order, "2 1", "3 and 4 are missing: " + orderHelp),
        rejects(order, "3", "1, 2 and 4 are missing: " + orderHelp),
        rejects(order, "2 1 3 2", "2 is given twice: " + orderHelp),
        rejects(order, "2 1 3 5", "There is no item 5: " + orderHelp),
        rejects(order, "2 1 3 0", "There is no item 0: " + orderHelp),
        rejects(order, "1 2 3 x", "\"x\" is not a number: " + orderHelp),
        rejects(order, "1 2 3 -4", "\"-4\" is not a number: " + orderHelp),
        rejects(Sample.order(2), "1", "2 is missing: give every number 1–2 once, first step first, e.g. \"2 1\"."),
        rejects(match, "", "Pair each of 1–3 with a letter A–C, e.g. \"1B 2A 3C\"."),
        rejects(match, "1B 2A", "3 is not paired: " + matchHelp),
        rejects(match, "1B", "2 and 3 are not paired: " + matchHelp),
        rejects(match, "1B 2A 1C", "1 is paired twice: " + matchHelp),
        rejects(match, "1B 2A 4C", "There is no item 4: " + matchHelp),
        rejects(match, "1B 2A 3D", "\"D\" is not an option: " + matchHelp),
        rejects(match, "1B 2A C3", "\"C3\" is not a pair: " + matchHelp),
        rejects(match, "1B 2A 3", "\"3\" is not a pair: " + matchHelp),
        rejects(match, "b a c", "\"b\" is not a pair: " + matchHelp),
        rejects(Sample.match(4), "1A", "2, 3 and 4 are not paired: pair each of 1–4 with a letter A–D, e.g. \"1B 2A 3C 4D\"."),
    ]

    @Test("one helpful line for each malformed answer", arguments: rejectedCases)
    func rejected(_ c: ParseCase) {
        #expect(throws: AnswerError(c.message ?? "")) {
            try ResponseParser.parse(c.line, for: c.question, shown: c.shown)
        }
    }

    @Test("a layout that does not fit the question reads as written")
    func layoutMismatch() throws {
        #expect(try ResponseParser.parse("b", for: Self.single, shown: Presentation()) == .single(1))
        #expect(try ResponseParser.parse("2 1 3 4", for: Self.order, shown: Presentation(items: [1, 0])) == .order([1, 0, 2, 3]))
    }
}
