#include "core/data/version_diff.h"

#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/record_json.h"
#include "core/data/record_text.h"
#include "core/data/text_snippet.h"
#include "core/workspace/workspace_file_io.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <unordered_map>

namespace tb {

namespace {

struct Entry {
    std::string split;
    std::string contentHash;
    std::string preview;
};

Result<std::unordered_map<std::string, Entry>> loadVersion(const std::string& dir, std::map<std::string, std::array<int64_t, 2>>& counts, int side,
                                                           const WorkspaceKey* key) {
    std::unordered_map<std::string, Entry> out;
    for (const char* split : {"train", "validation", "test"}) {
        std::string path = dir + "/" + split + ".jsonl";
        std::error_code ec;
        bool empty = !std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0;
        if (!empty && fileLooksEncrypted(path)) {  // an encrypted empty split is not 0 bytes: ask the manifest
            auto manifest = readDatasetVersion(dir);
            empty = manifest.ok() && manifest->counts.count(split) && manifest->counts.at(split) == 0;
        }
        if (empty) {
            counts[split][side] += 0;
            continue;
        }
        ImportOptions o;
        o.kind = FileKind::Jsonl;
        o.assignIds = false;  // ids come from the file
        o.key = key;
        std::string firstError;
        auto st = importDataset(
            path, o,
            [&](Record&& r) {
                ++counts[split][side];
                if (r.id.empty()) r.id = "line:" + std::string(split) + ":" + std::to_string(r.sourceLine);
                std::string preview = utf8Prefix(recordAllText(r), 160);
                out[r.id] = {split, recordContentHash(r), std::move(preview)};
                return true;
            },
            [&](const RejectedRecord& rej) {
                if (firstError.empty()) firstError = rej.file + ":" + std::to_string(rej.line) + ": " + rej.reason;
            });
        if (!st.ok()) return st.error();
        if (!firstError.empty()) return inputError("version file is damaged: " + firstError);
    }
    return out;
}

nlohmann::json entriesJson(const std::vector<RecordDiffEntry>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& e : v)
        a.push_back({{"id", e.id}, {"split_before", e.splitBefore}, {"split_after", e.splitAfter},
                     {"before", e.before}, {"after", e.after}});
    return a;
}

}  // namespace

Result<VersionDiff> diffDatasetVersions(const std::string& dirA, const std::string& dirB, size_t maxExamples,
                                        const WorkspaceKey* key) {
    auto va = readDatasetVersion(dirA);
    if (!va.ok()) return va.error();
    auto vb = readDatasetVersion(dirB);
    if (!vb.ok()) return vb.error();
    VersionDiff d;
    d.versionA = va->name + "@" + va->version.substr(0, 12);
    d.versionB = vb->name + "@" + vb->version.substr(0, 12);
    auto a = loadVersion(dirA, d.counts, 0, key);
    if (!a.ok()) return a.error();
    auto b = loadVersion(dirB, d.counts, 1, key);
    if (!b.ok()) return b.error();
    auto push = [&](std::vector<RecordDiffEntry>& v, RecordDiffEntry e) {
        if (v.size() < maxExamples) v.push_back(std::move(e));
    };
    // Deterministic order: by id.
    std::vector<std::string> idsA, idsB;
    for (const auto& [id, e] : *a) idsA.push_back(id);
    for (const auto& [id, e] : *b) idsB.push_back(id);
    std::sort(idsA.begin(), idsA.end());
    std::sort(idsB.begin(), idsB.end());
    for (const auto& id : idsA) {
        const Entry& ea = a->at(id);
        auto it = b->find(id);
        if (it == b->end()) {
            ++d.removed;
            push(d.removedExamples, {id, ea.split, "", ea.preview, ""});
            continue;
        }
        const Entry& eb = it->second;
        bool changed = ea.contentHash != eb.contentHash;
        bool moved = ea.split != eb.split;
        if (changed) {
            ++d.changed;
            push(d.changedExamples, {id, ea.split, eb.split, ea.preview, eb.preview});
        }
        if (moved) {
            ++d.moved;
            push(d.movedExamples, {id, ea.split, eb.split, "", ""});
        }
        if (!changed && !moved) ++d.unchanged;
    }
    for (const auto& id : idsB) {
        if (a->count(id)) continue;
        ++d.added;
        const Entry& eb = b->at(id);
        push(d.addedExamples, {id, "", eb.split, "", eb.preview});
    }
    return d;
}

nlohmann::json versionDiffToJson(const VersionDiff& d) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [k, v] : d.counts) counts[k] = {{"a", v[0]}, {"b", v[1]}};
    return {{"a", d.versionA}, {"b", d.versionB}, {"added", d.added}, {"removed", d.removed}, {"changed", d.changed},
            {"moved", d.moved}, {"unchanged", d.unchanged}, {"counts", counts},
            {"examples", {{"added", entriesJson(d.addedExamples)}, {"removed", entriesJson(d.removedExamples)},
                          {"changed", entriesJson(d.changedExamples)}, {"moved", entriesJson(d.movedExamples)}}}};
}

std::string versionDiffToText(const VersionDiff& d) {
    std::ostringstream o;
    o << d.versionA << " -> " << d.versionB << "\n";
    o << "added " << d.added << ", removed " << d.removed << ", changed " << d.changed << ", moved between splits "
      << d.moved << ", unchanged " << d.unchanged << "\n";
    for (const auto& [k, v] : d.counts) o << "  " << k << ": " << v[0] << " -> " << v[1] << "\n";
    for (const auto& e : d.changedExamples) o << "~ " << e.id << "\n    - " << e.before << "\n    + " << e.after << "\n";
    for (const auto& e : d.addedExamples) o << "+ " << e.id << " [" << e.splitAfter << "] " << e.after << "\n";
    for (const auto& e : d.removedExamples) o << "- " << e.id << " [" << e.splitBefore << "] " << e.before << "\n";
    return o.str();
}

}  // namespace tb
