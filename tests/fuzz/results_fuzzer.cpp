// libFuzzer entry point for the results reader (tests/fuzz/fuzz_inputs.cpp says what one input does).
#include "fuzz_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    versus::fuzz::resultsInput(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
