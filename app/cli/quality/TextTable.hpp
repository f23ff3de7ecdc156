// Plain-text tables for the quality commands' readable reports.
#pragma once

#include "core/text/Utf8.hpp"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace concord::cli {

// Columns sized to their widest cell, each aligned left or right; a left-aligned last column
// (the notes) is left ragged.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header, std::vector<bool> rightAligned)
        : m_right(std::move(rightAligned))
    {
        m_rows.push_back(std::move(header));
    }
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const
    {
        std::vector<std::size_t> width(m_rows.front().size(), 0);
        for (const auto& row : m_rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                width[c] = std::max(width[c], utf8::codePointCount(row[c]));
            }
        }
        for (const auto& row : m_rows) {
            std::string line = " ";
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string padding(width[c] - utf8::codePointCount(row[c]), ' ');
                line += ' ';
                line += m_right[c] ? padding + row[c] : row[c] + (c + 1 == row.size() ? "" : padding);
                line += c + 1 == row.size() ? "" : " ";
            }
            line.erase(line.find_last_not_of(' ') + 1);
            out << line << '\n';
        }
    }

private:
    std::vector<bool> m_right;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace concord::cli
