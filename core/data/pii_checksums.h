// Checksums that tell real identifiers from look-alikes: Luhn for payment cards, ISO 13616 mod-97 (with
// per-country lengths) for IBANs. Pure functions; detection itself is in pii_detector.h.
#pragma once

#include <string_view>

namespace tb {

// digits: only '0'-'9'. True when the Luhn checksum holds.
bool luhnValid(std::string_view digits);
// True for a plausible card: 13-19 digits, a known issuer prefix for its length, Luhn valid.
bool plausibleCardNumber(std::string_view digits);
// compact: IBAN without spaces, upper case. Checks country code, its length and mod-97 == 1.
bool ibanValid(std::string_view compact);
// Expected IBAN length for a country code, 0 when unknown.
int ibanLength(std::string_view country);

}  // namespace tb
