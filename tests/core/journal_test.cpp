// Journal: lines reach the file at once, a finished run recovers whole, and a run killed with SIGKILL recovers
// every sample written before the kill.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "journal.h"
#include "output_file.h"
#include "statistics.h"

using namespace versus;

ResultsDocument exampleDocument();  // results_file_test.cpp
std::string tempDir(const std::string& name);  // results_file_test.cpp

namespace {

ItemKey keyOf(const Result& r)
{
    return {r.itemIndex, r.workloadId, r.runtimeId, r.flavour};
}

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int countOccurrences(const std::string& text, const std::string& needle)
{
    int count = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++count;
    return count;
}

/// Journals `result` the way a run produces it: started, calibrated, each sample, then finished or failed.
void recordItem(Journal& journal, const Result& result)
{
    journal.record(StartedEvent{keyOf(result), result.runtimeName, result.runtimeVersion});
    journal.record(CalibratedEvent{keyOf(result), result.innerLoops, 1000});
    for (const Sample& s : result.samples)
        journal.record(SampleEvent{keyOf(result), s});
    if (result.ok())
        journal.record(FinishedEvent{result});
    else
        journal.record(FailedEvent{result});
}

/// Child process body: journals the plan and item 0, then samples until it is killed. Never returns.
[[noreturn]] void journalForever(const std::string& path, const ResultsDocument& doc)
{
    Journal journal(path);
    journal.planStarted(doc);
    const Result& item = doc.results[1];
    journal.record(StartedEvent{keyOf(item), item.runtimeName, item.runtimeVersion});
    for (int i = 0;; ++i) {
        journal.record(SampleEvent{keyOf(item), {i, i < 2, 8, 8000 + i, -1}});
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

}  // namespace

TEST(Journal, EveryLineIsInTheFileAsSoonAsItIsRecorded)
{
    const std::string path = tempDir("journal-write") + "/run.journal";
    const ResultsDocument doc = exampleDocument();
    Journal journal(path);
    ASSERT_TRUE(journal.ok()) << journal.error();
    journal.planStarted(doc);
    journal.record(SampleEvent{keyOf(doc.results[0]), doc.results[0].samples[0]});
    // Read through another file descriptor while the journal is still open: no buffer holds the line back.
    const std::string text = readAll(path);
    EXPECT_EQ(countOccurrences(text, "\n"), 2);
    EXPECT_EQ(text.rfind("{\"document\":{", 0), 0u);
    EXPECT_NE(text.find("\"event\":\"sample\""), std::string::npos);
}

TEST(Journal, CannotCreateSaysWhere)
{
    Journal journal("/nonexistent/versus/run.journal");
    EXPECT_FALSE(journal.ok());
    EXPECT_EQ(journal.error(),
              "Cannot create the journal '/nonexistent/versus/run.journal': No such file or directory");
}

TEST(Journal, AFinishedRunRecoversWhole)
{
    const std::string path = tempDir("journal-whole") + "/run.journal";
    const ResultsDocument doc = exampleDocument();
    {
        Journal journal(path);
        journal.planStarted(doc);
        for (const Result& r : doc.results)
            recordItem(journal, r);
        journal.record(OutputEvent{keyOf(doc.results[0]), "stdout", "not journalled"});
        journal.record(PlanDoneEvent{3, 1, false});
    }
    const auto recovered = recoverJournal(path);
    ASSERT_TRUE(recovered.ok()) << recovered.error();
    const RecoveredRun& run = *recovered;
    EXPECT_TRUE(run.complete);
    EXPECT_EQ(run.skippedLines, 0);
    EXPECT_EQ(run.document.versusVersion, doc.versusVersion);
    EXPECT_EQ(run.document.environment.cpuModel, doc.environment.cpuModel);
    EXPECT_EQ(run.document.options.samples, doc.options.samples);
    // The recovered document is exactly what the run's own results file would hold.
    EXPECT_EQ(writeResultsDocument(run.document), writeResultsDocument(doc));
}

TEST(Journal, HarnessOverheadWarningsAndChildFiguresSurviveRecovery)
{
    const std::string path = tempDir("journal-new-fields") + "/run.journal";
    ResultsDocument doc = exampleDocument();
    doc.results[0].childUserNs = 2'400'000'000;
    doc.results[0].childSysNs = 35'000'000;
    doc.results[0].childExitCode = 0;
    doc.results[2].childExitCode = 1;  // a failed child
    {
        Journal journal(path);
        journal.planStarted(doc);
        for (const Result& r : doc.results)
            recordItem(journal, r);
        journal.record(PlanDoneEvent{3, 1, false});
    }
    const auto recovered = recoverJournal(path);
    ASSERT_TRUE(recovered.ok()) << recovered.error();
    const std::vector<Result>& back = recovered->document.results;
    ASSERT_EQ(back.size(), doc.results.size());
    EXPECT_EQ(back[0].childUserNs, 2'400'000'000);
    EXPECT_EQ(back[0].childSysNs, 35'000'000);
    EXPECT_EQ(back[0].childExitCode, 0);
    EXPECT_EQ(back[1].childExitCode, -1);
    EXPECT_EQ(back[2].childExitCode, 1);
    EXPECT_EQ(back[3].harnessOverheadNs, 40.5);
    EXPECT_EQ(back[3].warnings, doc.results[3].warnings);
    EXPECT_EQ(back[0].harnessOverheadNs, -1);
    EXPECT_TRUE(back[0].warnings.empty());
}

TEST(Journal, AnInterruptedItemBecomesACancelledResultWithItsSamples)
{
    const std::string path = tempDir("journal-cut") + "/run.journal";
    const ResultsDocument doc = exampleDocument();
    const Result& item = doc.results[1];
    {
        Journal journal(path);
        journal.planStarted(doc);
        recordItem(journal, doc.results[0]);
        journal.record(StartedEvent{keyOf(item), item.runtimeName, item.runtimeVersion});
        journal.record(CalibratedEvent{keyOf(item), 4, 40000000});
        for (std::size_t i = 0; i < 6; ++i)
            journal.record(SampleEvent{keyOf(item), item.samples[i]});
    }
    // The kill cut the next sample line in half.
    std::ofstream(path, std::ios::app) << R"({"event":"sample","item_index":1,"sample":{"index":6,"warm)";

    const auto recovered = recoverJournal(path);
    ASSERT_TRUE(recovered.ok()) << recovered.error();
    const RecoveredRun& run = *recovered;
    EXPECT_FALSE(run.complete);
    EXPECT_EQ(run.skippedLines, 1);
    ASSERT_EQ(run.document.results.size(), 2u);
    EXPECT_TRUE(run.document.results[0].ok());
    const Result& cut = run.document.results[1];
    EXPECT_EQ(cut.status, ResultStatus::Cancelled);
    EXPECT_EQ(cut.failure.kind, FailureKind::Cancelled);
    EXPECT_EQ(cut.failure.message,
              "Versus stopped before this item finished (crash or kill); the 5 measured samples "
              "taken until then were recovered from the journal.");
    EXPECT_EQ(cut.workloadId, "fib");
    EXPECT_EQ(cut.runtimeName, "Node.js (embedded)");
    EXPECT_EQ(cut.innerLoops, 4);
    ASSERT_EQ(cut.samples.size(), 6u);
    EXPECT_EQ(cut.samples[5].elapsedNs, item.samples[5].elapsedNs);
    EXPECT_EQ(cut.summary.samples, 5);
    EXPECT_DOUBLE_EQ(cut.summary.medianNs, stats::median(stats::perCallNs(cut.samples)));
}

TEST(Journal, RecoveryRefusesWhatIsNotAJournal)
{
    const std::string dir = tempDir("journal-bad");
    EXPECT_EQ(recoverJournal(dir + "/missing.journal").error(),
              "Cannot open the journal '" + dir + "/missing.journal': No such file or directory");
    std::ofstream(dir + "/empty.journal").flush();
    EXPECT_EQ(recoverJournal(dir + "/empty.journal").error(),
              "'" + dir + "/empty.journal' is not a Versus journal: it is empty");
    std::ofstream(dir + "/results.json") << "{\"schema_version\": 2}\n";
    EXPECT_EQ(recoverJournal(dir + "/results.json").error(),
              "'" + dir + "/results.json' is not a Versus journal: it does not start with a plan line");
    std::ofstream(dir + "/newer.journal") << R"({"event":"plan","document":{"schema_version":7}})"
                                          << "\n";
    EXPECT_NE(recoverJournal(dir + "/newer.journal")
                  .error()
                  .find("the plan line is unreadable: this results file uses "
                        "schema version 7"),
              std::string::npos);
}

TEST(Journal, ChildKilledMidLineLeavesEverySampleBeforeTheCut)
{
    const std::string path = tempDir("journal-kill-line") + "/run.journal";
    const ResultsDocument doc = exampleDocument();
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        Journal journal(path);
        journal.planStarted(doc);
        const Result& item = doc.results[0];
        journal.record(StartedEvent{keyOf(item), item.runtimeName, item.runtimeVersion});
        for (std::size_t i = 0; i < 8; ++i)
            journal.record(SampleEvent{keyOf(item), item.samples[i]});
        const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
        const char half[] = R"({"event":"sample","item_index":0,"sample":{"index":8,"inner_)";
        [[maybe_unused]] const auto written = ::write(fd, half, sizeof half - 1);
        std::raise(SIGKILL);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    const auto recovered = recoverJournal(path);
    ASSERT_TRUE(recovered.ok()) << recovered.error();
    EXPECT_EQ(recovered->skippedLines, 1);
    ASSERT_EQ(recovered->document.results.size(), 1u);
    const Result& r = recovered->document.results[0];
    ASSERT_EQ(r.samples.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i)
        EXPECT_EQ(r.samples[i].elapsedNs, doc.results[0].samples[i].elapsedNs);
    EXPECT_EQ(r.status, ResultStatus::Cancelled);
}

TEST(Journal, RunKilledWithSigkillRecoversToAValidResultsFile)
{
    const std::string dir = tempDir("journal-kill");
    const std::string path = dir + "/run.journal";
    const ResultsDocument doc = exampleDocument();
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
        journalForever(path, doc);

    // Let the child write at least 50 samples, then kill it wherever it is.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (countOccurrences(readAll(path), "\"event\":\"sample\"") < 50 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));

    // Complete sample lines: those with their newline. The kill may have cut the last one.
    const std::string journalText = readAll(path);
    const std::string complete = journalText.substr(0, journalText.rfind('\n') + 1);
    const int completeSampleLines = countOccurrences(complete, "\"event\":\"sample\"");
    ASSERT_GE(completeSampleLines, 50);

    const auto recovered = recoverJournal(path);
    ASSERT_TRUE(recovered.ok()) << recovered.error();
    ASSERT_EQ(recovered->document.results.size(), 1u);
    const Result& r = recovered->document.results[0];
    ASSERT_EQ(static_cast<int>(r.samples.size()), completeSampleLines);
    for (std::size_t i = 0; i < r.samples.size(); ++i)
        ASSERT_EQ(r.samples[i].index, static_cast<int>(i));  // every sample up to the kill, none lost, in order
    EXPECT_EQ(r.summary.samples, completeSampleLines - 2);

    // `versus recover` writes this document; it must read back as a valid results file.
    const std::string resultsPath = dir + "/recovered.json";
    ASSERT_TRUE(writeOutputFile(resultsPath, writeResultsDocument(recovered->document)).ok());
    const auto reread = readResultsFile(resultsPath);
    ASSERT_TRUE(reread.ok()) << reread.error();
    EXPECT_EQ(reread->results[0].samples.size(), r.samples.size());
    EXPECT_EQ(reread->results[0].status, ResultStatus::Cancelled);
}
