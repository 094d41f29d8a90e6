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
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        for variable in ["USER", "LOGNAME"] {
            if let login = environment[variable], !login.isEmpty { return login }
        }
        return nil
    }
}
