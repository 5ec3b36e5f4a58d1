// Converting run folders written before encryption at rest was turned on: in each runs/<run>/, the PEFT
// adapter folders (adapter/, adapter-best/: adapter_config.json, adapter_model.safetensors) and the
// checkpoints (checkpoints/*.ckpt, best.ckpt too) are encrypted in place, atomically per file, with the
// contexts the readers use (adapterFileContext, checkpointFileContext). Not the writing of new runs
// (train_run.h, peft_adapter.h, checkpoint.h write encrypted when given the key).
#pragma once

#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

namespace tb::train {

struct RunFolderEncryptionSummary {
    int runs = 0;             // run folders that hold an adapter or checkpoints
    int adapterFiles = 0;     // adapter files encrypted by this call
    int checkpointFiles = 0;  // checkpoint files encrypted by this call
    int filesAlready = 0;     // found encrypted (checked to decrypt with the key) and left alone
    // Run folders holding a full fine-tuned model (model/ or model.gguf): left plain, because models are
    // loaded by mapping their files; named so the caller can say so.
    std::vector<std::string> plainModels;
};

// The file names of a PEFT adapter folder that are encrypted at rest.
const std::vector<std::string>& encryptedAdapterFileNames();

// Converts one run folder. Idempotent and resumable: a file already encrypted is only checked (it must
// decrypt with key and its context; a wrong key or a moved file is an error naming it) and left alone,
// so a conversion interrupted between files is finished by calling this again. run.json, request.json,
// status.json, metrics.jsonl and log.txt hold settings, numbers and progress lines only and stay plain.
// Run it while no training job writes to the folder (the caller holds the workspace lock).
Result<RunFolderEncryptionSummary> encryptRunFolder(const std::string& runDir, const WorkspaceKey& key);

// Every run folder directly under runsDir (folders starting with '.' are skipped). A missing runsDir is
// nothing to convert.
Result<RunFolderEncryptionSummary> encryptRunFolders(const std::string& runsDir, const WorkspaceKey& key);

}  // namespace tb::train
