/// A problem with the attempts store that a learner can meet and fix.
///
/// The cases carry what happened and where (`location` is a file path or a
/// store URL without its password), never the words a program shows: the
/// command line says them in its own terms. A store never repairs, migrates
/// down or overwrites data it does not understand: it throws one of these.
public enum StoreError: Error, Equatable, Sendable {
    /// The store holds migrations this build does not know: a newer quiz wrote it.
    case newerVersion(location: String)
    /// The file is not a quiz store, is damaged, or is some other program's database.
    case corrupt(location: String)
    /// The store cannot be created, opened or written.
    case unwritable(location: String, reason: String)
    /// No attempt has an id starting with `prefix`.
    case notFound(prefix: String)
    /// Several attempts have an id starting with `prefix`.
    case ambiguous(prefix: String, candidates: [String])
    /// Any other failure, in the database's own words.
    case failed(location: String, reason: String)
}
