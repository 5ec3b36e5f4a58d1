// bench_tokenizer [--mb N] [--runs R] [--shared DIR]
// Encode throughput of the SentencePiece (llama-spm) and byte-level (gpt-2, deepseek-llm) vocabularies
// on DialogSum dialogues (one encode() call per dialogue, single thread), after checking every
// conformance vector. Prints one JSON line per vocabulary with the median of R runs.
#include "core/tokenizer/tokenizer_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Counts how many conformance inputs give exactly the expected ids.
int checkConformance(const tb::Tokenizer& tk, const std::string& base, int& total) {
    const std::string inp = readFile(base + ".inp"), out = readFile(base + ".out");
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> inputs;
    for (size_t pos = 0;;) {
        const size_t hit = inp.find(sep, pos);
        inputs.push_back(inp.substr(pos, hit == std::string::npos ? std::string::npos : hit - pos));
        if (hit == std::string::npos) break;
        pos = hit + sep.size();
    }
    std::vector<std::string> lines;
    std::istringstream ls(out);
    for (std::string l; std::getline(ls, l);) lines.push_back(l);
    if (inputs.size() == lines.size() + 1 && inputs.back().empty()) inputs.pop_back();
    total = static_cast<int>(lines.size());
    int ok = 0;
    for (size_t i = 0; i < inputs.size() && i < lines.size(); ++i) {
        std::vector<int> expect;
        std::istringstream ids(lines[i]);
        for (int id; ids >> id;) expect.push_back(id);
        if (tk.encode(inputs[i], false) == expect) ++ok;
    }
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    double targetMb = 4.0;
    int runs = 3;
    std::string shared = TUNEBENCH_SHARED_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--mb")) targetMb = std::atof(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--shared")) shared = argv[i + 1];
    }
    // Corpus: DialogSum training dialogues until targetMb.
    std::vector<std::string> docs;
    size_t bytes = 0;
    {
        std::istringstream in(readFile(shared + "/datasets/dialogsum/dialogsum.train.jsonl"));
        for (std::string line; std::getline(in, line) && bytes < targetMb * 1e6;) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.contains("dialogue")) continue;
            docs.push_back(j["dialogue"].get<std::string>());
            bytes += docs.back().size();
        }
    }
    if (docs.empty()) {
        std::cerr << "no DialogSum text under " << shared << "/datasets/dialogsum\n";
        return 1;
    }
    for (const char* vocab : {"llama-spm", "gpt-2", "deepseek-llm"}) {
        const std::string base = shared + "/tokenizer-conformance/ggml-vocab-" + std::string(vocab) + ".gguf";
        auto t0 = std::chrono::steady_clock::now();
        auto tk = tb::loadTokenizer(base);
        const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!tk) {
            std::cerr << vocab << ": " << tk.message() << "\n";
            return 2;
        }
        int total = 0;
        const int ok = checkConformance(**tk, base, total);
        if (ok != total) {
            std::cerr << vocab << ": conformance " << ok << "/" << total << " - not timing a wrong tokenizer\n";
            return 2;
        }
        std::vector<double> seconds;
        size_t tokens = 0;
        for (int r = 0; r < runs; ++r) {
            tokens = 0;
            const auto start = std::chrono::steady_clock::now();
            for (const auto& d : docs) tokens += (*tk)->encode(d, false).size();
            seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(seconds.begin(), seconds.end());
        const double med = seconds[seconds.size() / 2];
        nlohmann::json row = {{"bench", "tokenizer_encode"},
                              {"vocab", vocab},
                              {"conformance", std::to_string(ok) + "/" + std::to_string(total)},
                              {"docs", docs.size()},
                              {"mb", bytes / 1e6},
                              {"tokens", tokens},
                              {"runs", runs},
                              {"median_s", med},
                              {"mb_per_s", bytes / 1e6 / med},
                              {"tokens_per_s", tokens / med},
                              {"load_ms", loadMs}};
        std::cout << row.dump() << std::endl;
    }
    return 0;
}
