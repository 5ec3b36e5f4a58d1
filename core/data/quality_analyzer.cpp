#include "core/data/quality_analyzer.h"

#include "core/data/record_text.h"
#include "core/data/text_hash.h"
#include "core/data/text_snippet.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <future>
#include <unordered_map>

namespace tb {

namespace {

constexpr size_t kMaxDistinctLabels = 10000;
constexpr size_t kMaxTemplateKeys = 10000;
constexpr uint32_t kNoKey = UINT32_MAX;

LengthStats lengthStats(std::vector<uint32_t> values) {
    LengthStats s;
    s.count = static_cast<int64_t>(values.size());
    if (values.empty()) return s;
    double sum = 0;
    for (uint32_t v : values) sum += v;
    s.mean = sum / values.size();
    auto at = [&](double q) {
        size_t k = std::min(values.size() - 1, static_cast<size_t>(q * (values.size() - 1) + 0.5));
        std::nth_element(values.begin(), values.begin() + k, values.end());
        return static_cast<int64_t>(values[k]);
    };
    s.p50 = at(0.5);
    s.p90 = at(0.9);
    s.p99 = at(0.99);
    auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    s.min = *mn;
    s.max = *mx;
    // About 20 bins of a round width.
    int64_t raw = std::max<int64_t>(1, (s.max + 20) / 20);
    int64_t width = 1;
    for (int64_t base = 1;; base *= 10) {
        if (base >= raw) { width = base; break; }
        if (2 * base >= raw) { width = 2 * base; break; }
        if (5 * base >= raw) { width = 5 * base; break; }
    }
    s.binWidth = width;
    s.histogram.assign(static_cast<size_t>(s.max / width + 1), 0);
    for (uint32_t v : values) ++s.histogram[v / width];
    return s;
}

}  // namespace

std::string promptTemplateKey(std::string_view prompt) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        return s;
    };
    std::string_view p = trim(prompt);
    std::string head, tail;
    size_t stop = p.substr(0, 49).find_first_of(":\n");
    if (stop != std::string_view::npos) {
        std::string_view h = trim(p.substr(0, stop + (p[stop] == ':' ? 1 : 0)));
        bool letter = std::any_of(h.begin(), h.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        if (letter && (p[stop] == ':' || h.size() <= 32)) head = std::string(h);
    }
    size_t lastNl = p.size() > 64 ? p.substr(p.size() - 64).find_last_of('\n') : p.find_last_of('\n');
    if (lastNl != std::string_view::npos && p.size() > 64) lastNl += p.size() - 64;
    if (lastNl != std::string_view::npos) {
        std::string_view t = trim(p.substr(lastNl + 1));
        if (!t.empty() && t.size() <= 48 && t.back() == ':') tail = std::string(t);
    }
    if (head.empty() && tail.empty()) return {};
    return head + " … " + tail;
}

struct QualityAnalyzer::State {
    QualityOptions o;
    std::shared_ptr<const PiiDetector> pii;
    QualityReport rep;
    std::vector<uint64_t> exactKeys;
    NearDuplicateFinder near;
    std::vector<uint32_t> inTok, outTok, totTok;
    std::vector<int64_t> lines;
    std::string idChars;
    std::vector<uint32_t> idEnds;
    std::unordered_map<std::string, int64_t> labels;
    bool labelOverflow = false;
    int64_t labeled = 0;
    std::unordered_map<std::string, uint32_t> templateIds;
    std::vector<std::string> templateNames;
    std::vector<int64_t> templateCounts;
    std::vector<uint32_t> templateOf;
    LeakageAccumulator leakage;
    bool anySplit = false;

    explicit State(QualityOptions opts) : o(std::move(opts)), near(o.near), leakage(o.near, o.maxExamples) {}

    RecordRef ref(int64_t i) const {
        RecordRef r;
        r.index = i;
        r.line = lines[i];
        uint32_t b = i == 0 ? 0 : idEnds[i - 1];
        r.id = idChars.substr(b, idEnds[i] - b);
        return r;
    }
    size_t count(std::string_view text) const {
        if (o.tokenCounter) return o.tokenCounter(text);
        return (text.size() + 3) / 4;
    }
};

QualityAnalyzer::QualityAnalyzer(QualityOptions options) : m_state(std::make_unique<State>(std::move(options))) {
    if (m_state->o.scanPii) m_state->pii = PiiDetector::shared();
}

void QualityAnalyzer::addRejected(const RejectedRecord& r) {
    State& s = *m_state;
    ++s.rep.rejected;
    if (s.rep.rejectedExamples.size() < s.o.maxExamples) s.rep.rejectedExamples.push_back(r);
}

// Everything about one record that needs no shared state: computed on a worker thread for batches.
struct RecordFeatures {
    uint64_t exactKey = 0;
    bool hasSignature = false;
    MinHashSignature signature;
    uint32_t inTokens = 0, outTokens = 0;
    std::string templateKey;
    bool templated = false;
    struct Hit { std::string field; PiiMatch match; };
    std::vector<Hit> pii;
};

static RecordFeatures computeFeatures(const Record& r, const QualityOptions& o, const PiiDetector* pii) {
    RecordFeatures f;
    const bool chat = r.format == RecordFormat::ChatMessages || r.format == RecordFormat::ShareGpt;
    std::string all;
    std::string_view allView;
    if (r.format == RecordFormat::PlainText) allView = r.text;
    else {
        all = recordAllText(r);
        allView = all;
    }
    f.exactKey = exactDuplicateKey(allView);
    if (o.nearDuplicates) f.hasSignature = minHashSignature(allView, o.near.shingleWords, f.signature);
    std::string inputOwned, outputOwned;
    std::string_view input, output;
    if (chat) {
        inputOwned = recordInput(r);
        outputOwned = recordOutput(r);
        input = inputOwned;
        output = outputOwned;
    } else if (r.format == RecordFormat::PlainText) {
        input = r.text;
    } else {
        input = r.prompt;
        output = r.completion;
    }
    auto count = [&](std::string_view t) -> uint32_t {
        size_t n = o.tokenCounter ? o.tokenCounter(t) : (t.size() + 3) / 4;
        return static_cast<uint32_t>(std::min<size_t>(n, UINT32_MAX));
    };
    f.inTokens = count(input);
    f.outTokens = output.empty() ? 0 : count(output);
    if (!chat && r.format != RecordFormat::PlainText) {
        f.templated = true;
        f.templateKey = promptTemplateKey(r.prompt);
    }
    if (pii)
        forEachTextField(r, [&](const std::string& field, const std::string& text) {
            for (const auto& m : pii->find(text)) f.pii.push_back({field, m});
        });
    return f;
}

struct QualityAnalyzer::Pending {
    std::vector<Record> records;
    std::vector<RecordFeatures> features;
    std::future<void> done;
};

QualityAnalyzer::~QualityAnalyzer() {
    if (m_pending && m_pending->done.valid()) m_pending->done.wait();
}

void QualityAnalyzer::add(const Record& r) {
    drainPending();
    RecordFeatures f = computeFeatures(r, m_state->o, m_state->pii.get());
    merge(r, f);
}

void QualityAnalyzer::addBatch(std::vector<Record>&& batch) {
    drainPending();
    m_pending = std::make_unique<Pending>();
    Pending* p = m_pending.get();
    p->records = std::move(batch);
    p->features.resize(p->records.size());
    const QualityOptions* options = &m_state->o;
    const PiiDetector* pii = m_state->pii.get();
    p->done = std::async(std::launch::async, [p, options, pii] {
        for (size_t i = 0; i < p->records.size(); ++i) p->features[i] = computeFeatures(p->records[i], *options, pii);
    });
}

void QualityAnalyzer::drainPending() {
    if (!m_pending) return;
    m_pending->done.get();
    for (size_t i = 0; i < m_pending->records.size(); ++i) merge(m_pending->records[i], m_pending->features[i]);
    m_pending.reset();
}

void QualityAnalyzer::merge(const Record& r, RecordFeatures& f) {
    State& s = *m_state;
    QualityReport& rep = s.rep;
    const int64_t index = rep.records++;
    ++rep.formats[recordFormatName(r.format)];
    s.lines.push_back(r.sourceLine);
    s.idChars += r.id;
    s.idEnds.push_back(static_cast<uint32_t>(s.idChars.size()));

    // Empty fields.
    const bool chat = r.format == RecordFormat::ChatMessages || r.format == RecordFormat::ShareGpt;
    if (r.format == RecordFormat::PlainText) {
        if (r.text.find_first_not_of(" \t\r\n") == std::string::npos) ++rep.emptyFields["text"];
    } else if (chat) {
        for (const auto& m : r.messages)
            if (m.content.find_first_not_of(" \t\r\n") == std::string::npos) { ++rep.emptyFields["messages.content"]; break; }
    } else {
        if (r.prompt.find_first_not_of(" \t\r\n") == std::string::npos) ++rep.emptyFields["prompt"];
        if (r.completion.find_first_not_of(" \t\r\n") == std::string::npos) ++rep.emptyFields["completion"];
    }

    // Duplicates.
    s.exactKeys.push_back(f.exactKey);
    if (f.hasSignature) s.near.add(static_cast<uint32_t>(index), f.signature);

    // Lengths.
    s.inTok.push_back(f.inTokens);
    s.outTok.push_back(f.outTokens);
    s.totTok.push_back(f.inTokens + f.outTokens);
    if (static_cast<int64_t>(f.inTokens) + f.outTokens > s.o.maxSequenceLength) {
        ++rep.overLength;
        if (rep.overLengthExamples.size() < s.o.maxExamples) {
            RecordRef ref = s.ref(index);
            ref.preview = utf8Prefix(chat ? recordInput(r) : r.format == RecordFormat::PlainText ? r.text : r.prompt, 120);
            rep.overLengthExamples.push_back(std::move(ref));
        }
    }

    // Labels.
    std::string_view label = recordLabel(r);
    if (!label.empty()) {
        ++s.labeled;
        auto it = s.labels.find(std::string(label));
        if (it != s.labels.end()) ++it->second;
        else if (s.labels.size() < kMaxDistinctLabels) s.labels.emplace(std::string(label), 1);
        else s.labelOverflow = true;
    }

    // Prompt template.
    uint32_t key = kNoKey;
    if (f.templated) {
        auto it = s.templateIds.find(f.templateKey);
        if (it != s.templateIds.end()) key = it->second;
        else if (s.templateIds.size() < kMaxTemplateKeys) {
            key = static_cast<uint32_t>(s.templateNames.size());
            s.templateIds.emplace(f.templateKey, key);
            s.templateNames.push_back(f.templateKey);
            s.templateCounts.push_back(0);
        }
        if (key != kNoKey) ++s.templateCounts[key];
    }
    s.templateOf.push_back(key);

    // PII.
    if (!f.pii.empty()) {
        ++rep.recordsWithPii;
        for (const auto& h : f.pii) {
            ++rep.piiByType[piiTypeName(h.match.type)];
            if (rep.piiExamples.size() < s.o.maxExamples) {
                std::string text;
                forEachTextField(r, [&](const std::string& field, const std::string& t) {
                    if (field == h.field) text = t;
                });
                PiiHit hit;
                hit.record = s.ref(index);
                hit.type = piiTypeName(h.match.type);
                hit.field = h.field;
                hit.snippet = maskedSnippet(text, h.match.begin, h.match.end, piiPlaceholder(h.match.type), 40);
                rep.piiExamples.push_back(std::move(hit));
            }
        }
    }

    if (!r.split.empty()) s.anySplit = true;
    s.leakage.add(r);
}

QualityReport QualityAnalyzer::finish() {
    drainPending();
    State& s = *m_state;
    QualityReport rep = std::move(s.rep);
    const int64_t n = rep.records;

    // Exact duplicates.
    std::vector<std::pair<uint64_t, uint32_t>> keys(n);
    for (int64_t i = 0; i < n; ++i) keys[i] = {s.exactKeys[i], static_cast<uint32_t>(i)};
    std::sort(keys.begin(), keys.end());
    std::vector<uint32_t> exactFirst(n);
    for (size_t i = 0; i < keys.size();) {
        size_t j = i;
        while (j < keys.size() && keys[j].first == keys[i].first) ++j;
        for (size_t t = i; t < j; ++t) exactFirst[keys[t].second] = keys[i].second;
        if (j - i > 1) {
            ++rep.exactDuplicateGroupCount;
            rep.exactDuplicateRecords += static_cast<int64_t>(j - i - 1);
            if (rep.exactDuplicateGroups.size() < s.o.maxGroups) {
                std::vector<RecordRef> g;
                for (size_t t = i; t < j && g.size() < 20; ++t) g.push_back(s.ref(keys[t].second));
                rep.exactDuplicateGroups.push_back(std::move(g));
            }
        }
        i = j;
    }
    std::sort(rep.exactDuplicateGroups.begin(), rep.exactDuplicateGroups.end(),
              [](const auto& a, const auto& b) { return a.front().index < b.front().index; });
    std::vector<uint64_t>().swap(s.exactKeys);

    // Near duplicates: groups with at least two different texts; exact repeats are reported above.
    rep.nearDuplicateThreshold = s.o.near.threshold;
    if (s.o.nearDuplicates) {
        for (const auto& group : s.near.groups()) {
            std::vector<uint32_t> distinct;
            for (uint32_t id : group)
                if (exactFirst[id] == id) distinct.push_back(id);
            if (distinct.size() < 2) continue;
            ++rep.nearDuplicateGroupCount;
            rep.nearDuplicateRecords += static_cast<int64_t>(distinct.size() - 1);
            if (rep.nearDuplicateGroups.size() < s.o.maxGroups) {
                std::vector<RecordRef> g;
                for (size_t t = 0; t < distinct.size() && g.size() < 20; ++t) g.push_back(s.ref(distinct[t]));
                rep.nearDuplicateGroups.push_back(std::move(g));
            }
        }
    }

    // Lengths.
    rep.tokensEstimated = !s.o.tokenCounter;
    rep.tokenCountMethod = s.o.tokenCounter ? "tokenizer" : "estimate: bytes/4 (no model chosen)";
    rep.maxSequenceLength = s.o.maxSequenceLength;
    rep.inputTokens = lengthStats(std::move(s.inTok));
    rep.outputTokens = lengthStats(std::move(s.outTok));
    rep.totalTokens = lengthStats(std::move(s.totTok));

    // Labels.
    const int64_t distinctLabels = static_cast<int64_t>(s.labels.size());
    rep.classification = !s.labelOverflow && n > 0 && s.labeled >= (n * 9) / 10 && distinctLabels >= 2 &&
                         distinctLabels <= std::max<int64_t>(2, std::min<int64_t>(1000, n / 5));
    if (rep.classification) {
        for (auto& [k, v] : s.labels) rep.labels[k] = v;
        if (n > s.labeled) rep.emptyFields["label"] = n - s.labeled;
        auto [mn, mx] = std::minmax_element(rep.labels.begin(), rep.labels.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
        if (mx->second > s.o.imbalanceRatio * mn->second) {
            rep.imbalanced = true;
            rep.warnings.push_back("labels are imbalanced: '" + mx->first + "' has " + std::to_string(mx->second) +
                                   " records, '" + mn->first + "' only " + std::to_string(mn->second));
        }
    }

    // Template.
    int64_t templated = 0;
    for (auto c : s.templateCounts) templated += c;
    if (templated > 0) {
        size_t best = std::max_element(s.templateCounts.begin(), s.templateCounts.end()) - s.templateCounts.begin();
        double share = double(s.templateCounts[best]) / templated;
        if (!s.templateNames[best].empty() && share >= 0.5) {
            rep.dominantTemplate = s.templateNames[best];
            rep.dominantTemplateShare = share;
            for (int64_t i = 0; i < n; ++i) {
                uint32_t k = s.templateOf[i];
                if (k == best) continue;
                if (k == kNoKey && (rep.formats.count("chat") || rep.formats.count("sharegpt") || rep.formats.count("text"))) continue;
                ++rep.offTemplate;
                if (rep.offTemplateExamples.size() < s.o.maxExamples) rep.offTemplateExamples.push_back(s.ref(i));
            }
        }
    }

    rep.leakage = s.leakage.finish();

    // Findings, most important first.
    auto& w = rep.warnings;
    std::vector<std::string> lead;
    if (rep.leakage.exactLeaks + rep.leakage.nearLeaks > 0)
        lead.push_back(std::to_string(rep.leakage.exactLeaks) + " records leak exactly and " +
                       std::to_string(rep.leakage.nearLeaks) + " nearly between splits");
    if (rep.rejected > 0) lead.push_back(std::to_string(rep.rejected) + " records were rejected on import");
    if (rep.recordsWithPii > 0) lead.push_back(std::to_string(rep.recordsWithPii) + " records contain personal data or secrets");
    if (rep.exactDuplicateRecords > 0) lead.push_back(std::to_string(rep.exactDuplicateRecords) + " exact duplicate records");
    if (rep.nearDuplicateRecords > 0) lead.push_back(std::to_string(rep.nearDuplicateRecords) + " near-duplicate records");
    if (rep.overLength > 0)
        lead.push_back(std::to_string(rep.overLength) + " records over " + std::to_string(rep.maxSequenceLength) +
                       (rep.tokensEstimated ? " tokens (estimated)" : " tokens"));
    for (auto& [field, count] : rep.emptyFields) lead.push_back(std::to_string(count) + " records with an empty " + field);
    if (rep.offTemplate > 0)
        lead.push_back(std::to_string(rep.offTemplate) + " prompts do not follow the dominant template \"" + rep.dominantTemplate + "\"");
    w.insert(w.begin(), lead.begin(), lead.end());
    m_state = std::make_unique<State>(s.o);
    return rep;
}

QualityReport analyzeRecords(const std::vector<Record>& records, const QualityOptions& options,
                             const std::vector<RejectedRecord>& rejected) {
    QualityAnalyzer a(options);
    for (const auto& r : rejected) a.addRejected(r);
    for (const auto& r : records) a.add(r);
    return a.finish();
}

}  // namespace tb
