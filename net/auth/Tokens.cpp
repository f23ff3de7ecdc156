#include "net/auth/Tokens.hpp"

#include "core/util/Error.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

namespace concord::net {

namespace {

std::string toHex(const unsigned char* bytes, std::size_t size)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += kHex[bytes[i] >> 4];
        hex += kHex[bytes[i] & 0xF];
    }
    return hex;
}

std::string randomHex(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
        throw StoreError("the system's random number generator failed; no token was made");
    }
    return toHex(buffer.data(), buffer.size());
}

} // namespace

std::string newToken()
{
    return randomHex(32);
}

std::string newSalt()
{
    return randomHex(16);
}

std::string hashToken(std::string_view token, std::string_view salt, int iterations)
{
    std::array<unsigned char, 32> digest{};
    if (PKCS5_PBKDF2_HMAC(token.data(), static_cast<int>(token.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(digest.size()), digest.data()) != 1) {
        throw StoreError("cannot hash a token (OpenSSL PBKDF2 failed)");
    }
    return toHex(digest.data(), digest.size());
}

bool hashesEqual(std::string_view a, std::string_view b)
{
    // The lengths are not secret (always 64 hex digits); the contents are.
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace concord::net
