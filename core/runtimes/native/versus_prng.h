// xorshift32, bit for bit the same as workloads/_lib/versus_prng.py and .js, so generated data is identical.
#pragma once

#include <cstdint>

namespace versus::native {

class Rng {
public:
    /// The low 32 bits of the seed count; 0, which xorshift never leaves, is replaced, as in Python and JS.
    explicit Rng(std::int64_t seed) : m_state(static_cast<std::uint32_t>(seed))
    {
        if (m_state == 0)
            m_state = 0x9E3779B9u;
    }

    std::uint32_t nextU32()
    {
        std::uint32_t x = m_state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        m_state = x;
        return x;
    }

    /// An integer in [0, n).
    std::uint32_t nextInt(std::uint32_t n) { return nextU32() % n; }

private:
    std::uint32_t m_state;
};

/// Folds an integer (two's complement, low 32 bits) into a 32-bit rolling checksum, like checksum_add in Python.
inline std::uint32_t checksumAdd(std::uint32_t h, std::int64_t value)
{
    return h * 31u + static_cast<std::uint32_t>(value);
}

}  // namespace versus::native
