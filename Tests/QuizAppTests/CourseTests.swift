import Foundation
import QuizApp
import QuizKit
import Testing

@Suite(.timeLimit(.minutes(1))) struct CourseTests {
    @Test("the store named on the command line wins, then QUIZ_STORE, then XDG_DATA_HOME, then ~/.local/share",
          arguments: [
            ("/cli/named.sqlite", ["QUIZ_STORE": "/x/my.sqlite"], "/cli/named.sqlite"),
            (nil, ["QUIZ_STORE": "/x/my.sqlite", "XDG_DATA_HOME": "/xdg"], "/x/my.sqlite"),
            (nil, ["XDG_DATA_HOME": "/xdg"], "/xdg/quiz/quiz.sqlite"),
            (nil, ["QUIZ_STORE": "", "XDG_DATA_HOME": ""], "/home/ann/.local/share/quiz/quiz.sqlite"),
            (nil, [:], "/home/ann/.local/share/quiz/quiz.sqlite"),
          ] as [(String?, [String: String], String)])
    func storeLocation(named: String?, environment: [String: String], expected: String) {
        let home = URL(fileURLWithPath: "/home/ann", isDirectory: true)
        let location = StoreLocation(named: named, environment: environment, home: home)
        #expect(location.url.path == expected)
        #expect(location.cacheFolder.path == URL(fileURLWithPath: expected).deletingLastPathComponent().path + "/cache")
    }

    @Test func aTestIsNamedByBankOrBankSlashTest() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try Course.test("demo", in: fixture.root).1.id == "t")
        #expect(try Course.test("demo/t", in: fixture.root).1.id == "t")
        #expect(throws: UserError.self) { try Course.test("demo/nope", in: fixture.root) }
        do {
            _ = try Course.test("nope", in: fixture.root)
            Issue.record("an unknown bank was accepted")
        } catch {
            #expect(error.message.hasSuffix("; tests here: demo/t"))
        }
    }

    @Test func lookupsSuggestWhatExists() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        do {
            _ = try Lookup.lesson("dem", in: fixture.root)
            Issue.record("an unknown lesson was accepted")
        } catch {
            #expect(error.message.hasSuffix("did you mean demo?"))
        }
        #expect(try Lookup.sectionIndex("2", in: fixture.root.lessons[0]) == 1)
        #expect(try Lookup.section("beta", in: fixture.root).1.id == "beta")
    }

    @Test func theStudyPlanEndsWithThePracticeTestAndCountsItsMinutes() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let plan = StudyPlan(lesson: fixture.root.lessons[0], root: fixture.root)
        #expect(plan.testReference == "demo")
        #expect(plan.parts == 3)
        let all = Set(plan.lesson.sections.map(\.id))
        #expect(plan.minutesLeft(done: all, testDone: true) == 0)
        #expect(plan.minutesLeft(done: all, testDone: false) > 0)
    }

    @Test func aCleanBankIsUsable() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, _) = try fixture.bankAndTest()
        let (root, errors) = fixture.course.sessionRoot(cacheFolder: fixture.folder.appendingPathComponent("cache"))
        #expect(errors.isEmpty)
        #expect(root.bank("demo") != nil)
        try fixture.course.requireUsable(bank, filesWithErrors: errors)
    }
}
