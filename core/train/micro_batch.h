// One micro-batch as the training model consumes it: B rows of T token slots with the next-token target,
// the RoPE position and the segment (example) id of every slot. Plain data; the batcher fills it.
// Dims legend: B rows, T tokens per row.
#pragma once

#include <cstdint>
#include <vector>

namespace tb::train {

struct MicroBatch {
    int B = 0;
    int T = 0;
    std::vector<int32_t> tokens;     // (B*T) token ids (0 in padding)
    std::vector<int32_t> targets;    // (B*T) id of the next token to predict, or -1 (masked / padding)
    std::vector<int32_t> positions;  // (B*T) RoPE position, restarting at 0 for each packed example
    std::vector<int32_t> segments;   // (B*T) example id within the row, -1 for padding

    void resize(int rows, int cols) {
        B = rows;
        T = cols;
        tokens.assign(size_t(rows) * cols, 0);
        targets.assign(size_t(rows) * cols, -1);
        positions.assign(size_t(rows) * cols, 0);
        segments.assign(size_t(rows) * cols, -1);
    }
    int64_t targetCount() const {
        int64_t n = 0;
        for (int32_t t : targets) n += t >= 0;
        return n;
    }
    int64_t realTokens() const {
        int64_t n = 0;
        for (int32_t s : segments) n += s >= 0;
        return n;
    }
};

}  // namespace tb::train
