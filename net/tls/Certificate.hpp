// The server's TLS identity: a self-signed certificate and its key, made with OpenSSL on first
// start and kept beside the project, and the SHA-256 fingerprint clients pin.
#pragma once

#include <string>

typedef struct x509_st X509;

namespace concord::net {

struct CertificatePaths
{
    std::string certificate;
    std::string key;
};

// PROJECT.cert.pem and PROJECT.key.pem beside the project file.
CertificatePaths certificatePathsFor(const std::string& projectPath);

// Makes a self-signed certificate (EC P-256, valid ten years) unless both files exist. The key
// is created readable by its owner only. Returns true when it made one. Throws StoreError.
bool ensureCertificate(const CertificatePaths& paths);

// "SHA256:" and the 64 lowercase hex digits of the SHA-256 of the certificate's DER bytes.
std::string fingerprintOf(X509* certificate);
std::string fingerprintOfFile(const std::string& certificatePath);

} // namespace concord::net
