import QuizYAML

extension Node {
    /// The node at a slash-separated path, for tests: a number indexes a
    /// sequence, a word picks the value of the first pair with that key in a
    /// mapping, and `@word` picks that key node itself. `""` is this node.
    func at(_ path: String) -> Node? {
        var node = self
        for step in path.split(separator: "/").map(String.init) {
            switch node.content {
            case .sequence(let items):
                guard let index = Int(step), items.indices.contains(index) else { return nil }
                node = items[index]
            case .mapping(let pairs):
                let wantsKey = step.hasPrefix("@")
                let name = wantsKey ? String(step.dropFirst()) : step
                guard let pair = pairs.first(where: { $0.key.scalar?.value == name }) else { return nil }
                node = wantsKey ? pair.key : pair.value
            case .scalar:
                return nil
            }
        }
        return node
    }
}
