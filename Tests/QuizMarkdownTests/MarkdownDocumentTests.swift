import Testing
import QuizMarkdown

struct MarkdownDocumentTests {
    /// cmark-gfm ends a list (and its last item) at column 0 of the line after it.
    @Test func aTreeDumpShowsEveryNodeWithItsPlace() {
        let markdown = "# Title\n\nSome *em* and `code`.\n\n- 你好 **x**\n\n| a |\n|---|\n| b |\n"
        #expect(MarkdownDocument(markdown).dump == """
            document 1:1-9:5
              heading(level: 1) 1:1-1:7
                text("Title") 1:3-1:7
              paragraph 3:1-3:21
                text("Some ") 3:1-3:5
                emphasis 3:6-3:9
                  text("em") 3:7-3:8
                text(" and ") 3:10-3:14
                code("code") 3:16-3:19
                text(".") 3:21-3:21
              bulletList(tight: true) 5:1-6:0
                item 5:1-6:0
                  paragraph 5:3-5:10
                    text("你好 ") 5:3-5:5
                    strong 5:6-5:10
                      text("x") 5:8-5:8
              table(alignments: [QuizMarkdown.MarkdownNode.TableAlignment.none]) 7:1-9:5
                tableRow(isHeader: true) 7:1-7:5
                  tableCell 7:2-7:4
                    text("a") 7:3-7:3
                tableRow(isHeader: false) 9:1-9:5
                  tableCell 9:2-9:4
                    text("b") 9:3-9:3
            """)
    }

    @Test func plainTextDropsMarkersAndHTML() {
        #expect(MarkdownDocument.plainText(inline: "**Bold** <kbd>Ctrl</kbd> [link](x) `a_b` &amp;") == "Bold Ctrl link a_b &")
    }

    @Test func tenThousandNestedQuotesOrItemsParseWithoutOverflow() {
        for marker in ["> ", "- ", "1. "] {
            let document = MarkdownDocument(String(repeating: marker, count: 10_000) + "deep")
            #expect(document.nodes.count > 10_000)
            let column = marker.count * 10_000 + 1
            #expect(document.nodes.last == MarkdownNode(kind: .text("deep"), range: SourceRange(startLine: 1, startColumn: column, endLine: 1, endColumn: column + 3)))
            #expect(XHTMLRenderer.render(document).contains("deep"))
        }
    }
}
