import QuizRecords

extension StoreError {
    /// One line that names the store (or the attempt) and what to do, in the command line's terms.
    var message: String {
        switch self {
        case .newerVersion(let location):
            "\(location) was written by a newer version of quiz; upgrade quiz or use another --store"
        case .corrupt(let location):
            "\(location) is not a quiz store (or is damaged); move it away or pass --store"
        case .unwritable(let location, let reason):
            "\(location) cannot be written (\(reason)); check its permissions or pass --store"
        case .notFound(let prefix):
            "no attempt has an id starting with \"\(prefix)\"; run `quiz history` to list attempts"
        case .ambiguous(let prefix, let candidates):
            "\"\(prefix)\" matches \(candidates.count) attempts (\(candidates.prefix(5).joined(separator: ", "))"
                + "\(candidates.count > 5 ? ", …" : "")); give more characters of the id"
        case .badLocation(let location, let reason):
            "\(location) is not a store name quiz can read (\(reason)); "
                + "write postgresql://USER@HOST[:PORT]/DB, or a file path"
        case .notBuilt(let location):
            "\(location) is a PostgreSQL store, and this quiz was built without PostgreSQL; "
                + "build it with `swift build --traits PostgreSQL`, or pass a file path as --store"
        case .unreachable(let location, let reason):
            "cannot reach \(location) (\(reason)); check that the server is up and the host and port are right; "
                + "every answer already given is kept there, and `quiz resume` continues once it is back"
        case .accessDenied(let location, let reason):
            "\(location) refused the connection (\(reason)); check the user name and the password "
                + "(in PGPASSWORD or ~/.pgpass, never in the URL you share)"
        case .needsTeacher(let location):
            "reading every learner's attempts in \(location) needs the quiz_teacher role; "
                + "this role sees only its own attempts (quiz history, quiz report)"
        case .idTaken(let id):
            "a new attempt's id \(id) is already taken; run the command again"
        case .failed(let location, let reason):
            "\(location): \(reason); try again, or pass --store to use another file"
        }
    }
}
