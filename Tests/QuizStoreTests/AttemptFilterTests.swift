import Foundation
import QuizRecords
import QuizStore
import StoreContract
import Testing

/// The store's queries keep exactly the attempts `AttemptFilter.matches` keeps: the
/// agreement every implementation of `AttemptStore` owes the commands.
@Suite struct AttemptFilterTests {
    @Test(arguments: StoreContract.filters)
    func lookupsAndWalksKeepWhatTheFilterMatches(_ filter: AttemptFilter) throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.keepsWhatTheFilterMatches(try fixture.open(), filter)
    }
}
