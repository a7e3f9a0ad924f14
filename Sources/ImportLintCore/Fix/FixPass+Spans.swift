/// Writing the records between those a fix names as spans of the input's bytes: a plain record (`RecordMap`)
/// that no fix names is written as it was read, so it need not be split into cells again to be written;
/// only the records around it are read. What the pass notes of each record it writes (`UnchangedRecords`,
/// `CarriedFindings`, `ReplayedDuplicates`) is noted from the map and the line count, as when it is read.
extension FixPass {
    /// The map and where the pass is in it.
    struct Spans {
        /// This pass's reader of the map.
        let map: RecordMap.Reader
        /// The input, entered at each span and record read.
        let entries: InputEntries
        /// The last record this pass writes (the earlier part's last when the input is written in two parts).
        let last: Int
        /// The line the next record starts on in the input.
        var line: Int
    }

    /// The map does not match the records read (the input changed, or was read another way): the file is
    /// written again, every record read.
    struct SpansDisagree: Error {}

    /// The line after the last record written.
    var lineAfterLastRecord: Int { spans?.line ?? reader.lineAfterLastRecord }

    /// Spans for the records after the header the reader is on, when every record no fix names is written as
    /// read: a UTF-8 input, its delimiter kept and records ending as the header does (`RecordMap.terminator`),
    /// no cell quoted that was not, no line left out and no row moved or cut short.
    func startSpans() throws -> Spans? {
        guard let map, map.usable, case .utf8 = encoding, settings.inputDelimiter == settings.outputDelimiter,
              settings.quoting != .all, result.lineEnding == map.terminator, map.terminator != .none,
              plan.fileActions.removedLines.isEmpty, plan.fileActions.regroupColumn == nil,
              plan.fileActions.dropsTrailingEmptyCell == nil, let entries = try input.entries(encoding) else { return nil }
        let last = cut?.records ?? map.count
        let mapped = RecordMap.Reader(map)
        // The first record must start where the header ends.
        guard last <= map.count, try map.count == 0 || mapped.start(of: 0) == reader.streamOffset + reader.rawRecord.count else { throw SpansDisagree() }
        return Spans(map: mapped, entries: entries, last: last, line: reader.endLine + 1)
    }

    /// Writes the records after `after` up to the spans' last: plain records no fix names as spans of the
    /// input, the others read and written as `copyRecords` does. False when a fatal structural problem
    /// stopped the pass.
    func copySpans(to out: OutputFile, after: Int) throws -> Bool {
        let map = spans!.map, entries = spans!.entries, last = spans!.last
        var line = spans!.line
        var record = after
        // The span read but not yet written: the input's bytes from `pendingStart` to `pendingEnd`.
        var pendingStart = try after < map.count ? map.start(of: after) : map.map.end
        var pendingEnd = pendingStart
        // The record the reader would read next, if it was entered before.
        var readerNext = -1
        func writePending() throws {
            if pendingEnd > pendingStart {
                do { try out.copy(from: entries.source(at: pendingStart), count: pendingEnd - pendingStart) } catch is OutputFile.SourceEnded { throw SpansDisagree() }
            }
            pendingStart = pendingEnd
        }
        while record < last {
            let r = record + 1, index = record
            try stopIfAsked(record: r)
            if map.isPlain(index: index) && !recordsWithCandidates.contains(r) {
                let start = try map.start(of: index), end = try map.end(of: index)
                let outputStart = out.offset + (start - pendingStart)
                outputLine += 1
                if !reportedRecords.contains(r) && !reportedLines.contains(line) {
                    unchangedLines.insert(outputLine)
                    if notesRuns {
                        if runEnd != outputStart {
                            closeRun()
                            runStart = outputStart
                        }
                        runEnd = outputStart + (end - start)
                        runRecords += 1
                    }
                } else if carriesFindings {
                    carry(record: r, line: outputLine, inputLines: line...line)
                }
                if replayed != nil && (outputLine != line || r >= nextReplayedRecord) {
                    keepReplaying(record: r, line: outputLine, inputLines: line...line)
                }
                pendingEnd = end
                line += 1
            } else {
                try writePending()
                let start = try map.start(of: index), end = try map.end(of: index)
                if readerNext != r {
                    try reader.reenter(entries.source(at: start), chunkSize: readLength(from: index, map: map, last: last),
                                       atLine: line, offset: start)
                }
                guard try reader.next(), reader.streamOffset == start, reader.line == line, reader.unterminatedQuote == nil,
                      !reader.isBlankLine, start + reader.rawRecord.count == end else { throw SpansDisagree() }
                guard checkStructure(record: r) else {
                    result.recordsIn = r
                    return false
                }
                try writeCurrentRecord(record: r, to: out)
                line = reader.endLine + 1
                readerNext = r + 1
                pendingStart = end
                pendingEnd = end
            }
            record = r
        }
        try writePending()
        spans!.line = line
        result.recordsIn = record
        result.recordsOut = record - removedRecords
        closeRun()
        return true
    }

    /// The bytes of the records from `index` on that are read, not copied (those up to the next plain record
    /// no fix names), up to a megabyte: the reader splits every byte it reads.
    private func readLength(from index: Int, map: RecordMap.Reader, last: Int) throws -> Int {
        var end = index
        let start = try map.start(of: index)
        while try end + 1 < last && (!map.isPlain(index: end + 1) || recordsWithCandidates.contains(end + 2)) && map.end(of: end) - start < 1 << 20 {
            end += 1
        }
        return try max(1, map.end(of: end) - start)
    }
}
