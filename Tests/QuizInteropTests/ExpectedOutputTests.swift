import QuizInterop
import QuizKit
import QuizTestSupport
import Testing

private let golden = Golden(besides: #filePath)

/// The schema and a bank of every type as exported, byte for byte, so a change to either shows up
/// as a diff to review (a key added to the vocabulary, a field renamed in `quiz-bank/1`).
@Suite struct ExpectedOutputTests {
    @Test func schema() throws {
        try golden.check(try BankSchema.json(), matches: "bank.schema.json")
    }

    @Test func everyTypeBankAsJSON() throws {
        let bank = try #require(try BankFixture.decode(try BankFixture.text(of: BankFixture.everyTypeFile), stem: "every-type").bank)
        try golden.check(try BankJSON(bank).text(), matches: "every-type.json")
    }

    @Test func everyTypeBankAsGIFT() throws {
        let bank = try #require(try BankFixture.decode(try BankFixture.text(of: BankFixture.everyTypeFile), stem: "every-type").bank)
        try golden.check(GIFTWriter(bank).text, matches: "every-type.gift")
    }
}
