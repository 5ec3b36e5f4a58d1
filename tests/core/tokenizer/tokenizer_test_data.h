// Helpers for the tokenizer tests: reading the shared conformance vectors (llama.cpp's
// ggml-vocab-*.gguf.inp/.out) and stories260K's tokenizer_cases.jsonl.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace tb::test {

inline std::string sharedDir() { return TUNEBENCH_SHARED_DIR; }
inline std::string conformanceDir() { return sharedDir() + "/tokenizer-conformance"; }
inline std::string storiesDir() { return sharedDir() + "/models/stories260K"; }

inline std::string readFileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TokenCase {
    std::string text;
    std::vector<int> ids;
};

// NAME.gguf.inp split on "\n__ggml_vocab_test__\n", NAME.gguf.out one line of ids per input.
inline std::vector<TokenCase> readConformanceCases(const std::string& vocabFile) {
    const std::string inp = readFileText(vocabFile + ".inp");
    const std::string out = readFileText(vocabFile + ".out");
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> inputs;
    size_t pos = 0;
    while (true) {
        const size_t hit = inp.find(sep, pos);
        if (hit == std::string::npos) {
            inputs.push_back(inp.substr(pos));
            break;
        }
        inputs.push_back(inp.substr(pos, hit - pos));
        pos = hit + sep.size();
    }
    std::vector<std::string> lines;
    std::istringstream ls(out);
    for (std::string line; std::getline(ls, line);) lines.push_back(line);
    if (inputs.size() == lines.size() + 1 && inputs.back().empty()) inputs.pop_back();
    std::vector<TokenCase> cases;
    if (inputs.size() != lines.size()) return cases;  // the caller checks the count
    for (size_t i = 0; i < inputs.size(); ++i) {
        TokenCase c;
        c.text = inputs[i];
        std::istringstream ids(lines[i]);
        for (int id; ids >> id;) c.ids.push_back(id);
        cases.push_back(std::move(c));
    }
    return cases;
}

inline std::vector<TokenCase> readStoriesCases() {
    std::vector<TokenCase> cases;
    std::istringstream in(readFileText(storiesDir() + "/tokenizer_cases.jsonl"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        cases.push_back({j["text"].get<std::string>(), j["ids"].get<std::vector<int>>()});
    }
    return cases;
}

}  // namespace tb::test
