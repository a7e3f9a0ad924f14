import Testing
@testable import ImportLintCore

/// What PowerShell writes for a value it cannot convert is recognized; look-alike values are not.
struct PowerShellTypeNameTests {
    @Test func typeNamesAndObjectRenderingsAreFound() {
        for value in ["System.Object[]", " System.String[] ", "Microsoft.ActiveDirectory.Management.ADPropertyValueCollection",
                      "System.Collections.ArrayList", "System.Collections.Generic.List`1[System.String]",
                      "@{Address=ann@widget.com; Primary=True}"] {
            #expect(PowerShellTypeName.finding(value)?.rule == .powershellTypeName, "\(value)")
        }
    }

    @Test func lookAlikesAreNot() {
        for value in ["Microsoft.com", "System.Admin", "System Administrator", "Microsoft Certified Trainer",
                      "system.object@widget.com", "Microsoft.", "@{}", "Sales", "+1 713 441 8299", "@widget"] {
            #expect(PowerShellTypeName.finding(value) == nil, "\(value)")
        }
    }
}
