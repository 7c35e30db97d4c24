// Terminal formatting: durations and the results table (its headline: headline_test.cpp).
#include <cmath>

#include <gtest/gtest.h>

#include "text_format.h"

using namespace versus;

TEST(TextFormat, DurationsPickTheirUnit)
{
    EXPECT_EQ(formatDuration(845), "845 ns");
    EXPECT_EQ(formatDuration(1234), "1.23 us");
    EXPECT_EQ(formatDuration(4.52e6), "4.52 ms");
    EXPECT_EQ(formatDuration(2.5e9), "2.50 s");
    EXPECT_EQ(formatDuration(NAN), "-");
}
