// `versus worker`: one job, read from stdin, run on an embedded runtime of this process, reported on the protocol pipe.
#include "isolated_worker.h"

#include <cerrno>
#include <csignal>
#include <iostream>
#include <iterator>
#include <mutex>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "catalog.h"
#include "worker_protocol.h"

namespace versus {

namespace {

/// Writes whole lines to the protocol pipe; any thread (runtimes post from their own threads).
class PipeSink final : public EventSink {
public:
    explicit PipeSink(int fd) : m_fd(fd) { }
    void post(Event event) override
    {
        if (auto text = workerEventLine(event))
            writeLine(*text);
    }
    void writeLine(std::string text)
    {
        text += '\n';
        std::lock_guard lock(m_mutex);
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = write(m_fd, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                _exit(3);  // the parent is gone: nobody is left to report to
            done += static_cast<std::size_t>(n);
        }
    }

private:
    int m_fd;
    std::mutex m_mutex;
};

Result failed(FailureKind kind, std::string message)
{
    Result r;
    r.status = ResultStatus::Failed;
    r.failure = {kind, std::move(message), {}, 0};
    return r;
}

/// The job's RunJob pieces, rebuilt from the manifest: the workload, its implementation and typed parameters.
struct LoadedJob {
    Workload workload;
    const Implementation* implementation = nullptr;
    ParamValues params;
};

Expected<LoadedJob> load(const WorkerJob& job)
{
    std::vector<CatalogError> errors;
    auto workload = Catalog::loadManifest(job.manifest, errors);
    if (!workload)
        return Error{"the workload's manifest no longer loads: "
                     + (errors.empty() ? job.manifest : errors.front().toString())};
    LoadedJob loaded{std::move(*workload), nullptr, {}};
    ParamValues overrides;
    for (const auto& [name, text] : job.params) {
        const ParameterSpec* spec = loaded.workload.parameter(name);
        if (!spec)
            return Error{"the workload has no parameter '" + name + "' any more"};
        const auto value = parseParamValue(*spec, text);
        if (!value)
            return Error{value.error()};
        overrides[name] = *value;
    }
    auto params = loaded.workload.resolveParams(overrides);
    if (!params)
        return Error{params.error()};
    loaded.params = std::move(*params);
    return loaded;
}

}  // namespace

int serveIsolatedJob(RuntimeRegistry& registry, int protocolFd)
{
    // The worker never outlives the Versus process that started it, even one killed with SIGKILL.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    PipeSink sink(protocolFd);
    const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    auto job = workerJobFromJson(text);
    if (!job.ok()) {
        sink.writeLine(workerDoneLine(failed(FailureKind::Internal, job.error())));
        return 2;
    }
    if (job->parentPid > 0 && getppid() != job->parentPid)
        return 3;  // the parent died before PR_SET_PDEATHSIG took effect
    if (job->memoryLimitBytes > 0) {
        const auto bytes = static_cast<rlim_t>(job->memoryLimitBytes + kWorkerAddressSpaceHeadroomBytes);
        const rlimit limit{bytes, bytes};
        setrlimit(RLIMIT_AS, &limit);
    }

    auto loaded = load(*job);
    if (!loaded.ok()) {
        sink.writeLine(workerDoneLine(failed(FailureKind::Internal, loaded.error())));
        return 0;
    }
    for (const Implementation* impl : loaded->workload.implementationsFor(job->language))
        if (impl->flavour == job->flavour)
            loaded->implementation = impl;
    if (!loaded->implementation) {
        sink.writeLine(workerDoneLine(
            failed(FailureKind::Internal,
                   "the workload has no " + job->language + " '" + job->flavour + "' implementation any more")));
        return 0;
    }
    const auto found = registry.get(job->runtimeId);
    if (!found) {
        sink.writeLine(workerDoneLine(failed(FailureKind::RuntimeUnavailable, found.error())));
        return 0;
    }
    Runtime* runtime = *found;

    RunJob run;
    run.key = job->key;
    run.workload = &loaded->workload;
    run.implementation = loaded->implementation;
    run.params = loaded->params;
    run.options = job->options;
    run.sampleIndexOffset = job->sampleIndexOffset;
    run.servicesJson = job->servicesJson;
    sink.writeLine(workerReadyLine());
    const Result result = runtime->execute(run, sink);
    sink.writeLine(workerDoneLine(result));
    return 0;
}

}  // namespace versus
