/// A `quiz` command line to show a learner as a next step, written so that pasting it
/// into the same shell does what it says: it carries the `--root` and `--store` the
/// current command was given (nothing when they were left to their defaults), and
/// every word that the shell would split or expand is single-quoted.
public struct CommandHint: Sendable, Equatable {
    /// `--root` as the learner typed it; nil when the root was found from the current folder.
    public var root: String?
    /// `--store` as the learner typed it; nil when the store came from the environment or the default place.
    public var store: String?

    public init(root: String? = nil, store: String? = nil) {
        self.root = root
        self.store = store
    }

    /// `quiz` and `words`, then the options in effect, e.g. `quiz resume 3f2a --store '/tmp/my store.sqlite'`.
    public func command(_ words: String...) -> String {
        command(words)
    }

    public func command(_ words: [String]) -> String {
        var all = ["quiz"] + words
        if let root, !root.isEmpty { all += ["--root", root] }
        if let store, !store.isEmpty { all += ["--store", store] }
        return all.map(Self.quoted).joined(separator: " ")
    }

    /// `word` as a POSIX shell reads it back: unchanged when it holds only characters no shell
    /// treats specially, else in single quotes (a quote inside written `'\''`).
    public static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || "-_./:=@%+,#".unicodeScalars.contains(scalar)
        }
        if plain && !word.hasPrefix("#") && !word.hasPrefix("=") { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
