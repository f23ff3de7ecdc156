// The exit codes of concord-cli, as documented in the README.
#pragma once

namespace concord::cli {

enum ExitCode : int
{
    kSuccess = 0,
    kInternalError = 1,    // a bug: an unexpected exception
    kUsageError = 2,       // unknown command or option, missing or malformed argument
    kBadInput = 3,         // a file or value was rejected; nothing was changed
    kFailure = 4,          // a file could not be read or written (the project, an input, an output)
    kCheckFoundErrors = 5, // check --strict found error-severity findings
    kNetworkFailure = 6,   // sync: the server could not be reached or refused (login, certificate, address)
    kIncomplete = 7,       // sync, join: done, but the server could not send some rows (each is named)
};

} // namespace concord::cli
