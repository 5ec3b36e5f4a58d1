// Continuous batching for the endpoint: one scheduler thread owns the model's compute. New requests
// are prefilled as they arrive and join the running batch; every step advances all running sequences
// by one token in one batched forward pass (sequences may use different LoRA adapters over the same
// base). The queue is bounded; requests are cancelled by their client (disconnect) or their deadline.
// Not HTTP (http_server.h) and not the wire format (openai_protocol.h).
#pragma once

#include "core/infer/inference_session.h"
#include "core/infer/sampler.h"
#include "core/tokenizer/tokenizer.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tb::serve {

struct SchedulerOptions {
    int maxQueue = 64;          // waiting requests beyond this are refused (HTTP 429)
    int maxBatch = 8;           // sequences decoded together
    int contextLength = 2048;   // KV cache per sequence
};

struct SequenceResult {
    std::string text;
    std::vector<int> tokens;
    std::string finishReason;  // "stop", "length", "cancelled", "timeout", "error"
    std::string error;
    int promptTokens = 0;
};

struct SequenceRequest {
    std::vector<int> promptIds;
    int maxTokens = 16;
    SamplingParams sampling;
    std::vector<std::string> stop;
    std::vector<int> eosIds;
    std::shared_ptr<const LoraAdapter> adapter;  // null: the base model
    bool replyOnly = false;  // chat: decode the reply as text of its own (see GenerateOptions::replyOnly)
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
    // Called on the scheduler thread with text that became final; must be quick (hand it to a queue).
    std::function<void(const std::string&)> onText;
    // Called once on the scheduler thread when the sequence ends.
    std::function<void(const SequenceResult&)> onDone;
};

class BatchScheduler {
public:
    BatchScheduler(std::shared_ptr<const InferenceModel> model, std::shared_ptr<const Tokenizer> tokenizer,
                   SchedulerOptions options = {});
    ~BatchScheduler();  // stops the thread; queued requests end with "cancelled"

    // False when the queue is full.
    bool submit(std::shared_ptr<SequenceRequest> request);
    int queueDepth() const;
    int running() const { return m_running.load(); }
    // Batched decode steps and the sequences they advanced, for tests and the bench.
    int64_t decodeSteps() const { return m_steps.load(); }
    int64_t decodedTokens() const { return m_decodedTokens.load(); }
    int maxObservedBatch() const { return m_maxObservedBatch.load(); }
    // Sequences ended because their client went away or cancelled them.
    int64_t cancelledSequences() const { return m_cancelled.load(); }

private:
    struct Active;
    void loop();
    void admit(std::vector<std::unique_ptr<Active>>& active);
    bool advance(Active& a, int token);  // handles one sampled token; true when the sequence is done
    void finish(Active& a, const std::string& reason, const std::string& error = "");

    std::shared_ptr<const InferenceModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    SchedulerOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<SequenceRequest>> m_queue;
    bool m_stopping = false;
    std::atomic<int> m_running{0};
    std::atomic<int64_t> m_steps{0}, m_decodedTokens{0}, m_cancelled{0};
    std::atomic<int> m_maxObservedBatch{0};
    std::vector<std::unique_ptr<InferenceSession>> m_sessionPool;  // reused KV caches
    std::thread m_thread;
};

}  // namespace tb::serve
