/// TXT004: look-alike letters of another script inside a word. (Invisible characters are TXT007's.)
///
/// Mixed scripts are judged per word (a maximal run of letters and marks) among Latin, Greek and Cyrillic,
/// the scripts whose letters are confusable: 'Dmіtri' with a Cyrillic 'і' is reported, 'Ivan Петров' (one
/// script per word), 'Дмитрий' or 'Αλέξανδρος' are not, nor are Japanese words mixing Han and kana. The
/// look-alike replacement comes from ICU's confusables data (uspoof skeletons): a minority-script letter is
/// replaced by the dominant-script letter with the same skeleton, same case preferred.
enum Confusables {
    static let latin: Int32 = 25, greek: Int32 = 14, cyrillic: Int32 = 8

    private static func scriptName(_ code: Int32) -> String {
        switch code {
        case latin: "Latin"
        case greek: "Greek"
        case cyrillic: "Cyrillic"
        default: ICUBridge.scriptName(code)
        }
    }

    /// Script of a letter, with ICU consulted only beyond Latin-1 and Latin Extended.
    @inline(__always)
    static func script(_ s: Unicode.Scalar) -> Int32 {
        let v = s.value
        if v < 0x250 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v >= 0xC0 ? latin : 0 }
        return ICUBridge.script(of: s)
    }

    /// For each confusable script: skeleton → letters of that script with that skeleton.
    private static let targets: [Int32: [String: [Unicode.Scalar]]] = {
        func build(_ ranges: [ClosedRange<UInt32>]) -> [String: [Unicode.Scalar]] {
            var map: [String: [Unicode.Scalar]] = [:]
            for range in ranges {
                for v in range {
                    guard let s = Unicode.Scalar(v), s.properties.isAlphabetic,
                          let skeleton = ICUBridge.skeleton(String(Character(s))) else { continue }
                    map[skeleton, default: []].append(s)
                }
            }
            return map
        }
        return [latin: build([0x41...0x5A, 0x61...0x7A]),
                cyrillic: build([0x400...0x45F]),
                greek: build([0x391...0x3A9, 0x3B1...0x3C9])]
    }()

    private static func lookalike(_ s: Unicode.Scalar, in script: Int32) -> Unicode.Scalar? {
        guard let skeleton = ICUBridge.skeleton(String(Character(s))),
              let candidates = targets[script]?[skeleton], !candidates.isEmpty else { return nil }
        let upper = s.properties.isUppercase
        return candidates.first { $0.properties.isUppercase == upper } ?? candidates.first
    }

    static func hex(_ s: Unicode.Scalar) -> String {
        let h = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// The caller saw letters of at least two of Latin, Greek, Cyrillic.
    static func check(_ value: String) -> ValueFinding? {
        let scalars = Array(value.unicodeScalars)
        var problems: [String] = []
        var substitutions: [Int: Unicode.Scalar] = [:]
        var fixable = true

        // Mixed scripts inside one word.
        var i = 0
        let n = scalars.count
        while i < n {
            guard scalars[i].properties.isAlphabetic else { i += 1; continue }
            var j = i
            var counts: [Int32: Int] = [:]
            var letterScripts: [(Int, Int32)] = []
            while j < n {
                let s = scalars[j]
                let category = s.properties.generalCategory
                if s.properties.isAlphabetic {
                    let sc = script(s)
                    if sc == latin || sc == greek || sc == cyrillic {
                        counts[sc, default: 0] += 1
                        letterScripts.append((j, sc))
                    }
                } else if category != .nonspacingMark && category != .spacingMark && category != .enclosingMark {
                    break
                }
                j += 1
            }
            if counts.count >= 2 {
                let order: [Int32] = [latin, cyrillic, greek]
                let dominant = order.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) || (counts[$0] ?? 0) == (counts[$1] ?? 0) && order.firstIndex(of: $0)! > order.firstIndex(of: $1)! }!
                // Reported only when some foreign letter is a look-alike ('Dmіtri'); a deliberate mix such
                // as 'Ωmega' is not a spoofing risk.
                var wordProblems: [String] = []
                var wordSubstitutions: [Int: Unicode.Scalar] = [:]
                var wordFixable = true
                for (index, sc) in letterScripts where sc != dominant {
                    let s = scalars[index]
                    if let target = lookalike(s, in: dominant) {
                        wordSubstitutions[index] = target
                        wordProblems.append("\(scriptName(sc)) '\(Character(s))' (\(hex(s))) that looks like \(scriptName(dominant)) '\(Character(target))'")
                    } else {
                        wordFixable = false
                        wordProblems.append("\(scriptName(sc)) '\(Character(s))' (\(hex(s))) inside a \(scriptName(dominant)) word")
                    }
                }
                if !wordSubstitutions.isEmpty {
                    problems += wordProblems
                    substitutions.merge(wordSubstitutions) { a, _ in a }
                    if !wordFixable { fixable = false }
                }
            }
            i = j
        }

        guard !problems.isEmpty else { return nil }
        var fix: Fix?
        if fixable {
            var out = String.UnicodeScalarView()
            for (k, s) in scalars.enumerated() { out.append(substitutions[k] ?? s) }
            let replacement = String(out)
            fix = Fix(.unsafe, "Replace the look-alike characters: '\(replacement)'", replacement: replacement)
        }
        return ValueFinding(.confusableCharacters, "'\(value)' has \(problems.joined(separator: "; "))", fix: fix)
    }
}
