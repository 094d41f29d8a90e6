/// A command a learner can type instead of an answer. A line that is exactly a command word is the command;
/// `back` is another word for `prev`, since it is the one people try first.
///
/// `goto` alone is `goto(nil)`: still the command, so it is never taken as a short answer.
enum SessionCommand: Equatable {
    case help, skip, prev, next, goto(Int?), flag, list, time, hint, submit, quit

    init?(_ line: String) {
        let words = line.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        if words.count == 2, first == "goto", let n = Int(words[1]) {
            self = .goto(n)
            return
        }
        if words.count == 2, first == "goto", words[1].allSatisfy({ $0.isASCII && $0.isNumber }) {
            self = .goto(Int.max)  // a number too large for any test: the session says there is no such question
            return
        }
        guard words.count == 1 else { return nil }
        switch first {
        case "goto": self = .goto(nil)
        case "help", "?": self = .help
        case "skip": self = .skip
        case "prev", "back": self = .prev
        case "next": self = .next
        case "flag": self = .flag
        case "list": self = .list
        case "time": self = .time
        case "hint": self = .hint
        case "submit": self = .submit
        case "quit": self = .quit
        default: return nil
        }
    }
}
