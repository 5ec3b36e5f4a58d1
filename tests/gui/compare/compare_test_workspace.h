// A small real workspace for the Compare tests: a saved dataset version "moods" (train/validation/test
// splits of a two-label mood task written as stories) and a LoRA adapter fine-tuned on its train split
// from stories260K (the real tiny Llama in TUNEBENCH_SHARED_DIR), registered as model version "moods" v1.
// Built once per test binary.
#pragma once

#include "core/workspace/workspace.h"

#include <QString>

#include <memory>

struct CompareTestWorkspace {
    std::shared_ptr<tb::Workspace> workspace;
    QString modelDir;     // stories260K/hf
    QString adapterDir;   // <ws>/runs/moods-lora/adapter
    QString testFile;     // the version's test.jsonl
    QString versionId;
    int testRecords = 0;
    double trainSeconds = 0;
    QString error;        // non-empty when building failed
};

CompareTestWorkspace makeCompareTestWorkspace(const QString& root);
