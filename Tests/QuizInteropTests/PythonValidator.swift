import Foundation

/// A real JSON Schema validator: Python's `jsonschema` (draft 2020-12), with banks read by
/// Python's `yaml` module. Tests that need it are skipped when either module is missing.
enum PythonValidator {
    /// Whether `python3` can import both modules.
    static let isAvailable: Bool = (try? run(script: "import jsonschema, yaml", input: Data()).status) == 0

    /// Checks the schema against its meta-schema, then validates each bank file's text; one list of
    /// errors (`path: message`) per bank, empty when it is valid.
    static func errors(schema: String, banks: [String]) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-schema-\(UUID().uuidString).json")
        try schema.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let input = try JSONSerialization.data(withJSONObject: banks)
        let result = try run(script: validation, arguments: [file.path], input: input)
        guard result.status == 0, let lists = try JSONSerialization.jsonObject(with: result.stdout) as? [[String]] else {
            throw Failure(message: String(decoding: result.stderr, as: UTF8.self))
        }
        return lists
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { "the validator failed: \(message)" }
    }

    static let validation = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        out = []
        for text in json.load(sys.stdin):
            bank = json.loads(json.dumps(yaml.safe_load(text), default=str))
            errors = sorted(validator.iter_errors(bank), key=lambda e: [str(p) for p in e.absolute_path])
            out.append(["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors])
        json.dump(out, sys.stdout)
        """

    static func run(script: String, arguments: [String] = [], input: Data) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }
}
