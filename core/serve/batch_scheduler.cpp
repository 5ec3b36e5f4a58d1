#include "core/serve/batch_scheduler.h"

#include "core/infer/stop_matcher.h"
#include "core/tokenizer/streaming_decoder.h"

#include <algorithm>

namespace tb::serve {

struct BatchScheduler::Active {
    std::shared_ptr<SequenceRequest> request;
    std::unique_ptr<InferenceSession> session;
    std::unique_ptr<Sampler> sampler;
    std::unique_ptr<StreamingDecoder> decoder;
    std::unique_ptr<StopMatcher> matcher;
    std::vector<int> history;
    SequenceResult result;
    int lastToken = -1;
    bool done = false;
};

BatchScheduler::BatchScheduler(std::shared_ptr<const InferenceModel> model, std::shared_ptr<const Tokenizer> tokenizer,
                               SchedulerOptions options)
    : m_model(std::move(model)), m_tokenizer(std::move(tokenizer)), m_options(options) {
    m_thread = std::thread([this] { loop(); });
}

BatchScheduler::~BatchScheduler() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

bool BatchScheduler::submit(std::shared_ptr<SequenceRequest> request) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || int(m_queue.size()) >= m_options.maxQueue) return false;
        m_queue.push_back(std::move(request));
    }
    m_wake.notify_one();
    return true;
}

int BatchScheduler::queueDepth() const {
    std::lock_guard lock(m_mutex);
    return int(m_queue.size());
}

void BatchScheduler::finish(Active& a, const std::string& reason, const std::string& error) {
    if (a.done) return;
    a.done = true;
    if (reason == "cancelled") ++m_cancelled;
    a.result.finishReason = reason;
    a.result.error = error;
    a.result.text = a.matcher ? a.matcher->text() : std::string();
    if (a.request->onDone) a.request->onDone(a.result);
}

// Takes waiting requests into the running batch: prefill each prompt and sample its first token.
void BatchScheduler::admit(std::vector<std::unique_ptr<Active>>& active) {
    while (int(active.size()) < m_options.maxBatch) {
        std::shared_ptr<SequenceRequest> req;
        {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty()) return;
            req = std::move(m_queue.front());
            m_queue.pop_front();
        }
        auto a = std::make_unique<Active>();
        a->request = req;
        a->result.promptTokens = int(req->promptIds.size());
        a->matcher = std::make_unique<StopMatcher>(req->stop);
        if (req->cancelled->load()) {
            finish(*a, "cancelled");
            continue;
        }
        if (std::chrono::steady_clock::now() > req->deadline) {
            finish(*a, "timeout");
            continue;
        }
        if (m_sessionPool.empty()) {
            a->session = std::make_unique<InferenceSession>(m_model, m_options.contextLength);
        } else {
            a->session = std::move(m_sessionPool.back());
            m_sessionPool.pop_back();
        }
        a->session->reset();
        if (req->promptIds.empty() || int(req->promptIds.size()) >= a->session->contextLength()) {
            finish(*a, "error", "the prompt has " + std::to_string(req->promptIds.size()) +
                                    " tokens; it must be between 1 and " +
                                    std::to_string(a->session->contextLength() - 1));
            m_sessionPool.push_back(std::move(a->session));
            continue;
        }
        Status s = a->session->setAdapter(req->adapter);
        if (s.ok()) s = a->session->evaluate(req->promptIds);
        if (!s.ok()) {
            finish(*a, "error", s.message());
            m_sessionPool.push_back(std::move(a->session));
            continue;
        }
        a->sampler = std::make_unique<Sampler>(req->sampling);
        a->decoder = std::make_unique<StreamingDecoder>(m_tokenizer);
        if (!req->replyOnly) a->decoder->continueAfter(req->promptIds);
        a->history = req->promptIds;
        int first = a->sampler->sample(a->session->logits(), a->history);
        if (req->maxTokens <= 0 || advance(*a, first)) {
            if (!a->done) finish(*a, "length");
            m_sessionPool.push_back(std::move(a->session));
            continue;
        }
        active.push_back(std::move(a));
        m_running.store(int(active.size()));
    }
}

// Applies a sampled token to a sequence. Returns true when the sequence has finished.
bool BatchScheduler::advance(Active& a, int token) {
    const SequenceRequest& req = *a.request;
    if (req.cancelled->load()) {
        finish(a, "cancelled");
        return true;
    }
    if (std::chrono::steady_clock::now() > req.deadline) {
        finish(a, "timeout");
        return true;
    }
    if (std::find(req.eosIds.begin(), req.eosIds.end(), token) != req.eosIds.end()) {
        a.matcher->append(a.decoder->flush());
        std::string rest = a.matcher->releasable(true);
        if (!rest.empty() && req.onText) req.onText(rest);
        finish(a, "stop");
        return true;
    }
    a.result.tokens.push_back(token);
    a.history.push_back(token);
    bool stopped = a.matcher->append(a.decoder->push(token));
    bool atLimit = int(a.result.tokens.size()) >= req.maxTokens;
    bool contextFull = a.session->position() + 1 >= a.session->contextLength();
    if (!stopped && (atLimit || contextFull)) stopped = a.matcher->append(a.decoder->flush());
    bool final = stopped || atLimit || contextFull;
    std::string piece = a.matcher->releasable(final);
    if (!piece.empty() && req.onText) req.onText(piece);
    if (stopped) {
        finish(a, "stop");
        return true;
    }
    if (atLimit || contextFull) {
        finish(a, "length");
        return true;
    }
    a.lastToken = token;
    return false;
}

void BatchScheduler::loop() {
    std::vector<std::unique_ptr<Active>> active;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty() || !active.empty(); });
            if (m_stopping) break;
        }
        admit(active);
        if (active.empty()) continue;
        std::vector<InferenceSession*> sessions;
        std::vector<int> tokens;
        for (auto& a : active) {
            sessions.push_back(a->session.get());
            tokens.push_back(a->lastToken);
        }
        Status s = decodeBatch(sessions, tokens);
        ++m_steps;
        m_decodedTokens += int64_t(sessions.size());
        m_maxObservedBatch.store(std::max(m_maxObservedBatch.load(), int(sessions.size())));
        for (auto& a : active) {
            if (!s.ok()) {
                finish(*a, "error", s.message());
                continue;
            }
            int next = a->sampler->sample(a->session->logits(), a->history);
            advance(*a, next);
        }
        for (auto it = active.begin(); it != active.end();) {
            if ((*it)->done) {
                m_sessionPool.push_back(std::move((*it)->session));
                it = active.erase(it);
            } else {
                ++it;
            }
        }
        m_running.store(int(active.size()));
    }
    // Shutting down: end everything still running or waiting.
    for (auto& a : active) finish(*a, "cancelled");
    std::deque<std::shared_ptr<SequenceRequest>> rest;
    {
        std::lock_guard lock(m_mutex);
        rest.swap(m_queue);
    }
    for (auto& r : rest) {
        Active a;
        a.request = r;
        finish(a, "cancelled");
    }
}

}  // namespace tb::serve
