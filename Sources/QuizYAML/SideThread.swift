import Foundation

/// Work run beside the calling thread on a thread of its own, for reading one large file on two cores.
///
/// Not a Dispatch worker: the caller may itself be one (a root's files are read at once), and a pool
/// whose threads all wait would wait for good. Not Foundation's `Thread` either: its `start()` gives
/// no sign when the thread cannot be made (a process or memory limit), and the caller would wait forever.
enum SideThread {
    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts `body` on a new thread and returns what waits for it to end. When no thread can be
    /// started, `body` runs here and now, and the wait returns at once.
    static func start(_ body: @escaping @Sendable () -> Void) -> () -> Void {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 1 << 20)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, work)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            body()
            return {}
        }
        return { pthread_join(thread, nil) }
    }
}
