// Fast non-cryptographic 64-bit hashing of text for duplicate detection (in-memory keys only, never stored;
// stored ids and version hashes use SHA-256). Includes the whitespace-insensitive "exact duplicate" key.
#pragma once

#include <cstdint>
#include <string_view>

namespace tb {

uint64_t hash64(std::string_view bytes, uint64_t seed = 0);
uint64_t mix64(uint64_t x);
// Hash of the text with leading/trailing whitespace dropped and inner whitespace runs treated as one space.
uint64_t exactDuplicateKey(std::string_view text);

}  // namespace tb
