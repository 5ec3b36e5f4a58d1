#include "core/serve/drift_inputs.h"

#include "core/tokenizer/tokenizer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <sstream>

namespace tb::serve {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

int wordCount(const std::string& s) {
    std::istringstream in(s);
    std::string w;
    int n = 0;
    while (in >> w) ++n;
    return n;
}

std::string shortLabel(const std::string& text) {
    std::string t = trim(text);
    return !t.empty() && wordCount(t) <= 3 ? t : std::string();
}

}  // namespace

std::vector<DriftTrainingExample> driftTrainingExamples(const std::vector<Record>& records) {
    std::vector<DriftTrainingExample> out;
    out.reserve(records.size());
    for (const Record& r : records) {
        DriftTrainingExample e;
        std::string answer;
        switch (r.format) {
        case RecordFormat::PromptCompletion:
        case RecordFormat::Alpaca:
            e.prompt = r.prompt;
            answer = r.completion;
            break;
        case RecordFormat::ChatMessages:
        case RecordFormat::ShareGpt:
            for (const ChatMessage& m : r.messages) {
                if (m.role == "user") e.prompt += (e.prompt.empty() ? "" : "\n") + m.content;
                if (m.role == "assistant") answer = m.content;
            }
            break;
        case RecordFormat::PlainText: e.prompt = r.text; break;
        }
        e.label = !trim(r.label).empty() ? trim(r.label) : shortLabel(answer);
        out.push_back(std::move(e));
    }
    return out;
}

std::string stripChatMarkup(const std::string& rendered) {
    static const std::regex tags(R"(<\|[^|>]{1,40}\|>|</?s>|\[/?INST\]|<<SYS>>|<</SYS>>)");
    std::string text = std::regex_replace(rendered, tags, "\n");
    // Role header lines such as "user" / "assistant" left by ChatML-style templates.
    static const std::regex roles(R"((^|\n)[ \t]*(system|user|assistant)[ \t]*:?[ \t]*(?=\n|$))");
    text = std::regex_replace(text, roles, "\n");
    return trim(text);
}

DriftInputs buildDriftInputs(const std::vector<DriftTrainingExample>& training, const std::vector<ServedSample>& served,
                             const Tokenizer& tokenizer) {
    DriftInputs in;
    std::map<std::string, std::string> canonicalLabel;  // lowercased -> as written in training
    for (const DriftTrainingExample& e : training) {
        in.trainingLengths.push_back(int(tokenizer.encode(e.prompt, false).size()));
        for (auto& w : driftWords(e.prompt)) in.trainingVocabulary.insert(std::move(w));
        if (!e.label.empty()) {
            ++in.trainingLabels[e.label];
            canonicalLabel.emplace(lower(e.label), e.label);
        }
    }
    for (const ServedSample& s : served) {
        const std::string prompt = stripChatMarkup(s.prompt);
        in.servedLengths.push_back(int(tokenizer.encode(prompt, false).size()));
        in.servedPrompts.push_back(prompt);
        if (!in.trainingLabels.empty()) {
            auto it = canonicalLabel.find(lower(trim(s.output)));
            ++in.predictedLabels[it != canonicalLabel.end() ? it->second : std::string("(other)")];
        }
    }
    return in;
}

}  // namespace tb::serve
