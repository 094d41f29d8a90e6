/// A problem the learner or author can fix, worded for them: one line naming
/// what was asked for, what exists, and what to do. `code` is the exit status
/// the command line gives it.
public struct UserError: Error, Equatable, Sendable {
    public var message: String
    public var code: Int32

    public init(_ message: String, code: Int32 = 2) {
        self.message = message
        self.code = code
    }
}
