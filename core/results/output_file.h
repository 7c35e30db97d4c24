// Writing a file the user named: results, exports, charts. Readers never see a part of a regular file, and the path
// means what the user meant: a symlink is written through, a FIFO or terminal is streamed to, "-" is standard output.
#pragma once

#include <string>
#include <string_view>

#include "expected.h"

namespace versus {

/// Writes `bytes` to `path`:
/// - "-": standard output.
/// - a regular file, a new file or a symlink to either: a temporary file in the (final) target's folder, fsynced
///   and renamed over the target, then the folder fsynced; readers see the old or the complete new file. A symlink
///   stays a symlink (its target is replaced); an existing file keeps its mode (and, as root, its owner); a new file
///   gets 0666 less the umask. The temporary file is removed on failure.
/// - a FIFO or character device (e.g. /dev/stdout): opened and streamed to, never renamed over.
/// - a folder, socket or block device: refused with the reason.
Expected<void> writeOutputFile(const std::string& path, std::string_view bytes);

}  // namespace versus
