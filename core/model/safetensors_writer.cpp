#include "core/model/safetensors_writer.h"

#include "core/common/atomic_file.h"
#include "core/model/float_convert.h"
#include "core/model/mapped_file.h"

#include <nlohmann/json.hpp>

#include <set>

namespace tb {

namespace {

void appendLe16(std::string& out, uint16_t v) {
    out.push_back(char(v & 0xff));
    out.push_back(char(v >> 8));
}

}  // namespace

Result<std::string> encodeSafetensors(const std::vector<NamedTensor>& tensors,
                                      const std::map<std::string, std::string>& metadata) {
    // nlohmann::json objects keep keys sorted, so the header is deterministic; the data follows the
    // same (sorted) order so offsets increase through the file.
    std::map<std::string, const NamedTensor*> sorted;
    for (const auto& t : tensors) {
        if (t.name.empty()) return inputError("safetensors writer: a tensor has an empty name");
        if (t.name == "__metadata__") return inputError("safetensors writer: '__metadata__' cannot name a tensor");
        if (!sorted.emplace(t.name, &t).second) return inputError("safetensors writer: duplicate tensor '" + t.name + "'");
        if (t.storage == StorageType::Q8_0)
            return inputError("safetensors writer: tensor '" + t.name + "': Q8_0 cannot be stored in safetensors");
        uint64_t count = 1;
        for (int64_t d : t.shape) {
            if (d < 0 || !checkedMul(count, uint64_t(d), count))
                return inputError("safetensors writer: tensor '" + t.name + "' has an invalid shape");
        }
        if (count != t.values.size())
            return inputError("safetensors writer: tensor '" + t.name + "' has " + std::to_string(t.values.size()) +
                              " values but its shape needs " + std::to_string(count));
    }
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) {
        nlohmann::json meta = nlohmann::json::object();
        for (const auto& [k, v] : metadata) meta[k] = v;
        header["__metadata__"] = meta;
    }
    uint64_t offset = 0;
    for (const auto& [name, t] : sorted) {
        const uint64_t bytes = t->values.size() * (t->storage == StorageType::F32 ? 4 : 2);
        header[name] = {{"dtype", storageTypeName(t->storage)}, {"shape", t->shape}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string headerText;
    try {
        headerText = header.dump();
    } catch (const nlohmann::json::exception& e) {
        return inputError(std::string("safetensors writer: a name or metadata value is not valid UTF-8: ") + e.what());
    }
    while (headerText.size() % 8 != 0) headerText.push_back(' ');
    std::string out;
    out.reserve(8 + headerText.size() + offset);
    uint64_t len = headerText.size();
    for (int i = 0; i < 8; ++i) out.push_back(char((len >> (8 * i)) & 0xff));
    out += headerText;
    for (const auto& [name, t] : sorted) {
        switch (t->storage) {
        case StorageType::F32:
            out.append(reinterpret_cast<const char*>(t->values.data()), t->values.size() * 4);
            break;
        case StorageType::F16:
            for (float v : t->values) appendLe16(out, floatToF16(v));
            break;
        case StorageType::BF16:
            for (float v : t->values) appendLe16(out, floatToBf16(v));
            break;
        case StorageType::Q8_0: break;  // refused above
        }
    }
    return out;
}

Status writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                        const std::map<std::string, std::string>& metadata) {
    auto bytes = encodeSafetensors(tensors, metadata);
    if (!bytes) return inputError(path + ": " + bytes.message());
    return writeFileAtomically(path, bytes.value());
}

}  // namespace tb
