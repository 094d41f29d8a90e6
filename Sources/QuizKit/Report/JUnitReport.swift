/// A score report as JUnit XML, for CI dashboards that chart test results.
///
/// One `testsuite` per section (named by its title), in the report's order,
/// and one `testcase` per question: `classname` is `bank/test`, `name` is
/// `[position] id`, `time` the seconds spent on it. A question not answered
/// fully right fails: `type` is `wrong`, `partial` or `unanswered`, the
/// `message` holds the right answer as the learner was shown it, and the
/// body adds the prompt, the answer given, the points and the explanation.
/// A flagged question carries a `<system-out>` saying so. Suite times add up
/// their questions'; the root's is the attempt's elapsed time.
public enum JUnitReport {
    public static func render(_ report: AttemptReport) -> String {
        let failures = report.questions.filter { $0.correct != true }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(Markup.attribute(report.attempt.title))\" tests=\"\(report.questions.count)\""
        xml += " failures=\"\(failures)\" time=\"\(Figures.plain(report.attempt.elapsedS))\">\n"
        for section in report.sections {
            let indices = report.questions.indices.filter {
                report.questions[$0].section == section.id && title(report, $0) == section.title
            }
            xml += suite(report, section, indices)
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func suite(_ report: AttemptReport, _ section: AttemptReport.SectionScore, _ indices: [Int]) -> String {
        let questions = indices.map { report.questions[$0] }
        let time = questions.reduce(0) { $0 + AttemptReport.value($1.timeS) }
        var xml = "  <testsuite name=\"\(Markup.attribute(section.title))\" tests=\"\(questions.count)\""
        xml += " failures=\"\(questions.filter { $0.correct != true }.count)\" time=\"\(Figures.plain(time))\">\n"
        xml += "    <properties>\n"
        xml += property("lesson", section.lesson) + property("section", section.id)
        xml += property("points", Figures.plain(section.points)) + property("max", Figures.plain(section.max))
        xml += "    </properties>\n"
        let classname = Markup.attribute(report.attempt.bank + "/" + report.attempt.test)
        for index in indices {
            let q = report.questions[index]
            let name = Markup.attribute("[\(q.position)] \(q.id)")
            xml += "    <testcase classname=\"\(classname)\" name=\"\(name)\" time=\"\(Figures.plain(q.timeS))\""
            let outcome = failure(report, index)
            if outcome == nil && !q.flagged {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            if let outcome { xml += outcome }
            if q.flagged { xml += "      <system-out>flagged for review by the learner</system-out>\n" }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n"
        return xml
    }

    private static func property(_ name: String, _ value: String) -> String {
        "      <property name=\"\(name)\" value=\"\(Markup.attribute(value))\"/>\n"
    }

    private static func title(_ report: AttemptReport, _ index: Int) -> String {
        report.details.indices.contains(index) ? report.details[index].sectionTitle : report.questions[index].section
    }

    /// The `<failure>` of a question not fully right, or nil.
    private static func failure(_ report: AttemptReport, _ index: Int) -> String? {
        let q = report.questions[index]
        guard q.correct != true else { return nil }
        let detail = report.details.indices.contains(index) ? report.details[index] : nil
        let right = detail?.right ?? CSVReport.text(detail?.rightResponse ?? .null)
        let type: String, message: String
        if q.correct == nil {
            type = "unanswered"
            message = "unanswered; right answer: \(right)"
        } else if AttemptReport.value(q.points) > 0 {
            type = "partial"
            message = "\(Figures.plain(q.points)) of \(Figures.plain(q.max)) points; right answer: \(right)"
        } else {
            type = "wrong"
            message = "wrong; right answer: \(right)"
        }
        var body = "\(detail?.prompt ?? q.id)\n\n"
        body += "Answered: \(detail?.given ?? "(nothing)")\n"
        body += "Right answer: \(right)\n"
        body += "Points: \(Figures.plain(q.points)) of \(Figures.plain(q.max))\n"
        if let explanation = detail?.explanation { body += "Why: \(explanation)\n" }
        body += "Read again: \(q.review)\n"
        return "      <failure type=\"\(type)\" message=\"\(Markup.attribute(message))\">"
            + Markup.text(body) + "</failure>\n"
    }
}
