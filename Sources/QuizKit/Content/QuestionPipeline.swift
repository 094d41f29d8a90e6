import Foundation
import QuizYAML

/// Decodes a bank's questions on a second thread while libyaml is still reading the file.
///
/// The parser hands over each question's nodes as soon as they are complete
/// (`YAMLParser.parse(_:streaming:)`); this pipeline decodes them in file order
/// and lets each question's nodes go right away, so the whole tree of a large
/// bank is never built, and reading and decoding share the machine's cores.
final class QuestionPipeline: @unchecked Sendable {
    private let file: String
    private let lock = NSCondition()
    private var queue: [Node] = []
    /// Decoded items whose nodes wait to be freed by the reading thread.
    private var spentNodes: [Node] = []
    private var finished = false
    private var running = false
    private let done = DispatchSemaphore(value: 0)

    private var defaults = QuestionDefaults()
    /// Whether the top-level pairs before the questions held `defaults`.
    private(set) var sawDefaults = false
    private(set) var count = 0
    private var questions: [Question] = []
    private var findings: [Finding] = []

    /// How many questions wait before the decoder is woken.
    static let batch = 64

    init(file: String) {
        self.file = file
    }

    /// The hooks to give the parser.
    var streaming: ItemStreaming {
        ItemStreaming(key: "questions", begin: { [unowned self] pairs in start(before: pairs) }, item: { [unowned self] in add($0) })
    }

    private func start(before pairs: [Pair]) {
        if let pair = pairs.first(where: { $0.key.scalar?.value == "defaults" }) {
            sawDefaults = true
            defaults = BankDecoder.decodeDefaults(pair.value, NodeReader(file: file))
        }
        running = true
        // A thread of its own, not a dispatch worker: files are loaded on the dispatch workers
        // at once, and a decoder queued behind them would wait until a whole file was read.
        Thread { self.work() }.start()
    }

    private func add(_ node: Node) {
        count += 1
        lock.lock()
        queue.append(node)
        // The decoder is woken once a batch is waiting, not for every question: a wake-up per
        // question cost two context switches each, more than decoding the question, once
        // several files are read at once. `finish()` wakes it for the last, shorter batch.
        if queue.count == Self.batch { lock.signal() }
        var finishedNodes: [Node] = []
        swap(&finishedNodes, &spentNodes)
        lock.unlock()
        // Decoded questions' nodes are freed here, on the thread that allocated them:
        // freeing them on the decoding thread would fight this one for the allocator.
        finishedNodes.removeAll()
    }

    private func work() {
        let reader = NodeReader(file: file)
        var batch: [Node] = []
        while true {
            lock.lock()
            while queue.isEmpty && !finished { lock.wait() }
            swap(&batch, &queue)
            let last = finished && batch.isEmpty
            lock.unlock()
            if last { break }
            for item in batch {
                if let q = QuestionDecoder.decode(item, defaults: defaults, reader: reader) { questions.append(q) }
            }
            lock.lock()
            spentNodes += batch
            lock.unlock()
            batch.removeAll(keepingCapacity: true)
        }
        findings = reader.findings
        done.signal()
    }

    /// Waits for the last question; nil when the parse never reached a questions list.
    func finish() -> (questions: [Question], findings: [Finding], count: Int)? {
        lock.lock()
        finished = true
        lock.signal()
        lock.unlock()
        guard running else { return nil }
        done.wait()
        return (questions, findings, count)
    }
}
