// The fixed data set every database workload reads: the SQL that loads it into a fresh cluster.
#pragma once

#include <string>

namespace versus {

/// Creates pg_stat_statements and four tables (customers 2,000, products 200, orders 10,000, order_lines 30,000
/// rows), all computed from generate_series (no random()), so every cluster holds the same rows and every
/// workload's checksum is known in advance. Orders inserted by db_insert get status 'new', which no read touches.
const std::string& postgresSeedSql();

}  // namespace versus
