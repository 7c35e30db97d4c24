// What each fuzz target does with one input, shared by the libFuzzer targets (clang, VERSUS_FUZZ) and the gtest
// that replays the regression corpus (every compiler): a crash found once stays a test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace versus::fuzz {

/// The bytes as workloads/fuzzed/manifest.json (beside a script w.py and w.js), loaded; a workload that loads is
/// resolved with its tiny parameters and its steps, as a run would.
void manifestInput(std::string_view bytes);
/// The bytes as a results file; a document that reads is written and read again, and must read the second time.
void resultsInput(std::string_view bytes);
/// The bytes as a run journal, recovered; a recovered document is written and must read back.
void journalInput(std::string_view bytes);

/// Aborts (a crash to the fuzzer, a failure to the test) when an invariant of the readers does not hold.
[[noreturn]] void invariantBroken(const char* what);

}  // namespace versus::fuzz
