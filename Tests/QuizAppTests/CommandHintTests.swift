import QuizApp
import Testing

@Suite struct CommandHintTests {
    @Test func defaultsAddNothing() {
        #expect(CommandHint().command("resume", "3f2a") == "quiz resume 3f2a")
    }

    @Test func givenRootAndStoreFollowTheCommand() {
        let hint = CommandHint(root: "course", store: "/tmp/a.sqlite")
        #expect(hint.command("study", "demo") == "quiz study demo --root course --store /tmp/a.sqlite")
    }

    @Test(arguments: [
        ("/tmp/my store.sqlite", "'/tmp/my store.sqlite'"),
        ("it's.sqlite", "'it'\\''s.sqlite'"),
        ("$HOME/x", "'$HOME/x'"),
        ("lesson#section", "lesson#section"),
        ("#start", "'#start'"),
        ("", "''"),
    ])
    func wordsTheShellWouldChangeAreQuoted(_ word: String, _ quoted: String) {
        #expect(CommandHint.quoted(word) == quoted)
    }
}
