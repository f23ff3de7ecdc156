#include "core/io/AtomicFile.hpp"

#include "core/util/Error.hpp"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace concord::io {

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path)), m_temporary(m_path + ".tmp-" + std::to_string(::getpid()))
{
    m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_stream) {
        throw StoreError("cannot write " + m_temporary + " (is the folder there and writable?)");
    }
}

AtomicFile::~AtomicFile()
{
    if (!m_committed) {
        m_stream.close();
        std::error_code ignored; // best effort: the temporary file is ours and may not exist
        std::filesystem::remove(m_temporary, ignored);
    }
}

void AtomicFile::commit()
{
    m_stream.flush();
    m_stream.close();
    if (!m_stream) {
        throw StoreError("cannot finish writing " + m_path + " (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(m_temporary, m_path, error);
    if (error) {
        throw StoreError("cannot move " + m_temporary + " to " + m_path + ": " + error.message());
    }
    m_committed = true;
}

} // namespace concord::io
