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
        case .failed(let location, let reason):
            "\(location): \(reason); try again, or pass --store to use another file"
        }
    }
}
