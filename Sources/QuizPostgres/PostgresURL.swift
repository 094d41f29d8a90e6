import Foundation

/// A `postgresql://` (or `postgres://`) store name, taken apart the way libpq reads a connection URI.
///
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE]`. The user defaults to `$PGUSER`, else
/// `$USER`; the host to `localhost`; the port to 5432; the database to the user's name. Percent-escapes
/// are decoded in every part. This type is compiled into every build, so that even a build without
/// PostgreSQL can name such a store without its password.
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    /// The password written in the URL, if any: see ``resolvedPassword(environment:home:)`` for the others.
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// `sslrootcert=`: the file of CA certificates that `verify-ca` and `verify-full` check the server's
    /// against. Unset, libpq's default `~/.postgresql/root.crt` when it exists, else the system's CAs.
    public var sslRootCert: String?

    /// What `sslmode=` asks for, as libpq names it.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain connection only.
        case disable
        /// TLS when the server offers it, else plain; the certificate is not checked (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked.
        case require
        /// TLS, certificate checked against `sslrootcert` (or the system's CAs), host name not checked.
        case verifyCA = "verify-ca"
        /// TLS, certificate and host name checked.
        case verifyFull = "verify-full"
    }

    /// Why a name is not a PostgreSQL URL this build can use.
    public struct Problem: Error, Equatable, Sendable {
        public let reason: String

        public init(reason: String) {
            self.reason = reason
        }
    }

    /// Whether `name` names a PostgreSQL store (by its scheme; the rest may still be wrong).
    public static func isPostgres(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// Parses `text`; `environment` supplies `PGUSER` / `USER` when the URL names no user.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) {
        guard Self.isPostgres(text), let schemeEnd = text.range(of: "://") else {
            throw Problem(reason: "a PostgreSQL store starts with postgresql://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        var authority = rest
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        }
        var userInfo: Substring?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        var user: String?
        if let userInfo {
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decode(userInfo[..<colon], part: "user name")
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try Self.decode(userInfo, part: "user name")
            }
        }
        var hostText = hostPort
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw Problem(reason: "the host's [ has no closing ]")
            }
            hostText = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw Problem(reason: "unexpected \"\(after)\" after the host")
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            hostText = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        }
        if hostText.contains(",") {
            throw Problem(reason: "several hosts are not supported; name one")
        }
        host = try hostText.isEmpty ? "localhost" : Self.decode(hostText, part: "host")
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw Problem(reason: "the port \"\(portText)\" is not a number from 1 to 65535")
            }
            self.port = port
        } else {
            port = 5432
        }
        let resolvedUser = (user?.isEmpty == false ? user : nil)
            ?? environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
        guard let resolvedUser else {
            throw Problem(reason: "no user name: write it before the host (postgresql://USER@HOST/DB)")
        }
        self.user = resolvedUser
        let db = try Self.decode(path, part: "database name")
        guard !db.contains("/") else { throw Problem(reason: "the database name \"\(db)\" contains a /") }
        database = db.isEmpty ? resolvedUser : db
        sslMode = .prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0], part: "parameter")
            let value = try parts.count > 1 ? Self.decode(parts[1], part: "parameter") : ""
            switch key {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw Problem(reason: "sslmode=\(value) is not one of "
                        + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sslMode = mode
            case "sslrootcert":
                sslRootCert = value.isEmpty ? nil : value
            case "application_name", "connect_timeout":
                continue
            default:
                throw Problem(reason: "unknown parameter \"\(key)\"; only sslmode and sslrootcert are read")
            }
        }
    }

    /// The URL as messages show it: everything but the password.
    public var redacted: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "postgresql://\(Self.encode(user))@\(hostPart):\(port)/\(Self.encode(database))"
        var parameters: [String] = []
        if sslMode != .prefer { parameters.append("sslmode=\(sslMode.rawValue)") }
        if let sslRootCert { parameters.append("sslrootcert=\(Self.encode(sslRootCert, keeping: "/"))") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// A name as messages may show it: a PostgreSQL URL without its password (or, when it
    /// does not parse, with everything between `://` and `@` removed), anything else as it is.
    public static func redacting(_ name: String) -> String {
        guard isPostgres(name) else { return name }
        if let url = try? PostgresURL(name) { return url.redacted }
        guard let scheme = name.range(of: "://") else { return name }
        let afterScheme = name[scheme.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
        guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return name }
        let userInfo = afterScheme[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return String(name[..<scheme.upperBound]) + user + String(afterScheme[at...])
    }

    /// The password to send: the URL's, else `$PGPASSWORD`, else the first matching line of
    /// `$PGPASSFILE` or `~/.pgpass` (ignored, as libpq does, when group or others may read it).
    public func resolvedPassword(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 home: URL = FileManager.default.homeDirectoryForCurrentUser) -> String? {
        if let password { return password }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".pgpass")
        return PasswordFile(url: file).password(host: host, port: port, database: database, user: user)
    }

    private static func decode(_ part: Substring, part name: String) throws(Problem) -> String {
        guard let decoded = String(part).removingPercentEncoding else {
            throw Problem(reason: "the \(name) has a bad %-escape")
        }
        return decoded
    }

    private static func encode(_ text: String, keeping more: String = "") -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~" + more)
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A libpq password file: lines of `hostname:port:database:username:password`, `*` matching
/// anything, `\:` and `\\` escaping, `#` comments; the first matching line wins.
public struct PasswordFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The password for this connection, or nil when the file is missing, not a plain file,
    /// readable by group or others (libpq ignores such a file), or has no matching line.
    public func password(host: String, port: Int, database: String, user: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue,
              mode & 0o077 == 0,
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        let wanted = [host, String(port), database, user]
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            let fields = Self.fields(of: line)
            guard fields.count >= 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value
            }
            if matches { return fields[4...].joined(separator: ":") }
        }
        return nil
    }

    /// The fields of one line, split at unescaped colons, escapes removed.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
