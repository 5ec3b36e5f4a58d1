// A standalone driver for libFuzzer-style targets (LLVMFuzzerTestOneInput), so fuzz targets build and
// run with gcc too: it feeds every seed file, then random mutations of the seeds (bit flips, byte
// overwrites, truncations, splices, insertions, little-endian length fields set to hostile values)
// until the time budget runs out. A crash, sanitizer report or hang fails the CTest test.
// Not libFuzzer: no coverage feedback (TUNEBENCH_BUILD_FUZZ=ON with clang builds real libFuzzer binaries).
//
// Usage: <target> [--seconds N] [--seed S] [--max-len BYTES] SEED_FILE_OR_DIR...
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

Bytes readFile(const std::filesystem::path& path, size_t maxLen) {
    std::ifstream in(path, std::ios::binary);
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > maxLen) bytes.resize(maxLen);
    return bytes;
}

// Values that break length and offset arithmetic.
uint64_t hostileValue(std::mt19937_64& rng) {
    static const uint64_t values[] = {0,          1,          2,          7,          8,          31,
                                      32,         33,         255,        256,        4095,       4096,
                                      65535,      65536,      0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                      0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
                                      0xfffffffffffffff8ull};
    if (rng() % 4 == 0) return rng() >> (rng() % 64);
    return values[rng() % (sizeof(values) / sizeof(values[0]))];
}

void mutate(Bytes& data, const std::vector<Bytes>& seeds, std::mt19937_64& rng, size_t maxLen) {
    const int steps = 1 + int(rng() % 4);
    for (int s = 0; s < steps; ++s) {
        const size_t n = data.size();
        switch (rng() % 8) {
        case 0:  // flip one bit
            if (n) data[rng() % n] ^= uint8_t(1u << (rng() % 8));
            break;
        case 1:  // overwrite a few bytes
            for (int k = 0, m = 1 + int(rng() % 8); k < m && n; ++k) data[rng() % n] = uint8_t(rng());
            break;
        case 2:  // truncate
            if (n) data.resize(rng() % n);
            break;
        case 3: {  // splice: head of this input + tail of another seed
            const Bytes& other = seeds[rng() % seeds.size()];
            if (!other.empty() && n) {
                const size_t cut = rng() % n, from = rng() % other.size();
                data.resize(cut);
                data.insert(data.end(), other.begin() + long(from), other.end());
            }
            break;
        }
        case 4: {  // insert random bytes
            const size_t at = n ? rng() % (n + 1) : 0;
            Bytes extra(1 + rng() % 16);
            for (auto& b : extra) b = uint8_t(rng());
            data.insert(data.begin() + long(at), extra.begin(), extra.end());
            break;
        }
        case 5: {  // erase a range
            if (n) {
                const size_t at = rng() % n, len = 1 + rng() % std::min<size_t>(64, n - at);
                data.erase(data.begin() + long(at), data.begin() + long(at + len));
            }
            break;
        }
        default: {  // set a little-endian 2/4/8-byte field (lengths, counts, offsets) to a hostile value
            const size_t width = size_t(2) << (rng() % 3);
            if (n >= width) {
                // Favour the start of the file, where headers and length fields live.
                const size_t limit = (rng() % 2) ? std::min<size_t>(n - width + 1, 4096) : n - width + 1;
                const size_t at = rng() % limit;
                const uint64_t v = hostileValue(rng);
                for (size_t k = 0; k < width; ++k) data[at + k] = uint8_t(v >> (8 * k));
            }
            break;
        }
        }
    }
    if (data.size() > maxLen) data.resize(maxLen);
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 10;
    uint64_t seed = std::random_device{}();
    size_t maxLen = 4u << 20;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
        else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--max-len" && i + 1 < argc) maxLen = std::strtoull(argv[++i], nullptr, 10);
        else inputs.emplace_back(a);
    }
    std::vector<Bytes> seeds;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (std::filesystem::is_directory(in, ec)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(in, ec))
                if (e.is_regular_file()) seeds.push_back(readFile(e.path(), maxLen));
        } else if (std::filesystem::is_regular_file(in, ec)) {
            seeds.push_back(readFile(in, maxLen));
        } else {
            std::fprintf(stderr, "fuzz driver: seed %s does not exist\n", in.c_str());
            return 2;
        }
    }
    if (seeds.empty()) seeds.push_back({});
    std::printf("fuzz driver: %zu seeds, %.0f s, --seed %llu\n", seeds.size(), seconds, (unsigned long long)seed);
    std::fflush(stdout);
    for (const auto& s : seeds) LLVMFuzzerTestOneInput(s.data(), s.size());

    std::mt19937_64 rng(seed);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    uint64_t runs = 0;
    Bytes data;
    while (std::chrono::steady_clock::now() < deadline) {
        data = seeds[rng() % seeds.size()];
        mutate(data, seeds, rng, maxLen);
        LLVMFuzzerTestOneInput(data.data(), data.size());
        ++runs;
    }
    std::printf("fuzz driver: %llu mutated inputs, no crash\n", (unsigned long long)runs);
    return 0;
}
