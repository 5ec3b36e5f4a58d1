// Detection of personal data and secrets in text: e-mail addresses, phone numbers, US social security
// numbers, payment cards (Luhn and issuer checked), IBANs (mod-97 checked), IP addresses and secrets (AWS
// access keys, hf_/sk-/GitHub/Slack tokens, private key blocks). PCRE2 (JIT) finds candidates; validators
// reject look-alikes (order numbers, dates, versions). Thread-safe after creation. Not a cleaner (cleaner.h).
#pragma once

#include "core/common/result.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

enum class PiiType { Email, Phone, Ssn, CreditCard, Iban, Ip, Secret };
inline constexpr int kPiiTypeCount = 7;
inline constexpr std::array<PiiType, kPiiTypeCount> kAllPiiTypes = {
    PiiType::Email, PiiType::Phone, PiiType::Ssn, PiiType::CreditCard, PiiType::Iban, PiiType::Ip, PiiType::Secret};

const char* piiTypeName(PiiType type);          // "EMAIL", "PHONE", "SSN", "CREDIT_CARD", "IBAN", "IP", "SECRET"
std::string piiPlaceholder(PiiType type);       // "[EMAIL]", ...
std::optional<PiiType> parsePiiType(std::string_view name);

struct PiiMatch {
    PiiType type;
    size_t begin = 0;  // byte offsets into the text
    size_t end = 0;
};

class PiiDetector {
public:
    static Result<std::shared_ptr<const PiiDetector>> create();
    // A process-wide detector (created on first use).
    static std::shared_ptr<const PiiDetector> shared();
    ~PiiDetector();

    // Non-overlapping matches sorted by position.
    std::vector<PiiMatch> find(std::string_view text) const;
    // The text with each match replaced by its placeholder.
    static std::string replace(std::string_view text, const std::vector<PiiMatch>& matches);

private:
    PiiDetector() = default;
    struct Pattern;
    std::vector<std::unique_ptr<Pattern>> m_patterns;
};

}  // namespace tb
