// Workload parameters: defaults, limits, types, and the messages that name the parameter and its limits.
#include <gtest/gtest.h>

#include "catalog.h"

using namespace versus;

namespace {
Workload workloadWithN()
{
    Workload w;
    w.id = "fib";
    ParameterSpec n;
    n.name = "n";
    n.type = ParamType::Int;
    n.defaultValue = std::int64_t(22);
    n.min = 0;
    n.max = 35;
    w.parameters.push_back(n);
    ParameterSpec mode;
    mode.name = "mode";
    mode.type = ParamType::Choice;
    mode.choices = {"json", "ujson"};
    mode.defaultValue = std::string("json");
    w.parameters.push_back(mode);
    return w;
}
} // namespace

TEST(Parameters, DefaultsFillWhatIsNotGiven)
{
    ParamValues out;
    ASSERT_FALSE(workloadWithN().resolveParams({{"n", std::int64_t(10)}}, out));
    EXPECT_EQ(std::get<std::int64_t>(out["n"]), 10);
    EXPECT_EQ(std::get<std::string>(out["mode"]), "json");
}

TEST(Parameters, OutOfLimitsNamesParameterAndLimits)
{
    ParamValues out;
    auto error = workloadWithN().resolveParams({{"n", std::int64_t(99)}}, out);
    ASSERT_TRUE(error);
    EXPECT_EQ(*error, "workload 'fib': parameter 'n' must be an integer from 0 to 35 (got 99)");
}

TEST(Parameters, UnknownParameterListsTheKnownOnes)
{
    ParamValues out;
    auto error = workloadWithN().resolveParams({{"m", std::int64_t(1)}}, out);
    ASSERT_TRUE(error);
    EXPECT_EQ(*error, "workload 'fib' has no parameter 'm' (it takes: n, mode)");
}

TEST(Parameters, TextIsParsedByTheSpecsType)
{
    const Workload w = workloadWithN();
    ParamValue value;
    EXPECT_FALSE(parseParamValue(*w.parameter("n"), "27", value));
    EXPECT_EQ(std::get<std::int64_t>(value), 27);
    auto notInt = parseParamValue(*w.parameter("n"), "27.5", value);
    ASSERT_TRUE(notInt);
    EXPECT_EQ(*notInt, "parameter 'n' must be an integer from 0 to 35 (got '27.5')");
    auto badChoice = parseParamValue(*w.parameter("mode"), "orjson", value);
    ASSERT_TRUE(badChoice);
    EXPECT_EQ(*badChoice, "parameter 'mode' must be one of json, ujson (got orjson)");
}

TEST(Parameters, AssignmentNeedsNameAndValue)
{
    std::string name, value;
    EXPECT_FALSE(parseParamAssignment("n=27", name, value));
    EXPECT_EQ(name, "n");
    EXPECT_EQ(value, "27");
    EXPECT_TRUE(parseParamAssignment("27", name, value));
    EXPECT_TRUE(parseParamAssignment("=27", name, value));
}

TEST(Parameters, ExpectedAnswerMatchesOnGivenParamsOnly)
{
    Workload w = workloadWithN();
    w.expected.push_back({{{"n", std::int64_t(10)}}, "55"});
    EXPECT_EQ(w.expectedAnswerFor({{"n", std::int64_t(10)}, {"mode", std::string("json")}}), "55");
    EXPECT_FALSE(w.expectedAnswerFor({{"n", std::int64_t(11)}}));
}

TEST(Parameters, LimitsAreWrittenAsPeopleTypeThem)
{
    ParameterSpec seed;
    seed.name = "seed";
    seed.type = ParamType::Int;
    seed.min = 1;
    seed.max = 4294967295.0;  // the seed limit of every generated-data workload
    EXPECT_EQ(seed.describeLimits(), "an integer from 1 to 4294967295");
    ParamValue value;
    auto tooBig = parseParamValue(seed, "4294967296", value);
    ASSERT_TRUE(tooBig);
    EXPECT_EQ(*tooBig, "parameter 'seed' must be an integer from 1 to 4294967295 (got 4294967296)");

    ParameterSpec ratio;
    ratio.name = "ratio";
    ratio.type = ParamType::Float;
    ratio.min = 0.1;
    EXPECT_EQ(ratio.describeLimits(), "a number of at least 0.1");
    ratio.min = std::nullopt;
    ratio.max = 1234567.25;
    EXPECT_EQ(ratio.describeLimits(), "a number of at most 1234567.25");
    ratio.max = 2.5e-7;
    EXPECT_EQ(ratio.describeLimits(), "a number of at most 2.5e-07");
    ratio.max = 0.0001;
    EXPECT_EQ(ratio.describeLimits(), "a number of at most 0.0001");
    ratio.max = 1e300;
    EXPECT_EQ(ratio.describeLimits(), "a number of at most 1e+300");
}

TEST(Parameters, RealValuesReadBackExactly)
{
    // The parameter editor fills its fields with these texts: six significant digits would change the value.
    EXPECT_EQ(formatParamValue(ParamValue(1234567.25)), "1234567.25");
    EXPECT_EQ(formatParamValue(ParamValue(0.1)), "0.1");
    EXPECT_EQ(formatParamValue(ParamValue(3.0)), "3");
    EXPECT_EQ(formatParamValue(ParamValue(-0.5)), "-0.5");
    EXPECT_EQ(formatParamValue(ParamValue(std::int64_t(4294967295))), "4294967295");
}
