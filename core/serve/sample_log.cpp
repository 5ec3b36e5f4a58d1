#include "core/serve/sample_log.h"

#include "core/common/atomic_file.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb::serve {

namespace {
constexpr const char* kEncryptedPrefix = "enc:";
constexpr const char* kContext = "tunebench-serve-sample";

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()));
    out.resize(size_t(n));
    return out;
}

std::optional<std::string> unbase64(const std::string& text) {
    if (text.size() % 4) return std::nullopt;
    std::string out(3 * text.size() / 4, '\0');
    int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(text.data()), int(text.size()));
    if (n < 0) return std::nullopt;
    size_t pad = text.size() >= 2 ? (text[text.size() - 1] == '=') + (text[text.size() - 2] == '=') : 0;
    out.resize(size_t(n) - pad);
    return out;
}

nlohmann::json toJson(const ServedSample& s) {
    return {{"at", s.at},         {"model", s.model},
            {"route", s.route},   {"prompt", s.prompt},
            {"output", s.output}, {"prompt_tokens", s.promptTokens},
            {"completion_tokens", s.completionTokens}, {"latency_s", s.latencySeconds}};
}
}  // namespace

SampleLog::SampleLog(std::string path, double sampleRate, std::optional<WorkspaceKey> key, uint64_t seed)
    : m_path(std::move(path)), m_rate(sampleRate), m_key(std::move(key)), m_rng(seed) {}

bool SampleLog::offer(const ServedSample& sample) {
    {
        std::lock_guard lock(m_mutex);
        if (std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) >= m_rate) return false;
    }
    return append(sample).ok();
}

Status SampleLog::append(const ServedSample& sample) {
    std::string line = toJson(sample).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (m_key) {
        auto blob = encryptBytes(*m_key, line, kContext);
        if (!blob) return blob.error();
        line = kEncryptedPrefix + base64(*blob);
    }
    std::lock_guard lock(m_mutex);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_path).parent_path(), ec);
    std::ofstream out(m_path, std::ios::app | std::ios::binary);
    if (!out) return internalError(m_path + ": cannot open the sample log for appending");
    out << line << '\n';
    out.flush();
    if (!out) return internalError(m_path + ": write failed");
    return Status::success();
}

Result<std::vector<ServedSample>> SampleLog::readAll() const {
    std::vector<ServedSample> out;
    std::lock_guard lock(m_mutex);
    std::ifstream in(m_path, std::ios::binary);
    if (!in) return out;  // nothing sampled yet
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        std::string text = line;
        if (line.rfind(kEncryptedPrefix, 0) == 0) {
            if (!m_key) return inputError(m_path + ": line " + std::to_string(number) + " is encrypted: unlock the workspace");
            auto blob = unbase64(line.substr(4));
            if (!blob) return inputError(m_path + ": line " + std::to_string(number) + ": bad base64");
            auto plain = decryptBytes(*m_key, *blob, kContext, m_path + ": line " + std::to_string(number));
            if (!plain) return plain.error();
            text = *plain;
        }
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return inputError(m_path + ": line " + std::to_string(number) + " is not a JSON object");
        ServedSample s;
        s.at = j.value("at", int64_t(0));
        s.model = j.value("model", "");
        s.route = j.value("route", "");
        s.prompt = j.value("prompt", "");
        s.output = j.value("output", "");
        s.promptTokens = j.value("prompt_tokens", 0);
        s.completionTokens = j.value("completion_tokens", 0);
        s.latencySeconds = j.value("latency_s", 0.0);
        out.push_back(std::move(s));
    }
    return out;
}

Result<int64_t> SampleLog::applyRetention(int days, int64_t nowUnix) {
    if (days < 0) return inputError("retention days must be >= 0");
    auto all = readAll();
    if (!all) return all.error();
    int64_t cutoff = nowUnix - int64_t(days) * 86400;
    std::lock_guard lock(m_mutex);
    std::ifstream in(m_path, std::ios::binary);
    std::string kept, line;
    int64_t removed = 0;
    size_t index = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if ((*all)[index++].at < cutoff) {
            ++removed;
            continue;
        }
        kept += line + '\n';
    }
    if (removed == 0) return int64_t(0);
    TB_TRY(writeFileAtomically(m_path, kept));
    return removed;
}

Result<int64_t> SampleLog::encryptPlainLines() {
    if (!m_key) return inputError(m_path + ": encrypting the sample log needs the workspace key");
    std::lock_guard lock(m_mutex);
    for (int attempt = 0; attempt < 5; ++attempt) {
        struct stat before{};
        if (::stat(m_path.c_str(), &before) != 0) return int64_t(0);  // nothing sampled yet
        auto text = readWholeFile(m_path, size_t(1) << 34);
        if (!text) return text.error();
        std::string out;
        out.reserve(text->size() * 2);
        int64_t converted = 0, number = 0;
        Status failed = Status::success();
        for (size_t pos = 0; pos < text->size() && failed;) {
            const size_t nl = text->find('\n', pos);
            const size_t end = nl == std::string::npos ? text->size() : nl;
            const std::string line = text->substr(pos, end - pos);
            pos = end + 1;
            ++number;
            const std::string where = m_path + ": line " + std::to_string(number);
            if (line.rfind(kEncryptedPrefix, 0) == 0) {  // written encrypted, or converted before
                auto blob = unbase64(line.substr(4));
                if (!blob) {
                    failed = inputError(where + ": bad base64");
                    break;
                }
                auto plain = decryptBytes(*m_key, *blob, kContext, where);
                if (!plain) {
                    failed = plain.error();
                    break;
                }
                OPENSSL_cleanse(plain->data(), plain->size());
                out += line;
            } else if (!line.empty()) {  // the line's bytes as they are, even one a crash cut short
                auto blob = encryptBytes(*m_key, line, kContext);
                if (!blob) {
                    failed = blob.error();
                    break;
                }
                out += kEncryptedPrefix + base64(*blob);
                ++converted;
            }
            out += '\n';
        }
        OPENSSL_cleanse(text->data(), text->size());
        if (!failed) return failed.error();
        if (converted == 0) return int64_t(0);
        // Another process (an endpoint still running) appended meanwhile: read again rather than drop it.
        struct stat now{};
        if (::stat(m_path.c_str(), &now) != 0 || now.st_size != before.st_size ||
            now.st_mtim.tv_sec != before.st_mtim.tv_sec || now.st_mtim.tv_nsec != before.st_mtim.tv_nsec)
            continue;
        TB_TRY(writeFileAtomically(m_path, out));
        ::chmod(m_path.c_str(), before.st_mode & 07777);
        return converted;
    }
    return inputError(m_path + ": the sample log kept growing while it was being encrypted; stop the endpoint "
                               "that writes it and run `tunebench workspace encrypt --resume`");
}

}  // namespace tb::serve
