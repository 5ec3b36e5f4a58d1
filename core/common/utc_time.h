// The current time as an ISO 8601 UTC timestamp ("2026-11-21T16:20:05Z"), the form every manifest,
// run status, key record and rating in the workspace stores. Not a date library.
#pragma once

#include <string>

namespace tb {

std::string utcTimestampNow();

}  // namespace tb
