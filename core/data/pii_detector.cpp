#include "core/data/pii_detector.h"

#include "core/data/pii_checksums.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

namespace tb {

const char* piiTypeName(PiiType t) {
    switch (t) {
    case PiiType::Email: return "EMAIL";
    case PiiType::Phone: return "PHONE";
    case PiiType::Ssn: return "SSN";
    case PiiType::CreditCard: return "CREDIT_CARD";
    case PiiType::Iban: return "IBAN";
    case PiiType::Ip: return "IP";
    case PiiType::Secret: return "SECRET";
    }
    return "PII";
}

std::string piiPlaceholder(PiiType t) { return std::string("[") + piiTypeName(t) + "]"; }

std::optional<PiiType> parsePiiType(std::string_view name) {
    for (PiiType t : kAllPiiTypes)
        if (name == piiTypeName(t)) return t;
    return std::nullopt;
}

namespace {

enum class Trigger { None, At, Digit, Upper, SecretPrefix };

struct PatternSpec {
    PiiType type;
    Trigger trigger;
    int group;  // capture group holding the value (0 = whole match)
    const char* regex;
    int minDigits = 0;  // the text must hold a run of at least this many digits (separators allowed)
};

// Candidates; the validators below decide.
const PatternSpec kSpecs[] = {
    {PiiType::Secret, Trigger::SecretPrefix, 0,
     R"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)"},
    {PiiType::Secret, Trigger::SecretPrefix, 0, R"((?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z]))"},
    {PiiType::Secret, Trigger::SecretPrefix, 0, R"((?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}(?![A-Za-z0-9]))"},
    {PiiType::Secret, Trigger::SecretPrefix, 0, R"((?<![A-Za-z0-9_-])sk-(?:proj-|ant-api03-|ant-|live_|test_)?[A-Za-z0-9_-]{20,})"},
    {PiiType::Secret, Trigger::SecretPrefix, 0, R"((?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}))"},
    {PiiType::Secret, Trigger::SecretPrefix, 0, R"((?<![A-Za-z0-9_])xox[abprs]-[0-9]{6,}-[A-Za-z0-9-]{10,})"},
    {PiiType::Email, Trigger::At, 0,
     R"((?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]))"},
    {PiiType::Iban, Trigger::Upper, 0, R"((?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9]))"},
    {PiiType::CreditCard, Trigger::Digit, 0, R"((?<![0-9A-Za-z#/.-])[0-9](?:[ -]?[0-9]){11,18}(?![0-9A-Za-z]|-[0-9]))", 12},
    {PiiType::Ssn, Trigger::Digit, 0,
     R"((?<![0-9A-Za-z#/.-])(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9A-Za-z]|-[0-9]))", 9},
    {PiiType::Ssn, Trigger::Digit, 1, R"((?i:\bSSN|social security(?: number| no\.?)?)\s*(?:is|:|#)?\s*((?!000|666|9[0-9]{2})[0-9]{3} ?(?!00)[0-9]{2} ?(?!0000)[0-9]{4})(?![0-9]))", 9},
    {PiiType::Phone, Trigger::Digit, 0,
     R"((?<![0-9A-Za-z+#/.-])\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,5}(?![0-9A-Za-z]|-[0-9]))", 8},
    {PiiType::Phone, Trigger::Digit, 0,
     R"((?<![0-9A-Za-z#/.-])(?<![0-9] )(?:1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9A-Za-z]|[.-][0-9]))", 10},
    {PiiType::Phone, Trigger::Digit, 0, R"((?<![0-9A-Za-z#/.-])(?<![0-9] )0[1-9][0-9]{1,3}[ -][0-9]{3,4}[ -]?[0-9]{3,4}(?![0-9A-Za-z]|[.-][0-9]))", 9},
    {PiiType::Phone, Trigger::Digit, 1,
     R"((?i:\b(?:phone|tel|mobile|cell|call(?: me)?(?: at| on)?|text me at|whatsapp|reach me at|number is))\b[:.#\s]*(\+?[0-9][0-9 .()-]{7,18}[0-9])(?![0-9]))", 10},
    {PiiType::Ip, Trigger::Digit, 0,
     R"((?<![0-9A-Za-z.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9A-Za-z]|\.[0-9]))", 4},
    {PiiType::Ip, Trigger::None, 0, R"((?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:]))"},
    {PiiType::Ip, Trigger::None, 0,
     R"((?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:]))"},
};

int countIf(std::string_view s, int (*pred)(int)) {
    int n = 0;
    for (unsigned char c : s) n += pred(c) != 0;
    return n;
}

std::string digitsOf(std::string_view s) {
    std::string d;
    for (char c : s)
        if (c >= '0' && c <= '9') d += c;
    return d;
}

// The word just before position `at` (lower case), for context checks such as "version 1.2.3.4".
std::string previousWord(std::string_view text, size_t at) {
    size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == ':')) --i;
    size_t end = i;
    while (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) --i;
    std::string w(text.substr(i, end - i));
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

bool validate(PiiType type, std::string_view text, size_t& begin, size_t& end, const PatternSpec& spec) {
    std::string_view m = text.substr(begin, end - begin);
    switch (type) {
    case PiiType::Secret: {
        if (m.rfind("sk-", 0) == 0) {
            // Real keys are random: digits, upper and lower case letters. Reject hyphenated words.
            return countIf(m, isdigit) >= 2 && countIf(m, isupper) >= 1 && countIf(m, islower) >= 4;
        }
        if (m.rfind("hf_", 0) == 0) return countIf(m, isupper) >= 1 && countIf(m, islower) >= 1;
        return true;
    }
    case PiiType::Email: return true;
    case PiiType::Iban: {
        std::string compact;
        for (char c : m)
            if (c != ' ') compact += c;
        int len = ibanLength(compact.substr(0, 2));
        if (len == 0 || static_cast<int>(compact.size()) < len) return false;
        if (static_cast<int>(compact.size()) > len) {
            // Trim the match to the country's length (text after it may be a following word or number).
            int kept = 0;
            size_t i = begin;
            while (i < end && kept < len) {
                if (text[i] != ' ') ++kept;
                ++i;
            }
            if (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) return false;
            end = i;
            compact.resize(len);
        }
        return ibanValid(compact);
    }
    case PiiType::CreditCard: {
        bool space = m.find(' ') != std::string_view::npos, dash = m.find('-') != std::string_view::npos;
        if (space && dash) return false;
        return plausibleCardNumber(digitsOf(m));
    }
    case PiiType::Ssn: return digitsOf(m).size() == 9;
    case PiiType::Phone: {
        std::string d = digitsOf(m);
        if (spec.group == 1) {  // after a word like "phone": accept any plausible length
            if (m.find('.') != std::string_view::npos && m.find(' ') == std::string_view::npos &&
                std::count(m.begin(), m.end(), '.') == 3)
                return false;  // an IP address, not a phone
            return d.size() >= 10 && d.size() <= 15;
        }
        if (m[0] == '+') return d.size() >= 8 && d.size() <= 15;
        return d.size() >= 10 && d.size() <= 12;
    }
    case PiiType::Ip: {
        if (m.find(':') != std::string_view::npos) {
            // IPv6: need a hex letter or 4+ groups so that times like 10::30 are not taken.
            int groups = static_cast<int>(std::count(m.begin(), m.end(), ':'));
            bool hexLetter = std::any_of(m.begin(), m.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            return groups >= 7 || (hexLetter && groups >= 3);
        }
        std::string w = previousWord(text, begin);
        static const char* versionWords[] = {"v", "version", "ver", "release", "build", "firmware", "app", "update",
                                             "patch", "sdk", "api", "os", "ios", "android", "chrome", "tag"};
        for (const char* vw : versionWords)
            if (w == vw) return false;
        if (begin > 0 && (text[begin - 1] == 'v' || text[begin - 1] == 'V')) return false;
        return true;
    }
    }
    return false;
}

// What a text could contain, found in one pass, so that patterns that cannot match are not run at all.
struct TextTraits {
    bool at = false, upper = false, digit = false, secret = false, ipv6 = false, dot = false;
    bool ibanStart = false;  // two capital letters followed by two digits somewhere
    int maxDigitRun = 0;  // most digits in a span of digits and separators (space - . ( ) + /)
};

bool startsWith(std::string_view text, size_t i, std::string_view prefix) {
    return text.size() - i >= prefix.size() && std::memcmp(text.data() + i, prefix.data(), prefix.size()) == 0;
}

// Byte classes for traitsOf: 0 nothing to note, 1 digit, 2 digit-run separator, 3 needs a closer look.
struct ByteClasses {
    unsigned char c[256] = {};
    ByteClasses() {
        for (int d = '0'; d <= '9'; ++d) c[d] = 1;
        for (unsigned char sep : std::string_view(" -.()+/")) c[sep] = 2;
        for (unsigned char sp : std::string_view("@:Ahsgx-.")) c[sp] = 3;
        for (int u = 'B'; u <= 'Z'; ++u) c[u] = 3;
    }
};

TextTraits traitsOf(std::string_view text) {
    static const ByteClasses classes;
    TextTraits t;
    int run = 0, colons = 0;
    bool doubleColon = false;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = p[i];
        unsigned char k = classes.c[c];
        if (k == 0) {
            run = 0;
            continue;
        }
        if (k == 1) {
            t.digit = true;
            if (++run > t.maxDigitRun) t.maxDigitRun = run;
            continue;
        }
        if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '/')) run = 0;
        switch (c) {
        case '@': t.at = true; break;
        case '.': t.dot = true; break;
        case ':':
            ++colons;
            if (i + 1 < text.size() && text[i + 1] == ':') doubleColon = true;
            break;
        case 'A': t.upper = true; t.secret |= startsWith(text, i, "AKIA") || startsWith(text, i, "ASIA"); break;
        case 'h': t.secret |= startsWith(text, i, "hf_"); break;
        case 's': t.secret |= startsWith(text, i, "sk-"); break;
        case 'g': t.secret |= (startsWith(text, i, "gh") && i + 3 < text.size() && text[i + 3] == '_') || startsWith(text, i, "github_pat_"); break;
        case 'x': t.secret |= startsWith(text, i, "xox"); break;
        case '-': t.secret |= startsWith(text, i, "-----BEGIN"); break;
        default:
            if (c >= 'B' && c <= 'Z') t.upper = true;
        }
        if (c >= 'A' && c <= 'Z' && i + 3 < text.size() && p[i + 1] >= 'A' && p[i + 1] <= 'Z' && p[i + 2] >= '0' &&
            p[i + 2] <= '9' && p[i + 3] >= '0' && p[i + 3] <= '9')
            t.ibanStart = true;
    }
    t.ipv6 = doubleColon ? colons >= 2 : colons >= 7;
    return t;
}

bool mayMatch(const PatternSpec& spec, const TextTraits& t) {
    switch (spec.trigger) {
    case Trigger::None: return t.ipv6;
    case Trigger::At: return t.at;
    case Trigger::Digit: return t.maxDigitRun >= spec.minDigits && (spec.type != PiiType::Ip || t.dot);
    case Trigger::Upper: return t.ibanStart;
    case Trigger::SecretPrefix: return t.secret;
    }
    return true;
}

int priority(PiiType t) {
    switch (t) {
    case PiiType::Secret: return 0;
    case PiiType::Email: return 1;
    case PiiType::Iban: return 2;
    case PiiType::CreditCard: return 3;
    case PiiType::Ssn: return 4;
    case PiiType::Ip: return 5;
    case PiiType::Phone: return 6;
    }
    return 9;
}

}  // namespace

struct PiiDetector::Pattern {
    PatternSpec spec;
    pcre2_code* code = nullptr;
    ~Pattern() {
        if (code) pcre2_code_free(code);
    }
};

PiiDetector::~PiiDetector() = default;

Result<std::shared_ptr<const PiiDetector>> PiiDetector::create() {
    std::shared_ptr<PiiDetector> d(new PiiDetector);
    for (const auto& spec : kSpecs) {
        auto p = std::make_unique<Pattern>();
        p->spec = spec;
        int err = 0;
        PCRE2_SIZE off = 0;
        p->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(spec.regex), PCRE2_ZERO_TERMINATED, 0, &err, &off, nullptr);
        if (!p->code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            return internalError(std::string("PII pattern for ") + piiTypeName(spec.type) + " does not compile at " +
                                 std::to_string(off) + ": " + reinterpret_cast<char*>(msg));
        }
        pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter when JIT is unavailable
        d->m_patterns.push_back(std::move(p));
    }
    return std::shared_ptr<const PiiDetector>(d);
}

std::shared_ptr<const PiiDetector> PiiDetector::shared() {
    static std::once_flag once;
    static std::shared_ptr<const PiiDetector> instance;
    std::call_once(once, [] {
        auto d = create();
        if (d.ok()) instance = *d;
    });
    return instance;
}

std::vector<PiiMatch> PiiDetector::find(std::string_view text) const {
    std::vector<PiiMatch> found;
    if (text.empty()) return found;
    const TextTraits traits = traitsOf(text);
    if (!traits.at && !traits.digit && !traits.ipv6 && !traits.secret) return found;

    pcre2_match_data* md = pcre2_match_data_create(4, nullptr);
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    for (const auto& p : m_patterns) {
        if (!mayMatch(p->spec, traits)) continue;
        PCRE2_SIZE start = 0;
        while (start < text.size()) {
            int rc = pcre2_match(p->code, subject, text.size(), start, 0, md, nullptr);
            if (rc < 0) break;
            PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
            size_t mb = ov[0], me = ov[1];
            size_t vb = mb, ve = me;
            if (p->spec.group > 0 && rc > p->spec.group && ov[2 * p->spec.group] != PCRE2_UNSET) {
                vb = ov[2 * p->spec.group];
                ve = ov[2 * p->spec.group + 1];
            }
            if (validate(p->spec.type, text, vb, ve, p->spec)) {
                found.push_back({p->spec.type, vb, ve});
                start = std::max(me, mb + 1);
            } else {
                start = mb + 1;  // a failed candidate may hide a valid one starting inside it
            }
        }
    }
    pcre2_match_data_free(md);
    if (found.size() <= 1) return found;
    // Keep non-overlapping matches: longer first, then by type priority.
    std::sort(found.begin(), found.end(), [](const PiiMatch& a, const PiiMatch& b) {
        size_t la = a.end - a.begin, lb = b.end - b.begin;
        if (la != lb) return la > lb;
        if (priority(a.type) != priority(b.type)) return priority(a.type) < priority(b.type);
        return a.begin < b.begin;
    });
    std::vector<PiiMatch> kept;
    for (const auto& m : found) {
        bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const PiiMatch& k) { return m.begin < k.end && k.begin < m.end; });
        if (!overlaps) kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const PiiMatch& a, const PiiMatch& b) { return a.begin < b.begin; });
    return kept;
}

std::string PiiDetector::replace(std::string_view text, const std::vector<PiiMatch>& matches) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    for (const auto& m : matches) {
        if (m.begin < pos) continue;
        out.append(text.substr(pos, m.begin - pos));
        out += piiPlaceholder(m.type);
        pos = m.end;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace tb
