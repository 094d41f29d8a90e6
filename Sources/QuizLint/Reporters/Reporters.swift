/// The lint output formats, looked up by the name `quiz lint --format` takes.
///
/// The order is the one the command's help lists them in, `text` (the default) first.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        GitHubReporter.self,
        JUnitReporter.self,
    ]

    /// The reporter whose `name` is exactly `name`, or nil for an unknown format.
    public static func named(_ name: String) -> (any Reporter.Type)? {
        all.first { $0.name == name }
    }
}
