// Journal lines out with one write(2) each; recovery reads them back, tolerating a cut last line.
#include "journal.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <unistd.h>

#include "statistics.h"

namespace versus {

using nlohmann::json;

namespace {

constexpr int kJournalVersion = 1;

json keyToJson(const ItemKey& key)
{
    return {{"item_index", key.itemIndex},
            {"workload", key.workloadId},
            {"runtime", key.runtimeId},
            {"flavour", key.flavour}};
}

}  // namespace

Journal::Journal(const std::string& path) : m_path(path), m_lastSync(std::chrono::steady_clock::now())
{
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0)
        m_error = "Cannot create the journal '" + path + "': " + std::strerror(errno);
}

Journal::~Journal()
{
    if (m_fd >= 0) {
        sync(true);
        ::close(m_fd);
    }
}

void Journal::writeLine(const json& line)
{
    if (!ok())
        return;
    const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(m_fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = "Cannot write the journal '" + m_path + "': " + std::strerror(errno);
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

void Journal::sync(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastSync < std::chrono::seconds(1))
        return;
    if (m_fd >= 0)
        ::fdatasync(m_fd);
    m_lastSync = now;
}

void Journal::planStarted(const ResultsDocument& header)
{
    ResultsDocument withoutResults = header;
    withoutResults.results.clear();
    writeLine(
        {{"event", "plan"}, {"journal_version", kJournalVersion}, {"document", resultsDocumentToJson(withoutResults)}});
    sync(true);
}

void Journal::record(const Event& event)
{
    bool itemEnded = false;
    if (const auto* started = std::get_if<StartedEvent>(&event)) {
        json line = keyToJson(started->key);
        line["event"] = "item_started";
        line["runtime_name"] = started->runtimeName;
        line["runtime_version"] = started->runtimeVersion;
        line["params"] = paramValuesToJson(started->params);
        writeLine(line);
    } else if (const auto* calibrated = std::get_if<CalibratedEvent>(&event)) {
        json line = keyToJson(calibrated->key);
        line["event"] = "calibrated";
        line["inner_loops"] = calibrated->innerLoops;
        writeLine(line);
    } else if (const auto* sample = std::get_if<SampleEvent>(&event)) {
        json line = keyToJson(sample->key);
        line["event"] = "sample";
        line["sample"] = sampleToJson(sample->sample);
        writeLine(line);
    } else if (const auto* finished = std::get_if<FinishedEvent>(&event)) {
        writeLine({{"event", "item_finished"}, {"result", resultToJson(finished->result)}});
        itemEnded = true;
    } else if (const auto* failed = std::get_if<FailedEvent>(&event)) {
        writeLine({{"event", "item_failed"}, {"result", resultToJson(failed->result)}});
        itemEnded = true;
    } else if (const auto* done = std::get_if<PlanDoneEvent>(&event)) {
        writeLine({{"event", "plan_done"},
                   {"ok", done->okCount},
                   {"failed", done->failedCount},
                   {"cancelled", done->cancelled}});
        itemEnded = true;
    }
    sync(itemEnded);
}

namespace {

/// An item seen in the journal: its result so far, and whether the journal saw it end.
struct JournalItem {
    Result result;
    bool ended = false;
};

std::string stringOr(const json& line, const char* key)
{
    const auto it = line.find(key);
    return it != line.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The item a line belongs to, created on first sight; nullptr when the line names none.
JournalItem* itemOf(const json& line, std::map<int, JournalItem>& items, std::vector<int>& order)
{
    const auto it = line.find("item_index");
    if (it == line.end() || !it->is_number_integer())
        return nullptr;
    const int index = it->get<int>();
    auto [entry, inserted] = items.try_emplace(index);
    if (inserted) {
        order.push_back(index);
        entry->second.result.itemIndex = index;
        entry->second.result.workloadId = stringOr(line, "workload");
        entry->second.result.runtimeId = stringOr(line, "runtime");
        entry->second.result.flavour = stringOr(line, "flavour");
    }
    return &entry->second;
}

}  // namespace

Expected<RecoveredRun> recoverJournal(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"Cannot open the journal '" + path + "': " + std::strerror(errno)};
    RecoveredRun run;
    bool sawPlan = false;
    std::map<int, JournalItem> items;
    std::vector<int> order;
    std::string text;
    while (std::getline(in, text)) {
        const json line = json::parse(text, nullptr, false);
        const std::string event = line.is_object() ? stringOr(line, "event") : std::string();
        if (!sawPlan) {
            if (event != "plan" || !line.contains("document"))
                return Error{"'" + path + "' is not a Versus journal: it does not start with a plan line"};
            auto header = resultsDocumentFromJson(line["document"]);
            if (!header)
                return Error{"'" + path + "': the plan line is unreadable: " + header.error()};
            run.document = std::move(*header);
            sawPlan = true;
            continue;
        }
        if (event == "item_finished" || event == "item_failed") {
            auto result = line.contains("result") ? resultFromJson(line["result"], "result", kResultsSchemaVersion)
                                                  : Expected<Result>(Error{"no result"});
            if (!result.ok()) {
                ++run.skippedLines;
                continue;
            }
            JournalItem& item = items[result->itemIndex];
            if (std::find(order.begin(), order.end(), result->itemIndex) == order.end())
                order.push_back(result->itemIndex);
            item.result = std::move(*result);
            item.ended = true;
        } else if (event == "item_started" || event == "calibrated" || event == "sample") {
            JournalItem* item = itemOf(line, items, order);
            if (!item) {
                ++run.skippedLines;
                continue;
            }
            if (event == "item_started") {
                item->result.runtimeName = stringOr(line, "runtime_name");
                item->result.runtimeVersion = stringOr(line, "runtime_version");
                // Journals written before params were recorded lack them: the plan's defaults are not known here.
                if (line.contains("params"))
                    if (auto params = paramValuesFromJson(line["params"], "params"); params.ok())
                        item->result.params = *params;
            } else if (event == "calibrated") {
                const auto loops = line.find("inner_loops");
                if (loops != line.end() && loops->is_number_integer())
                    item->result.innerLoops = loops->get<std::int64_t>();
            } else {
                auto sample = line.contains("sample") ? sampleFromJson(line["sample"], "sample")
                                                      : Expected<Sample>(Error{"no sample"});
                if (!sample.ok()) {
                    ++run.skippedLines;
                    continue;
                }
                item->result.samples.push_back(*sample);
            }
        } else if (event == "plan_done") {
            run.complete = true;
        } else {
            ++run.skippedLines;  // cut by the kill, or from a newer Versus
        }
    }
    if (!sawPlan)
        return Error{"'" + path + "' is not a Versus journal: it is empty"};
    for (int index : order) {
        JournalItem& item = items[index];
        if (!item.ended) {
            Result& r = item.result;
            r.status = ResultStatus::Cancelled;
            r.failure.kind = FailureKind::Cancelled;
            r.failure.message = "Versus stopped before this item finished (crash or kill); the "
                + std::to_string(stats::perCallNs(r.samples).size())
                + " measured samples taken until then were recovered from the journal.";
            r.summary = stats::summarize(r.samples);
        }
        run.document.results.push_back(std::move(item.result));
    }
    return run;
}

}  // namespace versus
