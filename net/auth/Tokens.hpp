// Access tokens: made from OpenSSL's random generator, shown to the admin once, stored only as
// a salted PBKDF2-HMAC-SHA256 hash and compared in constant time.
#pragma once

#include <string>
#include <string_view>

namespace concord::net {

// A token carries 256 random bits, so stretching adds little against guessing; the iterations
// are a margin should a token ever be chosen by hand, and are stored per user so that a later
// version can raise them.
constexpr int kTokenIterations = 10'000;

// 32 random bytes as 64 hex digits. Throws StoreError when the random generator fails.
std::string newToken();
// 16 random bytes as 32 hex digits.
std::string newSalt();
// The hex PBKDF2-HMAC-SHA256 of the token with the salt.
std::string hashToken(std::string_view token, std::string_view salt, int iterations);
// Whether two hashes are equal, in time independent of where they differ.
bool hashesEqual(std::string_view a, std::string_view b);

} // namespace concord::net
