import Testing
import QuizMarkdown

struct TextWrapTests {
    @Test("display width of text", arguments: [
        ("abc", 3), ("你好", 4), ("e\u{301}", 1), ("🚀", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("\t", 0),
    ])
    func displayWidth(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func chineseWrapsAtTheRightColumn() {
        // Each word is 8 columns wide: two fit in 17 columns, not in 16.
        let line = "实时通信 服务器推 送事件流 长轮询法"
        #expect(TextWrap.wrap(line, width: 17) == ["实时通信 服务器推", "送事件流 长轮询法"])
        #expect(TextWrap.wrap(line, width: 16) == ["实时通信", "服务器推", "送事件流", "长轮询法"])
        #expect(TextWrap.wrap(line, width: 17).allSatisfy { DisplayWidth.of($0) <= 17 })
    }

    @Test func emojiWrapAtTheRightColumn() {
        // "🚀🚀 go" is 7 columns: with a 2-column indent it fits 9 columns exactly.
        let line = "🚀🚀 go 🎉🎉 done"
        #expect(TextWrap.wrap(line, width: 9, indent: 2) == ["  🚀🚀 go", "  🎉🎉", "  done"])
        #expect(TextWrap.wrap(line, width: 9) == ["🚀🚀 go", "🎉🎉 done"])
        #expect(TextWrap.wrap(line, width: 8) == ["🚀🚀 go", "🎉🎉", "done"])
    }

    @Test("a session line keeps its indent and hangs past its label", arguments: [
        ("  A) Polling asks the server again and again", 20, "  A) Polling asks\n     the server\n     again and again"),
        ("  12) 你好世界 你好世界", 16, "  12) 你好世界\n      你好世界"),
        ("short", 20, "short"),
        ("Supercalifragilistic word", 5, "Supercalifragilistic\nword"),
    ])
    func sessionLine(line: String, width: Int, expected: String) {
        #expect(TextWrap.wrapLine(line, width: width) == expected)
    }
}
