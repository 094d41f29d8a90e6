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
    /// The store's name is not a form this build reads (a malformed `postgresql://` URL).
    case badLocation(location: String, reason: String)
    /// The store is on a database server and this build was made without support for it.
    case notBuilt(location: String)
    /// The database server cannot be reached, or the connection to it was lost.
    case unreachable(location: String, reason: String)
    /// The database server refused the user: wrong password, unknown role, no password given.
    case accessDenied(location: String, reason: String)
    /// A read of every learner's attempts (class reports, item analysis) by a role that may
    /// read only its own: on a database server, teachers are members of `quiz_teacher`.
    case needsTeacher(location: String)
    /// A new attempt's id is already in the store (ids are random; the caller draws another).
    case idTaken(id: String)
    /// Any other failure, in the database's own words.
    case failed(location: String, reason: String)
}
