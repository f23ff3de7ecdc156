#include "net/tls/Certificate.hpp"

#include "core/util/Error.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace concord::net {

namespace {

struct FreeKey
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct FreeCertificate
{
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct CloseFile
{
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, FreeKey>;
using CertificatePtr = std::unique_ptr<X509, FreeCertificate>;
using FilePtr = std::unique_ptr<std::FILE, CloseFile>;

[[noreturn]] void fail(const std::string& what)
{
    throw StoreError("cannot make the server certificate: " + what);
}

// Opens a new file with the given permissions, refusing to follow or reuse an existing one.
FilePtr createPrivateFile(const std::string& path, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode);
    if (fd < 0) {
        fail("cannot write " + path);
    }
    ::fchmod(fd, mode);
    FilePtr file(::fdopen(fd, "w"));
    if (!file) {
        ::close(fd);
        fail("cannot write " + path);
    }
    return file;
}

CertificatePtr makeCertificate(EVP_PKEY* key)
{
    CertificatePtr certificate(X509_new());
    if (!certificate) {
        fail("out of memory");
    }
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) {
        fail("no random bytes");
    }
    serial[0] &= 0x7F; // a positive serial number
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 60 * 60);
    X509_set_pubkey(certificate.get(), key);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Concord"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Concord sync server"),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    if (X509_sign(certificate.get(), key, EVP_sha256()) == 0) {
        fail("signing failed");
    }
    return certificate;
}

} // namespace

CertificatePaths certificatePathsFor(const std::string& projectPath)
{
    return CertificatePaths{projectPath + ".cert.pem", projectPath + ".key.pem"};
}

bool ensureCertificate(const CertificatePaths& paths)
{
    if (std::filesystem::exists(paths.certificate) && std::filesystem::exists(paths.key)) {
        return false;
    }
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        fail("key generation failed");
    }
    const CertificatePtr certificate = makeCertificate(key.get());
    {
        FilePtr file = createPrivateFile(paths.key, 0600);
        if (PEM_write_PrivateKey(file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
            fail("cannot write " + paths.key);
        }
    }
    FilePtr file = createPrivateFile(paths.certificate, 0644);
    if (PEM_write_X509(file.get(), certificate.get()) != 1) {
        fail("cannot write " + paths.certificate);
    }
    return true;
}

std::string fingerprintOf(X509* certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (certificate == nullptr || X509_digest(certificate, EVP_sha256(), digest, &size) != 1) {
        throw StoreError("cannot compute a certificate's fingerprint");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text = "SHA256:";
    for (unsigned int i = 0; i < size; ++i) {
        text += kHex[digest[i] >> 4];
        text += kHex[digest[i] & 0xF];
    }
    return text;
}

std::string fingerprintOfFile(const std::string& certificatePath)
{
    FilePtr file(std::fopen(certificatePath.c_str(), "r"));
    if (!file) {
        throw StoreError("cannot read " + certificatePath);
    }
    CertificatePtr certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        throw StoreError(certificatePath + " is not a PEM certificate");
    }
    return fingerprintOf(certificate.get());
}

} // namespace concord::net
