#include "core/train/run_folder_encryption.h"

#include <algorithm>
#include <filesystem>

#include "core/common/atomic_file.h"
#include "core/train/checkpoint.h"
#include "core/train/peft_adapter.h"
#include "core/workspace/workspace_file_io.h"

namespace tb::train {

namespace fs = std::filesystem;

namespace {

// encryptFileInPlace with the size limit the checkpoint reader uses: a full fine-tuning checkpoint holds
// the weights and both AdamW moments and can pass the 2 GiB default of readWholeFile.
Result<bool> encryptRunFile(const std::string& path, const std::string& context, const WorkspaceKey& key,
                            const std::string& what) {
    return encryptFileInPlace(path, context, key, what, size_t(1) << 40);
}

bool hidden(const fs::path& p) {
    const std::string n = p.filename().string();
    return n.empty() || n.front() == '.';
}

}  // namespace

const std::vector<std::string>& encryptedAdapterFileNames() {
    static const std::vector<std::string> names = {"adapter_config.json", "adapter_model.safetensors"};
    return names;
}

Result<RunFolderEncryptionSummary> encryptRunFolder(const std::string& runDir, const WorkspaceKey& key) {
    RunFolderEncryptionSummary summary;
    std::error_code ec;
    if (!fs::is_directory(runDir, ec)) return inputError(runDir + ": not a run folder");
    bool holdsSomething = false;
    auto count = [&](const Result<bool>& changed, int& counter) -> Status {
        if (!changed) return changed.error();
        ++(*changed ? counter : summary.filesAlready);
        holdsSomething = true;
        return Status::success();
    };
    // Adapter folders: adapter/, adapter-best/ and any other subfolder a PEFT adapter was written to.
    std::vector<fs::path> subfolders;
    for (fs::directory_iterator it(runDir, ec), end; !ec && it != end; it.increment(ec))
        if (!hidden(it->path()) && it->is_directory() && !it->is_symlink()) subfolders.push_back(it->path());
    if (ec) return inputError(runDir + ": cannot list: " + ec.message());
    std::sort(subfolders.begin(), subfolders.end());
    for (const fs::path& folder : subfolders) {
        for (const std::string& name : encryptedAdapterFileNames()) {
            const fs::path file = folder / name;
            if (!fs::is_regular_file(fs::symlink_status(file, ec))) continue;
            const std::string path = file.string();
            TB_TRY(count(encryptRunFile(path, adapterFileContext(path), key, "adapter " + folder.string()),
                         summary.adapterFiles));
        }
    }
    // Checkpoints: step-*.ckpt and best.ckpt (every *.ckpt the trainer may have left).
    const fs::path ckptDir = fs::path(runDir) / "checkpoints";
    if (fs::is_directory(ckptDir, ec)) {
        std::vector<fs::path> ckpts;
        for (fs::directory_iterator it(ckptDir, ec), end; !ec && it != end; it.increment(ec))
            if (!hidden(it->path()) && it->path().extension() == ".ckpt" &&
                fs::is_regular_file(fs::symlink_status(it->path(), ec)))
                ckpts.push_back(it->path());
        if (ec) return inputError(ckptDir.string() + ": cannot list: " + ec.message());
        std::sort(ckpts.begin(), ckpts.end());
        for (const fs::path& file : ckpts) {
            const std::string path = file.string();
            TB_TRY(count(encryptRunFile(path, checkpointFileContext(path), key, "checkpoint " + path),
                         summary.checkpointFiles));
        }
    }
    if (fs::exists(fs::path(runDir) / "model", ec) || fs::exists(fs::path(runDir) / "model.gguf", ec)) {
        summary.plainModels.push_back(runDir);
        holdsSomething = true;
    }
    summary.runs = holdsSomething ? 1 : 0;
    return summary;
}

Result<RunFolderEncryptionSummary> encryptRunFolders(const std::string& runsDir, const WorkspaceKey& key) {
    RunFolderEncryptionSummary total;
    std::error_code ec;
    if (!fs::is_directory(runsDir, ec)) return total;
    std::vector<fs::path> runs;
    for (fs::directory_iterator it(runsDir, ec), end; !ec && it != end; it.increment(ec))
        if (!hidden(it->path()) && it->is_directory() && !it->is_symlink()) runs.push_back(it->path());
    if (ec) return inputError(runsDir + ": cannot list: " + ec.message());
    std::sort(runs.begin(), runs.end());
    for (const fs::path& run : runs) {
        auto one = encryptRunFolder(run.string(), key);
        if (!one) return one.error();
        total.runs += one->runs;
        total.adapterFiles += one->adapterFiles;
        total.checkpointFiles += one->checkpointFiles;
        total.filesAlready += one->filesAlready;
        total.plainModels.insert(total.plainModels.end(), one->plainModels.begin(), one->plainModels.end());
    }
    return total;
}

}  // namespace tb::train
