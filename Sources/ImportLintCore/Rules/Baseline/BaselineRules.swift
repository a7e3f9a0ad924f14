extension RuleDescriptor {
    public static let recordCountDrop = RuleDescriptor(
        code: "BASE001", name: "record-count-drop", severity: .error,
        summary: "The file has far fewer records than the previous upload (--baseline)",
        explanation: "A truncated or filtered export looks like a valid file. The Receptionist archives every contact that is not in the file, and 4me leaves the missing people as they were, so a file with far fewer records than the previous upload usually means a broken export, not a smaller company. Reported on line 1 when the record count falls by more than the threshold (default 10%, `baseline: {threshold: 10%}` in .importlint.yml) compared with the file given to --baseline.",
        triggeringExample: "Primary Email,Name\np1@example.com,P1\np2@example.com,P2\np3@example.com,P3\np4@example.com,P4\np5@example.com,P5\np6@example.com,P6\np7@example.com,P7\np8@example.com,P8\n",
        cleanExample: "Primary Email,Name\np1@example.com,P1\np2@example.com,P2\np3@example.com,P3\np4@example.com,P4\np5@example.com,P5\np6@example.com,P6\np7@example.com,P7\np8@example.com,P8\np9@example.com,P9\np10@example.com,P10\n",
        exampleSetup: ExampleSetup(baseline: "Primary Email,Name\np1@example.com,P1\np2@example.com,P2\np3@example.com,P3\np4@example.com,P4\np5@example.com,P5\np6@example.com,P6\np7@example.com,P7\np8@example.com,P8\np9@example.com,P9\np10@example.com,P10\n"))
    public static let removedIdentifiers = RuleDescriptor(
        code: "BASE002", name: "removed-identifiers", severity: .warning,
        summary: "A person of the previous upload (--baseline) is missing from this file",
        explanation: "Lists, one diagnostic each on line 1, the identifiers present in the baseline file and absent now, naming the identifier and pointing at its line in the baseline. The Receptionist archives these contacts; 4me leaves them unchanged and so stale. The key is the profile's first identifier that both files have (Receptionist: Identification, else Email, else SMS Phone, per Location Slug; 4me People: ID, else Source + Source ID, else Primary Email). Review the list before uploading; raise the severity in .importlint.yml to make any removal fail the check.",
        triggeringExample: "Primary Email,Name\nbob@example.com,Bob\n",
        cleanExample: "Primary Email,Name\nann@example.com,Ann\nbob@example.com,Bob\n",
        exampleSetup: ExampleSetup(baseline: "Primary Email,Name\nann@example.com,Ann\nbob@example.com,Bob\n"))
}
