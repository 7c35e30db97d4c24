// The run journal: one JSON line per event while a run goes, and the recovery of a results document from it.
#pragma once

#include <chrono>
#include <string>

#include "events.h"
#include "results_file.h"

namespace versus {

/// Appends the events of one run to a JSON-lines file (format in SCHEMA.md). Every line goes to the kernel with one
/// write(2) as soon as it is recorded, so a crash or SIGKILL of Versus loses nothing already recorded; the file is
/// also fdatasync'ed at the end of every item and at least once a second while events arrive, so a power cut loses
/// at most about a second. Not thread-safe: call it from the one thread that drains the run's events.
class Journal {
public:
    /// Creates (or truncates) `path`. Check ok() before use; error() says why it could not.
    explicit Journal(const std::string& path);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    bool ok() const { return m_fd >= 0 && m_error.empty(); }
    /// "Cannot write the journal '/x/run.journal': No space left on device"; empty while all is well.
    const std::string& error() const { return m_error; }

    /// First line: the document's metadata and plan (its results are ignored).
    void planStarted(const ResultsDocument& header);
    /// One line per event. Output events are not journalled: the finished result carries the kept output.
    void record(const Event& event);

private:
    void writeLine(const nlohmann::json& line);
    void sync(bool force);

    int m_fd = -1;
    std::string m_path;
    std::string m_error;
    std::chrono::steady_clock::time_point m_lastSync;
};

/// A document rebuilt from a journal, and how much of the run it saw.
struct RecoveredRun {
    ResultsDocument document;
    bool complete = false;  ///< the journal reached the end of the plan
    int skippedLines = 0;  ///< lines that could not be read (a line cut by the kill, normally the last)
};

/// Turns a journal, possibly cut anywhere by a crash or SIGKILL, into a results document holding every complete
/// line: finished and failed items as they were recorded; items that were still running as cancelled results
/// holding the samples measured before the interruption, with their summary computed from those samples. Fails only
/// when the file cannot be read or does not start with a plan line.
Expected<RecoveredRun> recoverJournal(const std::string& path);

}  // namespace versus
