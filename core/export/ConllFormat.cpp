#include "core/export/ConllFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/io/LineSource.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/util/Error.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <optional>

namespace concord::exporting {

using nlohmann::json;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool isPunctuation(char c)
{
    return c != 0 && std::strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != nullptr;
}

void requireSpans(const ExportSchema& schema)
{
    if (schema.kind != TaskKind::Spans) {
        throw InputError("CoNLL BIO tags are for span projects; this project is " + std::string(toString(schema.kind)));
    }
}

} // namespace

std::vector<ConllToken> conllTokens(const std::string& text)
{
    std::vector<ConllToken> tokens;
    ConllToken current;
    bool inToken = false;
    std::int64_t point = 0;
    const auto close = [&] {
        if (inToken) {
            current.end = point;
            tokens.push_back(std::move(current));
            current = ConllToken{};
            inToken = false;
        }
    };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
            ++next;
        }
        const char c = text[i];
        if (isSpace(c)) {
            close();
        } else if (isPunctuation(c)) {
            close();
            tokens.push_back({point, point + 1, std::string(1, c)});
        } else {
            if (!inToken) {
                current.start = point;
                inToken = true;
            }
            current.text.append(text, i, next - i);
        }
        ++point;
        i = next;
    }
    close();
    return tokens;
}

void writeConll(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out)
{
    requireSpans(schema);
    for (const auto& record : records) {
        detail::checkSpansFit(record);
        for (std::size_t i = 1; i < record.spans.size(); ++i) {
            if (record.spans[i].start < record.spans[i - 1].end) {
                throw InputError("record '" + record.id + "': spans " + std::to_string(i - 1) + " and " +
                                 std::to_string(i) + " overlap, which BIO tags cannot express");
            }
        }
        out << "# id = " << record.id << '\n';
        if (record.text.find_first_of("\r\n") == std::string::npos) {
            out << "# text = " << record.text << '\n';
        } else {
            out << "# text_json = " << json(record.text).dump() << '\n';
        }
        if (!record.annotator.empty()) {
            out << "# annotator = " << record.annotator << '\n';
        }
        std::size_t span = 0;
        const ExportSpan* open = nullptr;
        for (const auto& token : conllTokens(record.text)) {
            while (span < record.spans.size() && record.spans[span].end <= token.start) {
                ++span;
            }
            std::string tag = "O";
            if (span < record.spans.size() && record.spans[span].start < token.end) {
                const ExportSpan& covering = record.spans[span];
                tag = (open == &covering ? "I-" : "B-") + covering.label;
                open = &covering;
            } else {
                open = nullptr;
            }
            out << token.text << '\t' << tag << '\n';
        }
        out << '\n';
    }
}

std::vector<ExportRecord> readConll(std::istream& input, const ExportSchema& schema, const std::string& sourceName)
{
    requireSpans(schema);
    std::vector<ExportRecord> records;

    struct Pending
    {
        std::size_t line = 0;
        std::string id;
        std::optional<std::string> text;
        std::string annotator;
        std::vector<std::pair<std::string, std::string>> tokens; // token, tag
        std::vector<std::size_t> lines;
        bool started = false;
    } pending;

    const auto finish = [&] {
        if (!pending.started) {
            return;
        }
        detail::Where where(sourceName, pending.line);
        if (pending.id.empty()) {
            // A plain CoNLL file has no ids: FILESTEM-LINE, stable for the same file.
            pending.id = std::filesystem::path(sourceName).stem().string() + "-" + std::to_string(pending.line);
        }
        where.setId(pending.id);
        ExportRecord record;
        record.id = pending.id;
        record.annotator = pending.annotator;
        if (pending.text) {
            record.text = *pending.text;
        } else {
            for (const auto& [token, tag] : pending.tokens) {
                record.text += (record.text.empty() ? "" : " ") + token;
            }
        }
        // Find each token in the text, in order, to learn its code point offsets.
        std::size_t byte = 0;
        std::int64_t point = 0;
        std::optional<ExportSpan> open;
        for (std::size_t t = 0; t < pending.tokens.size(); ++t) {
            const auto& [token, tag] = pending.tokens[t];
            where.setLine(pending.lines[t]);
            const std::size_t found = record.text.find(token, byte);
            if (found == std::string::npos || token.empty()) {
                where.fail("token", "'" + token + "' is not in the record's text after the previous token");
            }
            for (std::size_t b = byte; b < found; ++b) {
                point += (static_cast<unsigned char>(record.text[b]) & 0xC0) != 0x80 ? 1 : 0;
            }
            std::int64_t tokenStart = point;
            for (std::size_t b = found; b < found + token.size(); ++b) {
                point += (static_cast<unsigned char>(record.text[b]) & 0xC0) != 0x80 ? 1 : 0;
            }
            byte = found + token.size();
            const std::int64_t tokenEnd = point;

            if (tag == "O") {
                if (open) {
                    record.spans.push_back(*open);
                    open.reset();
                }
                continue;
            }
            if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') {
                where.fail("tag", "'" + tag + "' is not O, B-LABEL or I-LABEL");
            }
            const std::string label = detail::labelFrom(json(tag.substr(2)), schema, "tag", where);
            if (tag[0] == 'I' && open && open->label == label) {
                open->end = tokenEnd;
                continue;
            }
            if (open) {
                record.spans.push_back(*open);
            }
            open = ExportSpan{tokenStart, tokenEnd, label};
        }
        if (open) {
            record.spans.push_back(*open);
        }
        records.push_back(std::move(record));
        pending = Pending{};
    };

    io::LineSource lines(input);
    while (auto line = lines.next()) {
        const std::string_view text = line->text;
        if (io::isBlankLine(text)) {
            finish();
            continue;
        }
        if (auto bad = io::invalidUtf8InLine(text)) {
            detail::Where(sourceName, line->number).fail(*bad);
        }
        if (text.rfind("-DOCSTART-", 0) == 0) {
            continue;
        }
        const bool hasTab = text.find('\t') != std::string_view::npos;
        if (!hasTab && text.rfind("#", 0) == 0) {
            const auto equals = text.find(" = ");
            if (equals == std::string_view::npos) {
                continue; // a plain comment
            }
            const std::string key(text.substr(1, equals - 1));
            const std::string value(text.substr(equals + 3));
            const auto trimmed =
                key.substr(key.find_first_not_of(' ') == std::string::npos ? key.size() : key.find_first_not_of(' '));
            if (trimmed == "id") {
                if (pending.started && !pending.tokens.empty()) {
                    finish(); // a record that was not closed by a blank line
                }
                pending.started = true;
                pending.line = line->number;
                pending.id = value;
            } else if (trimmed == "text") {
                pending.text = value;
            } else if (trimmed == "text_json") {
                try {
                    const json parsed = io::parseBoundedJson(value, limits::kFileJsonDepth);
                    if (!parsed.is_string()) {
                        throw std::invalid_argument("not a string");
                    }
                    pending.text = parsed.get<std::string>();
                } catch (const std::exception&) {
                    detail::Where(sourceName, line->number).fail("text_json", "is not a JSON string");
                }
            } else if (trimmed == "annotator") {
                pending.annotator = value;
            }
            continue;
        }
        const char separator = hasTab ? '\t' : ' ';
        const auto first = text.find(separator);
        const auto last = text.rfind(separator);
        if (first == std::string_view::npos) {
            detail::Where(sourceName, line->number).fail("a token line is TOKEN<TAB>TAG; this line has no tag");
        }
        if (!pending.started) {
            pending.started = true;
            pending.line = line->number;
        }
        std::string tag(text.substr(last + 1));
        while (!tag.empty() && (tag.back() == '\r' || tag.back() == ' ')) {
            tag.pop_back();
        }
        pending.tokens.emplace_back(std::string(text.substr(0, first)), tag);
        pending.lines.push_back(line->number);
    }
    finish();
    return records;
}

} // namespace concord::exporting
