// Stable record ids: the first 16 hex digits of SHA-256 over the record's format and input side, so an id
// survives cleaning of the output, re-splitting and re-versioning; repeats of the same input get "-2", "-3".
// Ids the source file gives (an "id" field) are kept. Not a content hash (see record_json.h).
#pragma once

#include "core/data/record.h"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace tb {

std::string baseRecordId(const Record& r);

class RecordIdAssigner {
public:
    // Sets r.id when empty; makes ids unique within this assigner (suffix -2, -3, ...).
    void assign(Record& r);

private:
    std::unordered_map<uint64_t, uint32_t> m_seen;  // hash of the base id -> times seen
};

}  // namespace tb
