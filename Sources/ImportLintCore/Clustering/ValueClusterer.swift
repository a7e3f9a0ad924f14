/// Groups spelling variants of organization and department names.
///
/// Stage 1 (key collision): values whose normalized key is equal (case, NFKC, diacritics,
/// punctuation, '&'/'and', country synonyms, legal suffix, abbreviations, word order) or whose
/// space-free form is equal ("VanArsdel"/"Van Arsdel") join.
/// Stage 2 (nearest neighbour): keys with the same words but one, where that word is a typo of
/// the other (`TypoRule`), join; candidates come from hashing every key's words-but-one plus the
/// deletion neighbourhood of the remaining word, so only near-identical keys are ever compared.
/// Stage 3 (acronyms): a single acronym ("HR", "R&D", "I.T.") joins the one multi-word key whose
/// initials it spells ("Human Resources").
/// Afterwards clusters are split where members carry different legal forms (Inc vs GmbH are
/// different legal entities) or match different known names.
public struct ValueClusterer: Sendable {
    private let normalizer = NameNormalizer()
    private let knownNames: [String]
    private let knownSet: Set<String>
    private let known: [NormalizedName]
    private let knownByKey: [String: [Int]]
    private let knownByCompact: [String: [Int]]
    private let knownTrigrams: [UInt64: [Int32]]
    private let mapping: [String: String]

    /// - Parameters:
    ///   - knownNames: names that exist in the target system (4me organizations); may be empty.
    ///   - mapping: reviewed value → canonical spellings; may be empty.
    public init(knownNames: [String] = [], mapping: [String: String] = [:]) {
        var seen = Set<String>()
        let names = knownNames.filter { !$0.isEmpty && seen.insert($0).inserted }
        self.knownNames = names
        self.knownSet = seen
        self.mapping = mapping
        let normalizer = NameNormalizer()
        let known = names.map { normalizer.normalize($0) }
        self.known = known
        var byKey: [String: [Int]] = [:], byCompact: [String: [Int]] = [:]
        var trigrams: [UInt64: [Int32]] = [:]
        for (i, n) in known.enumerated() {
            byKey[n.key, default: []].append(i)
            byCompact[n.compact, default: []].append(i)
            for t in Set(Self.trigramHashes(n.compact)) { trigrams[t, default: []].append(Int32(i)) }
        }
        knownByKey = byKey
        knownByCompact = byCompact
        knownTrigrams = trigrams
    }

    // MARK: - Clustering

    private struct Entry {
        var value: String
        var count: Int
        var inData: Bool
        var isKnown: Bool
        var name: NormalizedName
        var mappedTo: Int?   // entry index of the reviewed mapping's target
    }

    /// Clusters the distinct values of one column. Returns clusters with at least two members
    /// from `values`, plus single values whose canonical (known or mapped) name differs from them.
    public func cluster(_ values: [(value: String, count: Int)]) -> [ValueCluster] {
        var names: [String: NormalizedName] = [:]
        return cluster(values, names: &names)
    }

    /// `cluster(_:)`, leaving in `names` the normalized name of every spelling it normalized, for
    /// `differByAppendedCity` to take instead of normalizing the names of the findings again.
    public func cluster(_ values: [(value: String, count: Int)], names: inout [String: NormalizedName]) -> [ValueCluster] {
        // One spelling with no known name or mapping to compare it with forms no cluster; returning here
        // leaves the country and city tables unread when a small file names one organization.
        let first = values.first { !$0.value.isEmpty }?.value
        if knownNames.isEmpty && mapping.isEmpty && values.allSatisfy({ $0.value.isEmpty || $0.value == first }) { return [] }
        // Entries: data values, known names and mapping targets, one per exact spelling.
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        func entry(_ value: String) -> Int {
            if let i = index[value] { return i }
            let name = normalizer.normalize(value)
            names[value] = name
            entries.append(Entry(value: value, count: 0, inData: false, isKnown: false, name: name, mappedTo: nil))
            index[value] = entries.count - 1
            return entries.count - 1
        }
        for (value, count) in values where !value.isEmpty {
            let i = entry(value)
            entries[i].count += count
            entries[i].inData = true
        }
        guard !entries.isEmpty else { return [] }
        // Known names join as entries without occurrences: the same stages that group data
        // values attach them, and components without data are dropped below.
        for name in knownNames { entries[entry(name)].isKnown = true }
        for i in entries.indices where entries[i].inData {
            if let target = mapping[entries[i].value], target != entries[i].value {
                let t = entry(target)
                entries[i].mappedTo = t
            }
        }

        // Key groups.
        var groupOfKey: [String: Int] = [:]
        var groupMembers: [[Int]] = []
        var groupOfEntry = [Int](repeating: -1, count: entries.count)
        for i in entries.indices {
            let key = entries[i].name.key
            guard !key.isEmpty else { continue }
            if let g = groupOfKey[key] {
                groupMembers[g].append(i)
                groupOfEntry[i] = g
            } else {
                groupOfKey[key] = groupMembers.count
                groupOfEntry[i] = groupMembers.count
                groupMembers.append([i])
            }
        }
        let groupCount = groupMembers.count
        var sets = UnionFind(count: groupCount)

        // Stage 1b: space-insensitive collisions (not with digits: "Region 1 2" vs "Region 12").
        var groupOfCompact: [String: Int] = [:]
        for i in entries.indices where groupOfEntry[i] >= 0 {
            let compact = entries[i].name.compact
            if compact.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { continue }
            if let g = groupOfCompact[compact] { sets.union(g, groupOfEntry[i]) } else { groupOfCompact[compact] = groupOfEntry[i] }
        }

        // Stage 1c: spellings whose transliteration ("Mueller"), name without a glued legal form
        // ("CONTOSOAG") or name without an appended city ("Widget N.V., Amsterdam") is another
        // spelling's key. The glued form then counts as the value's legal form, so a "CONTOSOAG"
        // next to "Contoso GmbH" is split off again below. A city joins only when it is the one city
        // appended to that name with that legal form: "Acme Inc - Houston" and "Acme Inc (Paris)" are
        // two branches, which must not become spellings of each other through "Acme Inc".
        struct Stem: Hashable { var group: Int; var legalForm: String? }
        var citiesAppended: [Stem: Set<String>] = [:]
        for i in entries.indices where groupOfEntry[i] >= 0 {
            let name = entries[i].name
            if let key = name.branchStemKey, let g = groupOfKey[key], let city = name.tokens.last {
                citiesAppended[Stem(group: g, legalForm: name.legalForm), default: []].insert(city)
            }
        }
        for i in entries.indices where groupOfEntry[i] >= 0 {
            let name = entries[i].name
            if let key = name.transliteratedKey, let g = groupOfKey[key] { sets.union(g, groupOfEntry[i]) }
            if let key = name.branchStemKey, let g = groupOfKey[key], citiesAppended[Stem(group: g, legalForm: name.legalForm)]?.count == 1 {
                sets.union(g, groupOfEntry[i])
            }
            if let key = name.gluedStemKey, let g = groupOfKey[key], g != groupOfEntry[i] {
                sets.union(g, groupOfEntry[i])
                entries[i].name.legalForm = name.gluedForm
            }
        }

        // Stage 2: typo neighbours.
        let groupTokens = groupMembers.map { entries[$0[0]].name.tokens.sorted() }
        mergeTypos(groupTokens, &sets)

        // Stage 3: acronyms.
        mergeAcronyms(groupMembers.map { entries[$0[0]].name.tokens }, &sets)

        // Reviewed mapping.
        for i in entries.indices {
            if let t = entries[i].mappedTo, groupOfEntry[i] >= 0, groupOfEntry[t] >= 0 {
                sets.union(groupOfEntry[i], groupOfEntry[t])
            }
        }

        // Components of entries.
        var components: [Int: [Int]] = [:]
        for i in entries.indices {
            let g = groupOfEntry[i]
            guard g >= 0 else { continue }
            components[sets.find(g), default: []].append(i)
        }

        var clusters: [ValueCluster] = []
        for (_, members) in components {
            let dataCount = members.reduce(0) { $0 + (entries[$1].inData ? 1 : 0) }
            if dataCount == 0 { continue }
            if members.count == 1 { continue }
            for part in split(members, entries) {
                if let c = makeCluster(part, entries) { clusters.append(c) }
            }
        }
        clusters.sort {
            let a = $0.members.reduce(0) { $0 + $1.count }, b = $1.members.reduce(0) { $0 + $1.count }
            return a != b ? a > b : $0.canonical < $1.canonical
        }
        return clusters
    }

    /// Splits a component where legal forms conflict or several known names are present.
    private func split(_ members: [Int], _ entries: [Entry]) -> [[Int]] {
        let mapped = members.filter { entries[$0].mappedTo != nil && members.contains(entries[$0].mappedTo!) }
        let free = members.filter { !mapped.contains($0) }

        // Legal forms: one part per form; members without a form join the heaviest part.
        var byForm: [String: [Int]] = [:]
        var formless: [Int] = []
        for i in free {
            if let f = entries[i].name.legalForm { byForm[f, default: []].append(i) } else { formless.append(i) }
        }
        var parts: [[Int]]
        if byForm.count <= 1 {
            parts = [free]
        } else {
            let weight = { (part: [Int]) in part.reduce(0) { $0 + entries[$1].count + (entries[$1].isKnown ? 1_000_000 : 0) } }
            var sorted = byForm.sorted { weight($0.value) != weight($1.value) ? weight($0.value) > weight($1.value) : $0.key < $1.key }
            if sorted.filter({ $0.value.contains { entries[$0].isKnown } }).count > 1 {
                // 'ACME' beside the known 'ACME GmbH' and 'ACME Inc' may be either: joined to the heavier, it
                // became a safe fix to a pick. It stays out (alone in no cluster; several in their own).
                parts = sorted.map(\.value) + (formless.count > 1 ? [formless] : [])
            } else {
                sorted[0].value += formless
                parts = sorted.map(\.value)
            }
        }

        // Known names: each member goes to the one known name it matches best, if unique.
        var result: [[Int]] = []
        for part in parts {
            let knowns = part.filter { entries[$0].isKnown }
            if knowns.count <= 1 { result.append(part); continue }
            var byKnown: [Int: [Int]] = [:]
            for k in knowns { byKnown[k] = [k] }
            for i in part where !entries[i].isKnown {
                if let k = bestKnown(entries[i].name, among: knowns, entries) { byKnown[k]!.append(i) }
            }
            result.append(contentsOf: byKnown.keys.sorted().map { byKnown[$0]! })
        }
        // Mapped values follow their target.
        for i in mapped {
            let target = entries[i].mappedTo!
            if let p = result.firstIndex(where: { $0.contains(target) }) { result[p].append(i) } else { result.append([i, target]) }
        }
        return result
    }

    private func bestKnown(_ name: NormalizedName, among knowns: [Int], _ entries: [Entry]) -> Int? {
        let sameKey = knowns.filter { entries[$0].name.key == name.key }
        let sameForm = sameKey.filter { entries[$0].name.legalForm == name.legalForm }
        if sameForm.count == 1 { return sameForm[0] }
        if sameKey.count == 1 { return sameKey[0] }
        let target = Array(name.key.unicodeScalars.map(\.value))
        var best: Int?, bestDistance = Int.max, tie = false
        for k in knowns {
            let d = EditDistance.bounded(target, Array(entries[k].name.key.unicodeScalars.map(\.value)), bound: 64)
            if d < bestDistance { bestDistance = d; best = k; tie = false } else if d == bestDistance { tie = true }
        }
        return tie ? nil : best
    }

    private func makeCluster(_ part: [Int], _ entries: [Entry]) -> ValueCluster? {
        let data = part.filter { entries[$0].inData }
        guard !data.isEmpty else { return nil }
        var canonical: Int
        var source: CanonicalSource
        let knowns = part.filter { entries[$0].isKnown }
        let mappedTargets = data.compactMap { i in entries[i].mappedTo.map { (target: $0, count: entries[i].count) } }
        if knowns.count == 1 {
            canonical = knowns[0]; source = .known
        } else if let top = mappedTargets.max(by: { $0.count < $1.count }) {
            canonical = top.target; source = .mapping
        } else {
            let maxCount = data.map { entries[$0].count }.max()!
            let top = data.filter { entries[$0].count == maxCount }
            if top.count == 1 {
                canonical = top[0]; source = .frequency
            } else {
                // nil when only code-point order tells the two apart.
                func better(_ a: Int, than b: Int) -> Bool? {
                    let sa = WellFormedness.score(entries[a].value, hasLegalForm: entries[a].name.legalForm != nil)
                    let sb = WellFormedness.score(entries[b].value, hasLegalForm: entries[b].name.legalForm != nil)
                    if sa != sb { return sa > sb }
                    // "München" over its transliteration "Muenchen": the letters it was written with.
                    if let t = entries[a].name.transliteratedKey, t == entries[b].name.key { return true }
                    if let t = entries[b].name.transliteratedKey, t == entries[a].name.key { return false }
                    // "Zürich" over "Zurich", "São Paulo" over "Sao Paulo": exports and keyboards drop accents,
                    // none adds them, so the spelling with more of them carries more of the name. Only when
                    // accents are all that differ: 'Acme Ѕão Paulo' (a Cyrillic 'Ѕ') is no better spelling.
                    if entries[a].name.surface == entries[b].name.surface,
                       WellFormedness.withoutAccents(entries[a].value) == WellFormedness.withoutAccents(entries[b].value) {
                        let accentsA = WellFormedness.accents(entries[a].value), accentsB = WellFormedness.accents(entries[b].value)
                        if accentsA != accentsB { return accentsA > accentsB }
                    }
                    return nil
                }
                canonical = top.max { a, b in better(b, than: a) ?? (entries[a].value > entries[b].value) }!
                let chosen = canonical
                source = top.contains { $0 != chosen && better(chosen, than: $0) == nil } ? .tie : .wellFormed
            }
        }
        let c = entries[canonical]
        if data.count < 2 && (data.first == canonical) { return nil }
        var members = data.map { i -> ValueCluster.Member in
            let e = entries[i]
            let safe = e.mappedTo == canonical
                || e.name.surface == c.name.surface
                || (source == .known && e.name.key == c.name.key
                    && (e.name.legalForm == nil || e.name.legalForm == c.name.legalForm))
            return ValueCluster.Member(value: e.value, count: e.count, safeFix: safe)
        }
        members.sort { a, b in
            if (a.value == c.value) != (b.value == c.value) { return a.value == c.value }
            return a.count != b.count ? a.count > b.count : a.value < b.value
        }
        return ValueCluster(canonical: c.value, source: source, members: members)
    }

    // MARK: - Stage 2

    private func mergeTypos(_ groupTokens: [[String]], _ sets: inout UnionFind) {
        // Intern words; df = number of keys containing the word.
        var ids: [String: Int32] = [:]
        var scalars: [[UInt32]] = []
        var df: [Int32] = []
        var keyIDs: [[Int32]] = []
        keyIDs.reserveCapacity(groupTokens.count)
        for tokens in groupTokens {
            var row: [Int32] = []
            for t in tokens {
                let id: Int32
                if let existing = ids[t] { id = existing } else {
                    id = Int32(scalars.count); ids[t] = id
                    // Only eligible words are ever compared; a megabyte-long word is never unpacked.
                    scalars.append(TypoRule.isEligible(t) ? t.unicodeScalars.map(\.value) : []); df.append(0)
                }
                row.append(id)
            }
            for id in Set(row) { df[Int(id)] += 1 }
            keyIDs.append(row)
        }
        let eligible = scalars.map { !$0.isEmpty }

        // (signature, key << 8 | position) pairs, sorted so equal signatures are adjacent.
        var pairs: [(UInt64, Int64)] = []
        for (g, row) in keyIDs.enumerated() where row.count <= 12 {
            for (p, id) in row.enumerated() where eligible[Int(id)] && (p == 0 || row[p - 1] != id) {
                var rest: UInt64 = 0x9e3779b97f4a7c15 &* UInt64(row.count)
                for (q, other) in row.enumerated() where q != p {
                    rest = (rest ^ UInt64(UInt32(bitPattern: other))) &* 0x100000001b3
                }
                for h in TypoRule.deletionHashes(scalars[Int(id)]) {
                    pairs.append((rest ^ (h &* 0xff51afd7ed558ccd), Int64(g) << 8 | Int64(p)))
                }
            }
        }
        pairs.sort { $0.0 < $1.0 }
        var start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count && pairs[end].0 == pairs[start].0 { end += 1 }
            if end - start > 1 && end - start < 200 {
                for x in start..<end {
                    for y in (x + 1)..<end {
                        let g1 = Int(pairs[x].1 >> 8), p1 = Int(pairs[x].1 & 0xff)
                        let g2 = Int(pairs[y].1 >> 8), p2 = Int(pairs[y].1 & 0xff)
                        if g1 == g2 || sets.find(g1) == sets.find(g2) { continue }
                        let a = keyIDs[g1][p1], b = keyIDs[g2][p2]
                        if a == b { continue }
                        // Both words occur in other keys too: two real words, not a typo.
                        if df[Int(a)] >= 2 && df[Int(b)] >= 2 { continue }
                        if !restEqual(keyIDs[g1], p1, keyIDs[g2], p2) { continue }
                        if TypoRule.isTypo(scalars[Int(a)], scalars[Int(b)]) { sets.union(g1, g2) }
                    }
                }
            }
            start = end
        }
    }

    private func restEqual(_ a: [Int32], _ p: Int, _ b: [Int32], _ q: Int) -> Bool {
        guard a.count == b.count else { return false }
        var ra = a, rb = b
        ra.remove(at: p); rb.remove(at: q)
        return ra.sorted() == rb.sorted()
    }

    // MARK: - Stage 3

    private func mergeAcronyms(_ groupTokens: [[String]], _ sets: inout UnionFind) {
        var expansions: [String: [Int]] = [:]
        var acronyms: [String: [Int]] = [:]
        for (g, tokens) in groupTokens.enumerated() {
            if let a = Self.acronym(tokens) { acronyms[a, default: []].append(g) }
            if let i = Self.initials(tokens) { expansions[i, default: []].append(g) }
        }
        for (a, groups) in acronyms {
            guard let targets = expansions[a], targets.count == 1 else { continue }
            for g in groups { sets.union(g, targets[0]) }
        }
    }

    /// "hr", "it", "rd" ("R&D", "R & D"): one short all-letter word, or single letters.
    static func acronym(_ tokens: [String]) -> String? {
        let letters = tokens.filter { $0 != "and" }
        if letters.count == 1 {
            let t = letters[0]
            guard (2...5).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
            return t
        }
        guard letters.count >= 2, letters.allSatisfy({ $0.utf8.count == 1 && $0.utf8.first! >= 0x61 && $0.utf8.first! <= 0x7A }) else { return nil }
        return letters.joined()
    }

    /// Initials of a name of two to five words ("Human Resources" → "hr").
    static func initials(_ tokens: [String]) -> String? {
        let words = tokens.filter { !OrganizationVocabulary.initialsStopWords.contains($0) }
        guard (2...5).contains(words.count), words.allSatisfy({ $0.utf8.count >= 2 && !$0.hasPrefix("#") }) else { return nil }
        let first = words.compactMap { $0.unicodeScalars.first }
        guard first.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return nil }
        return String(String.UnicodeScalarView(first))
    }

    // MARK: - Known names

    private func isTypoVariant(_ a: NormalizedName, _ b: NormalizedName) -> Bool {
        let ta = a.tokens.sorted(), tb = b.tokens.sorted()
        guard ta.count == tb.count, ta != tb else { return false }
        var onlyA = ta, onlyB = tb
        for t in tb { if let i = onlyA.firstIndex(of: t) { onlyA.remove(at: i) } }
        for t in ta { if let i = onlyB.firstIndex(of: t) { onlyB.remove(at: i) } }
        guard onlyA.count == 1, onlyB.count == 1, TypoRule.isEligible(onlyA[0]), TypoRule.isEligible(onlyB[0]) else { return false }
        return TypoRule.isTypo(onlyA[0].unicodeScalars.map(\.value), onlyB[0].unicodeScalars.map(\.value))
    }

    /// Whether one of the two names is the other with a city appended ("Acme Inc - Houston" and
    /// "Acme Inc"): the same organization written with its seat, or a branch with one of its own. Each name
    /// is normalized once across calls that share `names` (a cluster's canonical is compared with each of
    /// its variants, and a normalization costs tens of thousands of instructions).
    public func differByAppendedCity(_ a: String, _ b: String, names: inout [String: NormalizedName]) -> Bool {
        let x = normalized(a, &names), y = normalized(b, &names)
        // A key is sorted and joined anew at each read: read only against a branch's stem, which most names lack.
        if let stem = x.branchStemKey, stem == y.key { return true }
        if let stem = y.branchStemKey, stem == x.key { return true }
        return false
    }

    /// `value` normalized, from `names` when it is there (stored there when it was not).
    private func normalized(_ value: String, _ names: inout [String: NormalizedName]) -> NormalizedName {
        if let known = names[value] { return known }
        let name = normalizer.normalize(value)
        names[value] = name
        return name
    }

    /// For `unknown-organization`: is the value known, a variant of exactly one known name, and
    /// which known names are closest.
    public func matchKnown(_ value: String, limit: Int = 3) -> KnownNameMatch {
        if knownSet.contains(value) { return KnownNameMatch(isKnown: true, variantOf: nil, suggestions: []) }
        var variantOf: String?
        let name = normalizer.normalize(value)
        if let target = mapping[value], knownSet.contains(target) {
            variantOf = target
        } else {
            let compatible = { (k: Int) in
                self.known[k].legalForm == nil || name.legalForm == nil || self.known[k].legalForm == name.legalForm
            }
            var candidates = (knownByKey[name.key] ?? []).filter(compatible)
            if candidates.isEmpty { candidates = (knownByCompact[name.compact] ?? []).filter(compatible) }
            if candidates.isEmpty {
                candidates = trigramCandidates(name.compact, limit: 8).filter { compatible($0) && isTypoVariant(name, known[$0]) }
            }
            if candidates.count > 1 { candidates = candidates.filter { known[$0].legalForm == name.legalForm } }
            if candidates.count == 1, !typoMatchesSeveralKnown(name, target: candidates[0]) { variantOf = knownNames[candidates[0]] }
        }
        let target = name.key.unicodeScalars.map(\.value)
        var ranked = trigramCandidates(name.compact, limit: 50).map { k in
            (name: knownNames[k], score: EditDistance.similarity(target, known[k].key.unicodeScalars.map(\.value)))
        }.filter { $0.score >= 0.4 }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.name < $1.name }
        var suggestions = ranked.map(\.name)
        if let v = variantOf { suggestions.removeAll { $0 == v }; suggestions.insert(v, at: 0) }
        return KnownNameMatch(isKnown: false, variantOf: variantOf, suggestions: Array(suggestions.prefix(limit)))
    }

    /// Whether `value` and the known name `known` carry a legal form ('Beta Ltd' does, 'Beta' not): where one
    /// does and the other not, their words may agree, but whether they name one legal entity is a guess. A
    /// form glued to the last word counts where the rest is the other name ('BetaLtd').
    public func legalForms(_ value: String, known: String) -> (value: Bool, known: Bool) {
        let a = normalizer.normalize(value), b = normalizer.normalize(known)
        func hasForm(_ n: NormalizedName, beside other: NormalizedName) -> Bool {
            n.legalForm != nil || (n.gluedForm != nil && n.gluedStemKey == other.key)
        }
        return (hasForm(a, beside: b), hasForm(b, beside: a))
    }

    /// Whether rewriting `value` to the known name `target` would be a pick between known names: `value` is
    /// not `target` folded (it is a typo of it) and another known name is one word and one edit from `value`
    /// too, a replaced letter included ('Widget Fiance' is 'Widget Finance' without its 'n' and 'Widget
    /// France' with one letter replaced). Such a rewrite is a guess, not a safe fix.
    public func typoMatchesSeveralKnown(_ value: String, target: String) -> Bool {
        guard let index = knownNames.firstIndex(of: target) else { return false }
        return typoMatchesSeveralKnown(normalizer.normalize(value), target: index)
    }

    private func typoMatchesSeveralKnown(_ name: NormalizedName, target: Int) -> Bool {
        if name.key == known[target].key || name.compact == known[target].compact { return false }
        // Words as written (a country is a word here: 'France' is no '#fr'), also without a legal form at the
        // end ('Widget Fiance BV' is 'Widget Fiance'). Only a known name sharing trigrams with the value can
        // be one edit from it, so only those are read (all of them made many typos against a long list
        // quadratic).
        func wordings(_ n: NormalizedName) -> [[Substring]] {
            let words = n.surface.split(separator: " ")
            return n.legalForm != nil && words.count > 1 ? [words, Array(words.dropLast())] : [words]
        }
        let valueWordings = wordings(name)
        for k in trigramCandidates(name.compact, limit: 200) where k != target {
            let otherWordings = wordings(known[k])
            if valueWordings.contains(where: { words in otherWordings.contains { Self.oneWordOneEditApart(words, $0) } }) { return true }
        }
        return false
    }

    /// Whether two wordings of equal length differ in one word only, by one edit (a replaced letter included).
    private static func oneWordOneEditApart(_ words: [Substring], _ otherWords: [Substring]) -> Bool {
        guard otherWords.count == words.count else { return false }
        var onlyValue = words, onlyOther = otherWords
        for w in otherWords { if let i = onlyValue.firstIndex(of: w) { onlyValue.remove(at: i) } }
        for w in words { if let i = onlyOther.firstIndex(of: w) { onlyOther.remove(at: i) } }
        guard onlyValue.count == 1, onlyOther.count == 1 else { return false }
        return EditDistance.bounded(onlyValue[0].unicodeScalars.map(\.value), onlyOther[0].unicodeScalars.map(\.value), bound: 1) <= 1
    }

    /// Known names sharing the most character trigrams with `compact` (at least a quarter of them).
    private func trigramCandidates(_ compact: String, limit: Int) -> [Int] {
        let grams = Set(Self.trigramHashes(compact))
        var shared = [Int32](repeating: 0, count: known.count)
        var touched: [Int32] = []
        for t in grams {
            for k in knownTrigrams[t] ?? [] {
                if shared[Int(k)] == 0 { touched.append(k) }
                shared[Int(k)] += 1
            }
        }
        let floor = Int32(max(1, grams.count / 4))
        return touched.filter { shared[Int($0)] >= floor }
            .sorted { shared[Int($0)] != shared[Int($1)] ? shared[Int($0)] > shared[Int($1)] : $0 < $1 }
            .prefix(limit).map { Int($0) }
    }

    static func trigramHashes(_ text: String) -> [UInt64] {
        let s: [UInt32] = [0x02] + text.unicodeScalars.map(\.value) + [0x03]
        guard s.count >= 3 else { return [] }
        return (0...(s.count - 3)).map { i in
            (UInt64(s[i]) << 42) ^ (UInt64(s[i + 1]) << 21) ^ UInt64(s[i + 2])
        }
    }
}
