"""xorshift32, bit for bit the same as versus_prng.js, so generated data is identical in both languages."""

MASK = 0xFFFFFFFF


class Rng:
    def __init__(self, seed):
        self.state = (seed & MASK) or 0x9E3779B9

    def next_u32(self):
        x = self.state
        x ^= (x << 13) & MASK
        x ^= x >> 17
        x ^= (x << 5) & MASK
        self.state = x
        return x

    def next_int(self, n):
        """An integer in [0, n)."""
        return self.next_u32() % n

    def next_float(self):
        """A float in [0, 1) with 32 random bits."""
        return self.next_u32() / 4294967296.0


def checksum_add(h, value):
    """Folds a non-negative integer into a 32-bit rolling checksum (same as checksumAdd in JS)."""
    return (h * 31 + (value & MASK)) & MASK
