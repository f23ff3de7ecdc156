// Error types shared by every layer. Each carries a message a user can act on;
// the CLI and the GUI catch them at the edge and map the kind to an exit code or dialog.
#pragma once

#include <stdexcept>
#include <string>

namespace concord {

// Input that the user or a file supplied was wrong: a bad annotation value, a malformed
// schema, a row that cannot be imported. Nothing was changed when it is thrown.
class InputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Input that one setting of the caller got wrong, named by a stable id ("split", "folds",
// "format", "directory", "text_field", "annotator", "expression", "model", ...). Core says what
// was wrong in the message; the CLI and the GUI name the setting in their own terms (a flag, a
// field label) from the id, so that no core message names either.
class SettingError : public InputError
{
public:
    SettingError(std::string setting, const std::string& message) : InputError(message), m_setting(std::move(setting))
    {}
    const std::string& setting() const { return m_setting; }

private:
    std::string m_setting;
};

// The environment failed: a database that cannot be opened or written, a full disk.
class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace concord
