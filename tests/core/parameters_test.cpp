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
}  // namespace

TEST(Parameters, DefaultsFillWhatIsNotGiven)
{
    const auto out = workloadWithN().resolveParams({{"n", std::int64_t(10)}});
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_EQ(std::get<std::int64_t>(out->at("n")), 10);
    EXPECT_EQ(std::get<std::string>(out->at("mode")), "json");
}

TEST(Parameters, OutOfLimitsNamesParameterAndLimits)
{
    const auto out = workloadWithN().resolveParams({{"n", std::int64_t(99)}});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error(), "workload 'fib': parameter 'n' must be an integer from 0 to 35 (got 99)");
}

TEST(Parameters, UnknownParameterListsTheKnownOnes)
{
    const auto out = workloadWithN().resolveParams({{"m", std::int64_t(1)}});
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error(), "workload 'fib' has no parameter 'm' (it takes: n, mode)");
}

TEST(Parameters, TextIsParsedByTheSpecsType)
{
    const Workload w = workloadWithN();
    const auto value = parseParamValue(*w.parameter("n"), "27");
    ASSERT_TRUE(value.ok()) << value.error();
    EXPECT_EQ(std::get<std::int64_t>(*value), 27);
    const auto notInt = parseParamValue(*w.parameter("n"), "27.5");
    ASSERT_FALSE(notInt.ok());
    EXPECT_EQ(notInt.error(), "parameter 'n' must be an integer from 0 to 35 (got '27.5')");
    const auto badChoice = parseParamValue(*w.parameter("mode"), "orjson");
    ASSERT_FALSE(badChoice.ok());
    EXPECT_EQ(badChoice.error(), "parameter 'mode' must be one of json, ujson (got orjson)");
}

TEST(Parameters, AssignmentNeedsNameAndValue)
{
    const auto assignment = parseParamAssignment("n=27");
    ASSERT_TRUE(assignment.ok()) << assignment.error();
    EXPECT_EQ(assignment->name, "n");
    EXPECT_EQ(assignment->value, "27");
    EXPECT_EQ(parseParamAssignment("27").error(), "parameter '27' must be written name=value, e.g. n=27");
    EXPECT_FALSE(parseParamAssignment("=27").ok());
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
    const auto tooBig = parseParamValue(seed, "4294967296");
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.error(), "parameter 'seed' must be an integer from 1 to 4294967295 (got 4294967296)");

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
