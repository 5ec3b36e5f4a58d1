#include "core/train/checkpoint.h"

#include "core/common/atomic_file.h"
#include "core/workspace/workspace_file_io.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace tb::train {

namespace {
constexpr char kMagic[8] = {'T', 'B', 'C', 'K', 'P', 'T', '0', '1'};
}

nlohmann::json loopStateToJson(const LoopState& s) {
    return {{"step", s.step}, {"epoch", s.epoch}, {"group_in_epoch", s.groupInEpoch},
            {"best_val_loss", s.bestValLoss}, {"best_step", s.bestStep}, {"bad_evals", s.badEvals},
            {"tokens_seen", s.tokensSeen}, {"seed", s.seed}, {"fingerprint", s.fingerprint},
            {"rng", "counter-based: order from (seed, epoch), dropout from (seed, step, micro-batch)"}};
}

Result<LoopState> loopStateFromJson(const nlohmann::json& j, const std::string& source) {
    LoopState s;
    // Counters must be JSON integers: nlohmann converts a float such as 1e300 to an integer with
    // undefined behaviour, so a hostile checkpoint is refused here, naming the field.
    if (!j.is_object()) return inputError(source + ": checkpoint state is not an object");
    for (const char* k : {"step", "epoch", "group_in_epoch", "best_step", "bad_evals", "tokens_seen", "seed"})
        if (!j.contains(k) || !j[k].is_number_integer())
            return inputError(source + ": checkpoint state: '" + k + "' must be an integer");
    if (!j.contains("best_val_loss") || !j["best_val_loss"].is_number())
        return inputError(source + ": checkpoint state: 'best_val_loss' must be a number");
    if (!j["seed"].is_number_unsigned())
        return inputError(source + ": checkpoint state: 'seed' must not be negative");
    try {
        s.step = j.at("step"), s.epoch = j.at("epoch"), s.groupInEpoch = j.at("group_in_epoch");
        s.bestValLoss = j.at("best_val_loss"), s.bestStep = j.at("best_step"), s.badEvals = j.at("bad_evals");
        s.tokensSeen = j.at("tokens_seen"), s.seed = j.at("seed"), s.fingerprint = j.at("fingerprint");
    } catch (const std::exception& e) {
        return inputError(source + ": checkpoint state: " + e.what());
    }
    return s;
}

std::string checkpointFileContext(const std::string& path) { return protectedFileContext("checkpoint", path); }

Status saveCheckpoint(const std::string& path, const LoopState& state, const std::vector<ParamRef>& params,
                      const std::vector<float>& m, const std::vector<float>& v, int64_t adamStep,
                      const WorkspaceKey* key) {
    nlohmann::json header = {{"format", "tunebench-checkpoint"}, {"version", 1}, {"state", loopStateToJson(state)},
                             {"adam_step", adamStep}};
    int64_t total = 0;
    for (const ParamRef& p : params) {
        header["tensors"].push_back({{"name", p.name}, {"size", p.size}});
        total += p.size;
    }
    if (int64_t(m.size()) != total || int64_t(v.size()) != total)
        return internalError(path + ": optimizer moments do not match the parameters");
    const std::string h = header.dump();
    std::string bytes;
    bytes.reserve(16 + h.size() + size_t(total) * 12);
    bytes.append(kMagic, 8);
    uint64_t len = h.size();
    bytes.append(reinterpret_cast<const char*>(&len), 8);
    bytes += h;
    for (const ParamRef& p : params) bytes.append(reinterpret_cast<const char*>(p.data), size_t(p.size) * 4);
    bytes.append(reinterpret_cast<const char*>(m.data()), m.size() * 4);
    bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * 4);
    if (!key) return writeFileAtomically(path, bytes);
    Status written = writeProtectedFile(path, bytes, checkpointFileContext(path), key);
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return written;
}

Result<LoadedCheckpoint> loadCheckpoint(const std::string& path, std::vector<ParamRef>& params, std::vector<float>& m,
                                        std::vector<float>& v, const WorkspaceKey* key) {
    auto data = readProtectedFile(path, checkpointFileContext(path), key, "checkpoint " + path, size_t(1) << 40);
    if (!data) return data.error();
    return parseCheckpoint(*data, path, params, m, v);
}

namespace {
// A header field read without throwing: a member of the wrong type counts as missing.
std::string stringField(const nlohmann::json& j, const char* key, const std::string& fallback) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}
int64_t intField(const nlohmann::json& j, const char* key, int64_t fallback) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}
}  // namespace

Result<LoadedCheckpoint> parseCheckpoint(const std::string& b, const std::string& label, std::vector<ParamRef>& params,
                                         std::vector<float>& m, std::vector<float>& v) {
    const std::string& path = label;
    if (b.size() < 16 || std::memcmp(b.data(), kMagic, 8) != 0)
        return inputError(path + ": not a Tunebench checkpoint (bad magic)");
    uint64_t len;
    std::memcpy(&len, b.data() + 8, 8);
    if (len > b.size() - 16) return inputError(path + ": header length " + std::to_string(len) + " exceeds the file");
    nlohmann::json header = nlohmann::json::parse(b.begin() + 16, b.begin() + 16 + std::ptrdiff_t(len), nullptr, false);
    if (header.is_discarded() || !header.is_object() || !header.contains("tensors") || !header.contains("state"))
        return inputError(path + ": checkpoint header is not valid JSON");
    const auto& tensors = header["tensors"];
    if (!tensors.is_array() || tensors.size() != params.size())
        return inputError(path + ": checkpoint has " + std::to_string(tensors.size()) + " tensors, the run has " +
                          std::to_string(params.size()));
    int64_t total = 0;
    for (size_t i = 0; i < params.size(); ++i) {
        if (stringField(tensors[i], "name", "") != params[i].name || intField(tensors[i], "size", -1) != params[i].size)
            return inputError(path + ": tensors[" + std::to_string(i) + "] is " + stringField(tensors[i], "name", "?") +
                              ", expected " + params[i].name + " of " + std::to_string(params[i].size) + " values");
        total += params[i].size;
    }
    const uint64_t need = 16 + len + uint64_t(total) * 12;
    if (b.size() != need)
        return inputError(path + ": checkpoint is " + std::to_string(b.size()) + " bytes, expected " + std::to_string(need));
    auto st = loopStateFromJson(header["state"], path);
    if (!st) return st.error();
    if (header.contains("adam_step") && !header["adam_step"].is_number_integer())
        return inputError(path + ": adam_step must be an integer");
    const char* p = b.data() + 16 + len;
    for (ParamRef& pr : params) {
        std::memcpy(pr.data, p, size_t(pr.size) * 4);
        p += pr.size * 4;
    }
    m.resize(size_t(total)), v.resize(size_t(total));
    std::memcpy(m.data(), p, size_t(total) * 4);
    std::memcpy(v.data(), p + total * 4, size_t(total) * 4);
    LoadedCheckpoint out;
    out.state = *st;
    out.adamStep = intField(header, "adam_step", 0);
    return out;
}

std::string checkpointFileName(int64_t step) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "step-%08lld.ckpt", static_cast<long long>(step));
    return buf;
}

std::vector<std::pair<int64_t, std::string>> listCheckpoints(const std::string& dir) {
    std::vector<std::pair<int64_t, std::string>> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string n = e.path().filename().string();
        long long step;
        char tail[8] = {};
        if (n.size() == 18 && std::sscanf(n.c_str(), "step-%8lld.%4s", &step, tail) == 2 && std::string(tail) == "ckpt")
            out.emplace_back(step, e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void pruneCheckpoints(const std::string& dir, int keep) {
    auto all = listCheckpoints(dir);
    for (size_t i = 0; i + size_t(std::max(keep, 1)) < all.size(); ++i) {
        std::error_code ec;
        std::filesystem::remove(all[i].second, ec);
    }
}

}  // namespace tb::train
