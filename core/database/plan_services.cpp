// One PostgreSQL cluster per plan that needs it.
#include "plan_services.h"

#include "postgres_cluster.h"
#include "seed_data.h"

namespace versus {

namespace {
constexpr const char* kPostgres = "postgresql";
}

PlanServices::PlanServices() = default;

PlanServices::~PlanServices()
{
    stop();
}

void PlanServices::start(const std::vector<const Workload*>& workloads, const std::atomic<bool>& cancelled)
{
    bool wantsPostgres = false;
    for (const Workload* w : workloads)
        wantsPostgres = wantsPostgres || (w && w->service == kPostgres);
    if (!wantsPostgres || m_postgres)
        return;
    auto cluster = PostgresCluster::start(postgresSeedSql(), &cancelled);
    if (cluster)
        m_postgres = std::move(*cluster);
    else
        m_postgresError = cluster.error();
}

Expected<std::string> PlanServices::forWorkload(const Workload& workload) const
{
    if (workload.service.empty())
        return std::string("{}");
    if (workload.service != kPostgres)
        return Error{"'" + workload.id + "' needs the service '" + workload.service + "', which Versus does not know"};
    if (!m_postgres)
        return Error{m_postgresError.empty() ? "the PostgreSQL cluster was not started" : m_postgresError};
    return "{\"" + std::string(kPostgres) + "\": " + m_postgres->connection().toJson() + "}";
}

void PlanServices::stop()
{
    if (m_postgres)
        m_postgres->stop();
    m_postgres.reset();
}

}  // namespace versus
