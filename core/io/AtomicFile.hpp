// An output file that appears under its final name only when complete: written to a
// temporary file beside it, flushed, then renamed. Destroyed uncommitted, it leaves nothing.
#pragma once

#include <fstream>
#include <string>

namespace concord::io {

class AtomicFile
{
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_stream; }
    // Flushes and renames into place; throws StoreError when the write failed.
    void commit();

private:
    std::string m_path;
    std::string m_temporary;
    std::ofstream m_stream;
    bool m_committed = false;
};

} // namespace concord::io
