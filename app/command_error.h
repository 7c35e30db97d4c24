// The one way a command reports that it could not do its job: "versus: <what happened and what to do>" on stderr.
#pragma once

#include <iostream>
#include <string>

namespace versus::cli {

/// Prints the message and returns `status`: 2 for usage errors and unreadable input (the default), 1 for a failure
/// while doing the work.
inline int fail(const std::string& message, int status = 2)
{
    std::cerr << "versus: " << message << "\n";
    return status;
}

}  // namespace versus::cli
