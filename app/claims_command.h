// `versus claims`: checks the article's claims on this machine (core/claims) and prints the verdict table; writes the
// handout as Markdown and self-contained HTML.
#pragma once

#include <string>

#include "gui_backend.h"

namespace CLI {
class App;
}
namespace versus {
class Catalog;
class RuntimeRegistry;
}  // namespace versus

namespace versus::cli {

struct ClaimsOptions {
    bool tiny = false;
    std::string markdownFile;
    std::string htmlFile;
    std::string jsonFile;  ///< the results file of the runs behind the verdicts
    bool quiet = false;
};

void addClaimsOptions(CLI::App& command, ClaimsOptions& options);
int claimsCommand(const ClaimsOptions& options, const Catalog& catalog, RuntimeRegistry& registry, GuiBackend& gui);

}  // namespace versus::cli
