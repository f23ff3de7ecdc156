// The item,annotator,value CSV loader; see TriplesCsv.hpp.
#include "core/quality/agreement/TriplesCsv.hpp"

#include "core/io/LineSource.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <vector>

namespace concord::quality {

namespace {

// Splits one line at commas into `fields`. Fields without a quote are views into the line;
// quoted ones are unescaped into `storage`, which the views then point into. Returns the
// reason when a quote is malformed.
std::optional<std::string> splitFields(std::string_view line, std::vector<std::string_view>& fields,
                                       std::vector<std::string>& storage)
{
    fields.clear();
    if (line.find('"') == std::string_view::npos) {
        std::size_t begin = 0;
        for (;;) {
            const std::size_t comma = line.find(',', begin);
            if (comma == std::string_view::npos) {
                fields.push_back(line.substr(begin));
                return std::nullopt;
            }
            fields.push_back(line.substr(begin, comma - begin));
            begin = comma + 1;
        }
    }
    // The slow path, for lines with quotes: every field is copied into `storage`.
    storage.clear();
    std::size_t i = 0;
    for (;;) {
        std::string field;
        if (i < line.size() && line[i] == '"') {
            for (++i;; ++i) {
                if (i >= line.size()) {
                    return "a quoted field is not closed on its line (quoted line breaks are not supported here)";
                }
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i];
            }
            if (i < line.size() && line[i] != ',') {
                return "unexpected text after a closing quote";
            }
        } else {
            const std::size_t comma = std::min(line.find(',', i), line.size());
            field.assign(line.substr(i, comma - i));
            if (field.find('"') != std::string::npos) {
                return "a quote inside an unquoted field";
            }
            i = comma;
        }
        storage.push_back(std::move(field));
        if (i >= line.size()) {
            break;
        }
        ++i; // past the comma; a comma at the very end leaves one more, empty, field
    }
    fields.assign(storage.begin(), storage.end());
    return std::nullopt;
}

std::string lowered(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t");
    const auto end = text.find_last_not_of(" \t");
    std::string out(begin == std::string_view::npos ? std::string_view() : text.substr(begin, end - begin + 1));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

RatingTable readTriplesCsv(std::istream& input, const std::string& name, const ValueOrder& order,
                           std::size_t expectedRows)
{
    io::LineSource lines(input);
    std::vector<std::string_view> fields;
    std::vector<std::string> storage;
    const auto fail = [&](std::size_t line, const std::string& why) {
        throw InputError(name + ":" + std::to_string(line) + ": " + why);
    };

    std::optional<io::LineSource::Line> line = lines.next();
    while (line && io::isBlankLine(line->text)) {
        line = lines.next();
    }
    if (!line) {
        throw InputError(name + ": the file is empty; expected a header row item,annotator,value");
    }
    if (const auto problem = splitFields(line->text, fields, storage)) {
        fail(line->number, *problem);
    }
    static constexpr std::array<const char*, 3> kColumns = {"item", "annotator", "value"};
    std::array<std::size_t, 3> column{};
    const std::size_t width = fields.size();
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        const auto found = std::find_if(fields.begin(), fields.end(),
                                        [&](std::string_view field) { return lowered(field) == kColumns[c]; });
        if (found == fields.end()) {
            fail(line->number, std::string("the header has no '") + kColumns[c] +
                                   "' column; expected a header row item,annotator,value");
        }
        column[c] = static_cast<std::size_t>(found - fields.begin());
    }

    RatingTableBuilder builder;
    builder.reserve(expectedRows);
    // Where rows and lines part (after blank lines), to name a row's line in messages without
    // keeping a line number per row: (first row, its line) at each jump.
    std::vector<std::pair<std::size_t, std::size_t>> jumps;
    std::size_t row = 0;
    std::size_t expectedLine = 0;
    while ((line = lines.next())) {
        if (io::isBlankLine(line->text)) {
            continue;
        }
        if (const auto problem = splitFields(line->text, fields, storage)) {
            fail(line->number, *problem);
        }
        if (fields.size() != width) {
            fail(line->number, "expected " + std::to_string(width) + " fields as in the header, found " +
                                   std::to_string(fields.size()));
        }
        try {
            builder.add(fields[column[0]], fields[column[1]], fields[column[2]]);
        } catch (const InputError& error) {
            fail(line->number, error.what());
        }
        if (line->number != expectedLine) {
            jumps.emplace_back(row, line->number);
        }
        expectedLine = line->number + 1;
        ++row;
    }
    const auto lineOf = [&](std::size_t wanted) {
        const auto after = std::upper_bound(jumps.begin(), jumps.end(), std::make_pair(wanted, SIZE_MAX));
        const auto& [jumpRow, jumpLine] = *(after - 1);
        return jumpLine + (wanted - jumpRow);
    };
    return builder.build(order, [&](std::size_t wanted) { return name + ":" + std::to_string(lineOf(wanted)); });
}

RatingTable loadTriplesCsv(const std::string& path, const ValueOrder& order)
{
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw StoreError("cannot open '" + path + "': " + std::strerror(errno));
    }
    // The shortest row ("a,b,c\n") has six bytes: reserving for that many costs address space,
    // not memory, since pages nobody writes are never touched.
    std::error_code ignored;
    const std::uintmax_t size = std::filesystem::file_size(path, ignored);
    const std::size_t expectedRows = ignored ? 0 : static_cast<std::size_t>(size / 6);
    return readTriplesCsv(input, path, order, expectedRows);
}

} // namespace concord::quality
