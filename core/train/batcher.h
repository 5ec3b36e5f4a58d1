// Plans the micro-batches of an epoch from tokenized examples and assembles them into MicroBatch
// buffers: seeded shuffling, optional length grouping (rows of similar length share a batch, less
// padding) or packing (several examples per row, attention kept inside each via segment ids).
// The plan depends only on (examples, settings, seed, epoch), which is what makes resume exact.
#pragma once

#include "core/train/example_builder.h"
#include "core/train/micro_batch.h"

#include <cstdint>
#include <vector>

namespace tb::train {

struct BatchSettings {
    int batchSize = 4;        // rows per micro-batch
    int maxSeqLen = 512;      // row length for packing; examples are already truncated to it
    bool packing = false;
    bool groupByLength = true;
    bool shuffle = true;
    uint64_t seed = 42;
};

// One micro-batch: rows, each a list of example indices (one unless packing).
struct MicroBatchPlan {
    std::vector<std::vector<int32_t>> rows;
};

std::vector<MicroBatchPlan> planEpoch(const std::vector<TokenizedExample>& examples, const BatchSettings& s, int epoch);
// Rows padded to the longest row of the batch (packing: to the longest packed row).
MicroBatch assembleBatch(const MicroBatchPlan& plan, const std::vector<TokenizedExample>& examples);

}  // namespace tb::train
