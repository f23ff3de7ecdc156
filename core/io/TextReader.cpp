// Plain-text reading; see TextReader.hpp.
#include "core/io/TextReader.hpp"

namespace concord::io {

TextReader::TextReader(std::istream& input, std::size_t chunkSize) : m_lines(input, chunkSize) {}

std::optional<ReadResult> TextReader::next()
{
    while (const auto line = m_lines.next()) {
        // A whitespace-only line is no sample: skipping it here keeps empty texts out of
        // the project instead of leaving them for the integrity check to flag.
        if (isBlankLine(line->text)) {
            continue;
        }
        std::string text(line->text);
        if (auto problem = invalidUtf8InLine(text)) {
            return ReadProblem{line->number, std::move(*problem), std::move(text)};
        }
        nlohmann::json fields = nlohmann::json::object();
        fields["text"] = text;
        return SourceRecord{line->number, std::move(fields), std::move(text)};
    }
    return std::nullopt;
}

} // namespace concord::io
