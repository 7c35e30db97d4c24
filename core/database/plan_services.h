// The servers a plan's workloads declare (manifest "service": "postgresql"), started once before the plan's first
// job and stopped before the plan ends, however it ends (done, failed, cancelled): the run owns them, so every front
// end (CLI, window, isolated workers) gets them.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "expected.h"

namespace versus {

class PostgresCluster;

class PlanServices {
public:
    PlanServices();
    ~PlanServices();  ///< stop()
    PlanServices(const PlanServices&) = delete;
    PlanServices& operator=(const PlanServices&) = delete;

    /// Starts every service that one of `workloads` declares (once each). Never throws: a service that cannot start
    /// keeps its reason, given to each of its workloads by forWorkload(). Polls `cancelled`.
    void start(const std::vector<const Workload*>& workloads, const std::atomic<bool>& cancelled);
    /// The JSON object a job of `workload` receives as job["services"]: {} when it declares none,
    /// {"postgresql": {...}} (PostgresConnection::toJson); the error when its service is unavailable.
    Expected<std::string> forWorkload(const Workload& workload) const;
    /// Stops and deletes everything started. Idempotent.
    void stop();

private:
    std::unique_ptr<PostgresCluster> m_postgres;
    std::string m_postgresError;  ///< why the cluster is not there, when a workload needed it
};

}  // namespace versus
