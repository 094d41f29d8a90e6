import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The login name of the account running quiz, recorded as the learner of every attempt it starts.
///
/// The password database (`getpwuid(getuid())`) is asked first, since `$USER`
/// is whatever the environment says and is often unset in containers and CI;
/// `$USER`, then `$LOGNAME`, stand in when the account has no entry there.
public enum LoginName {
    /// The name, or nil when neither the password database nor the environment has one.
    public static func current(environment: [String: String]) -> String? {
        current { environment[$0] }
    }

    /// The name, from this process's environment when the password database has none.
    public static func current() -> String? {
        current { getenv($0).map { String(cString: $0) } }
    }

    private static func current(variable: (String) -> String?) -> String? {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        for name in ["USER", "LOGNAME"] {
            if let login = variable(name), !login.isEmpty { return login }
        }
        return nil
    }
}
