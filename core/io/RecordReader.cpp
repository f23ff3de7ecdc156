// Choosing a reader: the format from a file name, and the reader for a format.
#include "core/io/RecordReader.hpp"

#include "core/io/CsvReader.hpp"
#include "core/io/JsonlReader.hpp"
#include "core/io/ReadAhead.hpp"
#include "core/io/TextReader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace concord::io {

namespace {

std::string lowerExtension(const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

} // namespace

std::optional<Format> formatFromPath(const std::string& path)
{
    const std::string extension = lowerExtension(path);
    if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") {
        return Format::Jsonl;
    }
    if (extension == ".csv" || extension == ".tsv") {
        return Format::Csv;
    }
    if (extension == ".txt") {
        return Format::Text;
    }
    return std::nullopt;
}

std::unique_ptr<RecordReader> makeReader(Format format, std::istream& input, char delimiter)
{
    switch (format) {
    case Format::Jsonl:
        // Parsing JSON costs about as much as the rest of an import: it runs on a thread of its own.
        return std::make_unique<ReadAhead>(std::make_unique<JsonlReader>(input));
    case Format::Csv:
        return std::make_unique<CsvReader>(input, delimiter);
    case Format::Text:
        return std::make_unique<TextReader>(input);
    }
    return nullptr;
}

} // namespace concord::io
