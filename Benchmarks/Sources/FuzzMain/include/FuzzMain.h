#ifndef IMPORTLINT_FUZZ_MAIN_H
#define IMPORTLINT_FUZZ_MAIN_H
/* Hands control to libFuzzer's driver with LLVMFuzzerTestOneInput (main.swift calls it). */
int importlint_run_fuzzer(int argc, char **argv);
#endif
