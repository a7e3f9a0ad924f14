#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "FuzzMain.h"

/* From libFuzzer (-sanitize=fuzzer). Weak, so that a plain `swift build` of this package still links; the
   binary then says how to build it instead of fuzzing. */
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));
/* Defined in Swift (Fuzz.swift) with @_cdecl. */
extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int importlint_run_fuzzer(int argc, char **argv) {
    if (!LLVMFuzzerRunDriver) {
        fprintf(stderr, "importlint-fuzz: built without libFuzzer; use Scripts/fuzz.sh\n");
        return 2;
    }
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
