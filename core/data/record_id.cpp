#include "core/data/record_id.h"

#include "core/common/sha256.h"
#include "core/data/record_text.h"
#include "core/data/text_hash.h"

namespace tb {

std::string baseRecordId(const Record& r) {
    Sha256 h;
    std::string_view fmt = recordFormatName(r.format);
    h.update(fmt);
    h.update("\n", 1);
    if (r.format == RecordFormat::PlainText) h.update(r.text);
    else if (r.format == RecordFormat::ChatMessages || r.format == RecordFormat::ShareGpt) h.update(recordInput(r));
    else h.update(r.prompt);
    return h.hexDigest().substr(0, 16);
}

void RecordIdAssigner::assign(Record& r) {
    std::string base = r.id.empty() ? baseRecordId(r) : r.id;
    uint32_t& n = m_seen[hash64(base)];
    ++n;
    r.id = n == 1 ? base : base + "-" + std::to_string(n);
}

}  // namespace tb
