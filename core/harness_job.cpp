// Job JSON for the harness scripts and the parsing of their results.
#include "harness_job.h"

#include "clock.h"
#include "install_layout.h"
#include "run_queue_wait.h"

#include <chrono>
#include <csignal>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace versus {

using nlohmann::json;

namespace {

json paramsToJson(const ParamValues& params)
{
    json out = json::object();
    for (const auto& [name, value] : params)
        std::visit([&out, &key = name](const auto& v) { out[key] = v; }, value);  // clang 14 cannot capture a binding
    return out;
}

}  // namespace

HarnessJobContext::HarnessJobContext(const RunJob& job, EventSink& sink) : m_job(job), m_sink(sink)
{
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "versus-job-XXXXXX").string();
    if (char* made = mkdtemp(pattern.data()))
        m_tempDir = made;
}

HarnessJobContext::~HarnessJobContext()
{
    std::error_code ec;
    if (!m_tempDir.empty())
        std::filesystem::remove_all(m_tempDir, ec);
}

void HarnessJobContext::closeLeakedDescriptors() const
{
    if (m_tempDir.empty())
        return;
    const std::string inside = m_tempDir.string() + "/";
    std::vector<int> leaked;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        std::error_code linkError;
        if (std::filesystem::read_symlink(entry.path(), linkError).string().rfind(inside, 0) == 0)
            leaked.push_back(std::atoi(entry.path().filename().c_str()));
    }
    for (int fd : leaked)
        close(fd);
}

std::string HarnessJobContext::jobJson() const
{
    const RunJob& job = m_job;
    json j;
    j["temp_dir"] = m_tempDir.string();
    json services = json::parse(job.servicesJson, nullptr, false);  // a discarded value when it is not JSON
    j["services"] = services.is_object() ? services : json::object();
    // The helper that holds idle connections for a workload's server (idle_connections); "" when it is not built.
#ifdef VERSUS_CONNECT_BUILD_PATH
    const auto connectHelper = findHelperProgram("versus-connect", "VERSUS_CONNECT", VERSUS_CONNECT_BUILD_PATH);
#else
    const auto connectHelper = findHelperProgram("versus-connect", "VERSUS_CONNECT", {});
#endif
    j["connect_helper"] = connectHelper ? connectHelper->string() : std::string();
    j["script"] = job.implementation ? job.implementation->file.string() : std::string();
    j["function"] = job.implementation ? job.implementation->function : std::string("run");
    j["workload_id"] = job.workload ? job.workload->id : std::string();
    j["params"] = paramsToJson(job.params);
    j["options"] = {
        {"warmup_samples", job.options.warmupSamples},
        {"samples", job.options.samples},
        {"min_sample_time_ms", job.options.minSampleTimeMs},
        {"time_budget_s", job.options.timeBudgetS},
        {"max_inner_loops", job.options.maxInnerLoops},
        {"fixed_inner_loops", job.options.fixedInnerLoops},
        {"memory_pass", job.options.memoryPass},
        {"output_limit_bytes", job.options.outputLimitBytes},
        {"answer_limit_bytes", job.options.answerLimitBytes},
    };
    return j.dump();
}

FailureKind failureKindFromName(const std::string& name)
{
    for (auto kind :
         {FailureKind::InvalidParameter, FailureKind::RuntimeUnavailable, FailureKind::ScriptError,
          FailureKind::WrongAnswer, FailureKind::AnswerMismatch, FailureKind::Exit, FailureKind::OutOfMemory,
          FailureKind::Timeout, FailureKind::Cancelled, FailureKind::Crash, FailureKind::Protocol,
          FailureKind::ClockMismatch, FailureKind::AnswerTooLarge, FailureKind::LeakedState})
        if (name == failureKindName(kind))
            return kind;
    return FailureKind::Internal;
}

void HarnessJobContext::calibrated(std::int64_t innerLoops, std::int64_t elapsedNs)
{
    m_result.innerLoops = innerLoops;
    m_sink.post(CalibratedEvent{m_job.key, innerLoops, elapsedNs});
}

namespace {

/// A clock figure in milliseconds to the microsecond: "16.217".
std::string millis(std::int64_t ns)
{
    return formatNumber(static_cast<double>(ns / 1000) / 1000.0);
}

}  // namespace

std::string checkSampleClock(std::int64_t reportedNs, std::int64_t hostNs, std::int64_t slackNs)
{
    if (reportedNs <= 0)
        return "the runtime's clock reported " + std::to_string(reportedNs) + " ns for a sample that took "
            + millis(hostNs) + " ms by the host's clock";
    const double tolerance = 0.10 * static_cast<double>(hostNs) + 1e6 + static_cast<double>(slackNs);
    if (std::abs(static_cast<double>(reportedNs - hostNs)) > tolerance)
        return "the runtime's clock reported " + millis(reportedNs)
            + " ms for a sample that took " + millis(hostNs)
            + " ms by the host's clock";
    return {};
}

void HarnessJobContext::sampleBegin()
{
    m_beginWaitNs = threadRunQueueWaitNs();
    m_beginHarnessWaitNs = processRunQueueWaitNs(m_harnessPid);
    m_sampleBeginNs = steadyNowNs();
}

std::int64_t HarnessJobContext::waitedSinceSampleBegin() const
{
    auto since = [](std::int64_t before, std::int64_t now) { return before >= 0 && now >= before ? now - before : 0; };
    return since(m_beginWaitNs, threadRunQueueWaitNs())
        + since(m_beginHarnessWaitNs, processRunQueueWaitNs(m_harnessPid));
}

void HarnessJobContext::sample(int index, bool warmup, std::int64_t innerLoops, std::int64_t elapsedNs,
                               std::int64_t heapBytes)
{
    if (m_sampleBeginNs != 0) {
        ++m_clockChecked;
        const std::int64_t hostNs = steadyNowNs() - m_sampleBeginNs;
        const std::int64_t waitedNs = waitedSinceSampleBegin();
        if (std::string why = checkSampleClock(elapsedNs, hostNs, m_clockSlackNs + waitedNs); !why.empty()) {
            ++m_clockMismatches;
            if (m_clockError.empty())
                m_clockError = "sample " + std::to_string(index + 1) + ": " + why
                    + (waitedNs >= 1'000'000
                           ? " (" + millis(waitedNs) + " ms of it spent waiting for a CPU, which the check allows for)"
                           : std::string());
        }
        m_sampleBeginNs = 0;
    }
    Sample s{index + m_job.sampleIndexOffset, warmup, innerLoops, elapsedNs, heapBytes};
    m_result.samples.push_back(s);
    m_sink.post(SampleEvent{m_job.key, s});
}

void HarnessJobContext::output(const std::string& stream, const std::string& text)
{
    m_result.output += text;
    m_sink.post(OutputEvent{m_job.key, stream, text});
}

void HarnessJobContext::gc(const std::string& runtime, std::int64_t startNs, std::int64_t pauseNs)
{
    m_sink.post(GcEvent{startNs, runtime, pauseNs, m_job.key.runtimeId});
}

Result HarnessJobContext::fail(FailureKind kind, std::string message, std::string file, int line)
{
    m_result.status = kind == FailureKind::Cancelled ? ResultStatus::Cancelled : ResultStatus::Failed;
    m_result.failure = {kind, std::move(message), std::move(file), line};
    return m_result;
}

Result HarnessJobContext::succeed(std::string answerJson)
{
    m_result.status = ResultStatus::Ok;
    m_result.answer = std::move(answerJson);
    return m_result;
}

Result HarnessJobContext::finish(const std::string& resultJson)
{
    // Per sample, one disagreement among several is a preemption between the host's clock reading and the timed
    // loop; a forged clock disagrees in every sample.
    if (m_clockMismatches >= 2 || (m_clockMismatches > 0 && m_clockMismatches == m_clockChecked))
        return fail(FailureKind::ClockMismatch,
                    m_clockError + " (" + std::to_string(m_clockMismatches) + " of " + std::to_string(m_clockChecked)
                        + " samples disagreed). Workload code replaced or tampered with the clock the harness reads "
                          "(time.perf_counter_ns, process.hrtime), so its times cannot be trusted. Remove that "
                          "code.");
    json j;
    try {
        j = json::parse(resultJson);
    } catch (const std::exception& e) {
        return fail(FailureKind::Protocol, std::string("the harness returned something that is not JSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("ok") || !j["ok"].is_boolean())
        return fail(FailureKind::Protocol, "the harness result has no 'ok' field: " + resultJson.substr(0, 200));
    if (j.contains("output_dropped_bytes") && j["output_dropped_bytes"].is_number_integer())
        m_result.outputDroppedBytes = j["output_dropped_bytes"].get<std::int64_t>();
    if (!j["ok"].get<bool>()) {
        const std::string file = j.value("file", std::string());
        const int line = j.value("line", 0);
        return fail(failureKindFromName(j.value("kind", std::string("internal"))),
                    j.value("message", std::string("failed without a message")), file, line);
    }
    m_result.status = ResultStatus::Ok;
    m_result.answer = j.value("answer", std::string("null"));
    if (j.contains("harness_overhead_ns") && j["harness_overhead_ns"].is_number())
        m_result.harnessOverheadNs = j["harness_overhead_ns"].get<double>();
    if (j.contains("warnings") && j["warnings"].is_array())
        for (const auto& w : j["warnings"])
            if (w.is_string())
                m_result.warnings.push_back(w.get<std::string>());
    if (j.contains("report") && j["report"].is_object())
        for (const auto& [key, value] : j["report"].items())
            if (value.is_number())
                m_result.reported[key] = value.get<double>();
    return m_result;
}

void ignoreBrokenPipeSignals()
{
    std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace versus
