import Foundation
import Testing
@testable import QuizKit

struct CanonicalCase: Sendable, CustomTestStringConvertible {
    var question: Question
    var response: Response
    var canonical: String

    var testDescription: String { "\(question.type.rawValue) \(canonical)" }
}

struct ResponseTests {
    static let cases: [CanonicalCase] = [
        CanonicalCase(question: Sample.single(4), response: .single(1), canonical: "B"),
        CanonicalCase(question: Sample.single(8), response: .single(7), canonical: "H"),
        CanonicalCase(question: Sample.multiple(5, answers: [0]), response: .multiple([0, 2]), canonical: "A,C"),
        CanonicalCase(question: Sample.multiple(5, answers: [0]), response: .multiple([4]), canonical: "E"),
        CanonicalCase(question: Sample.truefalse(true), response: .truefalse(true), canonical: "true"),
        CanonicalCase(question: Sample.truefalse(true), response: .truefalse(false), canonical: "false"),
        CanonicalCase(question: Sample.short(.text("x")), response: .short("Last-Event-ID"), canonical: "Last-Event-ID"),
        CanonicalCase(question: Sample.short(.text("x")), response: .short("=skip, then  b"), canonical: "=skip, then  b"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(3.5), canonical: "3.5"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(3), canonical: "3"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(-2.25), canonical: "-2.25"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(0.1 + 0.2), canonical: "0.30000000000000004"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(1e-5), canonical: "1e-05"),
        CanonicalCase(question: Sample.numeric(1), response: .numeric(2e20), canonical: "2e+20"),
        CanonicalCase(question: Sample.order(4), response: .order([2, 0, 1, 3]), canonical: "3 1 2 4"),
        CanonicalCase(question: Sample.order(10), response: .order([9, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
                      canonical: "10 1 2 3 4 5 6 7 8 9"),
        CanonicalCase(question: Sample.match(3), response: .match([1, 0, 2]), canonical: "1B 2A 3C"),
        CanonicalCase(question: Sample.match(3), response: .match([2, 2, 2]), canonical: "1C 2C 3C"),
    ]

    @Test("canonical form and back", arguments: cases)
    func roundTrip(_ c: CanonicalCase) {
        #expect(c.response.canonical == c.canonical)
        #expect(Response(canonical: c.canonical, for: c.question) == c.response)
        #expect(c.response.type == c.question.type)
    }

    @Test("canonical forms that do not fit the question read as nil", arguments: [
        (Sample.single(4), "E"), (Sample.single(4), "A,B"), (Sample.multiple(3, answers: [0]), "A,D"),
        (Sample.truefalse(true), "yes"), (Sample.numeric(1), "three"), (Sample.order(3), "1 2"),
        (Sample.order(3), "1 2 3 4"), (Sample.match(2), "1A 2A 3A"), (Sample.match(2), "1C 2A"),
    ])
    func misfits(_ question: Question, _ canonical: String) {
        #expect(Response(canonical: canonical, for: question) == nil)
    }

    @Test("multiple is written sorted, whatever order it was built in")
    func multipleSorted() {
        #expect(Response.multiple([3, 0]).canonical == "A,D")
    }

    @Test("a response survives JSON", arguments: cases.map(\.response))
    func codable(_ response: Response) throws {
        let data = try JSONEncoder().encode(response)
        #expect(try JSONDecoder().decode(Response.self, from: data) == response)
    }
}
