#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses an output that is one of the command's inputs (the same file by device and inode, so through
/// links and other spellings too): a report written over the export it checks destroys the export.
public enum OverwriteGuard {
    /// Throws when `output` names an existing regular file that one of `inputs` names as well; `-` among
    /// the inputs is standard input, which may be redirected from that file.
    public static func check(output: String?, inputs: [String?], what: String) throws {
        guard let output, output != "-", let target = identity(path: output) else { return }
        for case let input? in inputs {
            let source = input == "-" ? identity(descriptor: STDIN_FILENO) : identity(path: input)
            if let source, source == target {
                let name = input == "-" ? "standard input" : TerminalText.path(input)
                throw InputError("\(TerminalText.path(output)): refusing to write the \(what) over an input of this command (\(name)); choose another output path")
            }
        }
    }

    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    private static func identity(path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return identity(info)
    }

    private static func identity(descriptor: Int32) -> Identity? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return identity(info)
    }

    /// Only regular files: devices such as /dev/null can be input and output alike without harm.
    private static func identity(_ info: stat) -> Identity? {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
