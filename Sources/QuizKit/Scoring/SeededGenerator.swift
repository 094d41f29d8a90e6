/// A random number generator that replays exactly from a recorded seed.
///
/// It is SplitMix64 (Steele, Lea & Flood, 2014): the same seed gives the same
/// stream on every platform and toolchain, which is what lets an attempt be
/// replayed with `--seed`. The standard library's `SystemRandomNumberGenerator`
/// cannot be seeded, and its `shuffled(using:)` and `random(in:using:)` are free
/// to change how they consume a generator, so shuffles here go through
/// `reproduciblyShuffled(using:)` and `nextIndex(below:)` instead.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Codable {
    /// The whole state: it advances by a fixed odd constant on every draw.
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniformly drawn index in `0..<bound`, by a fixed algorithm.
    ///
    /// Lemire's multiply-and-reject method, written out here so the numbers
    /// drawn for a seed never depend on the standard library's version.
    /// `bound` must be positive.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}

extension Array {
    /// The elements in a random order drawn from `generator` by Fisher–Yates.
    ///
    /// Unlike the standard library's `shuffled(using:)`, the order for a given
    /// generator state is fixed by this code: from the last position down, each
    /// element swaps with one drawn by `nextIndex(below:)` at or before it.
    public func reproduciblyShuffled<G: RandomNumberGenerator>(using generator: inout G) -> [Element] {
        var result = self
        // In place on the buffer: the same swaps without a uniqueness check each (a pool of 100,000 questions).
        result.withUnsafeMutableBufferPointer { buffer in
            var i = buffer.count - 1
            while i > 0 {
                let j = generator.nextIndex(below: i + 1)
                buffer.swapAt(i, j)
                i -= 1
            }
        }
        return result
    }
}
