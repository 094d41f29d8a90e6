import QuizYAML
import Testing

/// The node store read directly, as the bank loader reads it: children by index, scalars
/// compared as bytes, and the same content and places as the `Node` tree made from it.
struct DocumentTests {
    static func document(_ yaml: String) throws -> YAMLDocument {
        try #require(try YAMLParser.document(Array(yaml.utf8)))
    }

    @Test func mappingsKeepPairsInOrderWithDuplicatesAndTheirPlaces() throws {
        let doc = try Self.document("a: 1\nbb: [x, y]\na: {c: 'é'}\n")
        let root = doc.root
        #expect(doc.kind(root) == .mapping)
        #expect(doc.count(root) == 3)
        let pairs = Array(doc.pairs(root))
        #expect(pairs.map { doc.string($0.key) } == ["a", "bb", "a"])
        #expect(pairs.map { doc.start($0.key) } == [Mark(line: 1, column: 1), Mark(line: 2, column: 1), Mark(line: 3, column: 1)])
        #expect(doc.kind(pairs[1].value) == .sequence)
        #expect(doc.items(pairs[1].value).map { doc.string($0) } == ["x", "y"])
        #expect(doc.start(pairs[1].value) == Mark(line: 2, column: 5))
        let inner = try #require(Array(doc.pairs(pairs[2].value)).first)
        #expect(doc.string(inner.value) == "é")
        #expect(doc.style(inner.value) == .singleQuoted)
        #expect(doc.byteCount(inner.value) == 2)
        #expect(doc.end(pairs[2].value) == Mark(line: 3, column: 12))
    }

    @Test func scalarsCompareAsBytesWithoutAString() throws {
        let doc = try Self.document("[id, ids, '', ~, null, \"null\", [id]]\n")
        let items = Array(doc.items(doc.root))
        #expect(doc.scalarEquals(items[0], "id"))
        #expect(!doc.scalarEquals(items[1], "id"), "a longer key is not the key")
        #expect(doc.scalarEquals(items[2], ""))
        #expect(!doc.scalarEquals(items[6], "id"), "a list is never equal to text")
        #expect(items.map { doc.isNull($0) } == [false, false, false, true, true, false, false])
        #expect(doc.firstByte(items[0]) == UInt8(ascii: "i"))
        #expect(doc.firstByte(items[2]) == nil)
        #expect(items.map { doc.kindDescription($0) } == ["a scalar", "a scalar", "a scalar", "empty", "empty", "a scalar", "a list"])
    }

    @Test func anAliasIsACopyAtItsOwnPlaceWithTheAnchorsInsidePlaces() throws {
        let doc = try Self.document("base: &b {x: 1, y: [2, 3]}\ncopy: *b\nafter: end\n")
        let pairs = Array(doc.pairs(doc.root))
        #expect(pairs.map { doc.string($0.key) } == ["base", "copy", "after"], "siblings after a copy are still found")
        let copy = pairs[1].value
        #expect(doc.kind(copy) == .mapping)
        #expect(doc.start(copy) == Mark(line: 2, column: 7))
        let inner = Array(doc.pairs(copy))
        #expect(inner.map { doc.string($0.key) } == ["x", "y"])
        #expect(doc.items(inner[1].value).map { doc.string($0) } == ["2", "3"])
        #expect(doc.start(inner[0].key) == Mark(line: 1, column: 11), "nodes inside a copy keep the anchor's places")
        #expect(doc.string(pairs[2].value) == "end")
    }

    @Test func theTreeMadeFromTheStoreAndBackIsTheSame() throws {
        let yaml = "a: &t !!str 'hi'\nb: *t\nc: [1, {d: \"two\\nlines\"}]\ne: >\n  folded\n  text\n"
        let doc = try Self.document(yaml)
        let tree = doc.node(doc.root)
        #expect(tree == (try YAMLParser.parse(yaml)))
        let again = YAMLDocument(tree)
        #expect(again.node(again.root) == tree)
        #expect(again.node(again.root).description == tree.description, "places and styles survive the round trip")
        #expect(doc.tag(Array(doc.pairs(doc.root))[1].value) == "tag:yaml.org,2002:str")
    }

    @Test func anEmptyFileHasNoDocument() throws {
        #expect(try YAMLParser.document([]) == nil)
        #expect(try YAMLParser.document(Array("# only a comment\n".utf8)) == nil)
    }
}
