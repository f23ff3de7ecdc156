// The texts Label Studio's editor was tried on (issue 19) with spans written out by hand: code
// point offsets, the characters each covers, and the value.text the editor stores for it. Shared
// by the format tests (records ↔ file) and the import tests (file → project).
#pragma once

#include "core/export/ExportRecord.hpp"
#include "core/text/Utf8.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace concord::test {

struct EditorSpan
{
    std::int64_t start = 0; // code points
    std::int64_t end = 0;
    std::string label;
    std::string covers;     // the characters start..end covers
    std::string editorText; // value.text of a span made in the editor (line breaks as "\n", spaces collapsed)
    std::string savedText;  // value.text after the editor loaded and saved it again (line breaks dropped)
};

// Which value.text the tasks carry: none (some configs give none), the one of a span made in
// the editor, or the one of an annotation the editor loaded and saved again. The last two are
// what the 1.4.0 editor wrote in tests/manual/labelstudio_editor_roundtrip.mjs.
enum class EditorText
{
    None,
    Made,
    Saved
};

inline const char* nameOf(EditorText form)
{
    return form == EditorText::None   ? "no value.text"
           : form == EditorText::Made ? "value.text made"
                                      : "value.text saved";
}

struct EditorCase
{
    std::string id;
    std::string text;
    std::vector<EditorSpan> spans;
};

// Emoji with a skin tone, a ZWJ sequence, a flag, a letter outside the BMP, a newline, a CRLF and a
// double space. The comments give the UTF-16 offsets Concord wrote before, which Label Studio
// read as code points.
inline const std::vector<EditorCase>& editorCases()
{
    static const std::vector<EditorCase> cases = [] {
        const std::string thumb = "\U0001F44D\U0001F3FD";                        // 👍🏽
        const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // 👨‍👩‍👧
        const std::string flag = "\U0001F1EB\U0001F1F7";                         // 🇫🇷
        const std::string script = "\U0001D49C";                                 // 𝒜
        // Each span: offsets, label, the characters covered, value.text made, value.text saved.
        return std::vector<EditorCase>{
            // 🙂 hi Ann: UTF-16 6..9, which the editor showed as "nn".
            {"hi", "\U0001F642 hi Ann", {{5, 8, "PER", "Ann", "Ann", "Ann"}}},
            // 🙂 👍🏽 great: the thumb and its skin tone (UTF-16 3..7, shown as "🏽 gr"), "great" (8..13).
            {"thumb",
             "\U0001F642 " + thumb + " great",
             {{2, 4, "EMO", thumb, thumb, thumb}, {5, 10, "GREETING", "great", "great", "great"}}},
            // 👨‍👩‍👧 met Bob: three people and two ZWJ, five code points (UTF-16 0..8); "Bob" is
            // UTF-16 13..16, past the end of the text in code points, so the editor showed nothing.
            {"family",
             family + " met Bob",
             {{0, 5, "EMO", family, family, family}, {10, 13, "PER", "Bob", "Bob", "Bob"}}},
            // Vive la 🇫🇷 et Paris: two regional indicators (UTF-16 8..12), "Paris" (16..21).
            {"france",
             "Vive la " + flag + " et Paris",
             {{8, 10, "EMO", flag, flag, flag}, {14, 19, "LOC", "Paris", "Paris", "Paris"}}},
            // Let 𝒜 be Ann: the mathematical script A, outside the BMP (UTF-16 4..6), "Ann" (10..13).
            {"script",
             "Let " + script + " be Ann",
             {{4, 5, "PER", script, script, script}, {9, 12, "PER", "Ann", "Ann", "Ann"}}},
            // Line breaks and spaces are one code point each in both units. The value.text of a
            // span made in the editor writes each CR and each LF as a backslash and "n" and
            // collapses runs of spaces; saved again, the line breaks are gone (the page shows
            // them as <br>) and the spaces stay.
            {"newline", "first line\nBob here", {{6, 14, "PER", "line\nBob", "line\\nBob", "lineBob"}}},
            {"crlf", "one\r\nLine two", {{0, 9, "LOC", "one\r\nLine", "one\\n\\nLine", "oneLine"}}},
            {"double", "lead  double space", {{0, 12, "LOC", "lead  double", "lead double", "lead  double"}}},
        };
    }();
    return cases;
}

// One record per case, unattributed, with the cases' spans.
inline std::vector<exporting::ExportRecord> editorRecords()
{
    std::vector<exporting::ExportRecord> records;
    for (const auto& c : editorCases()) {
        exporting::ExportRecord record;
        record.id = c.id;
        record.text = c.text;
        for (const auto& span : c.spans) {
            record.spans.push_back({span.start, span.end, span.label});
        }
        records.push_back(std::move(record));
    }
    return records;
}

// The cases as Label Studio exports them after annotating in its editor: one annotation per task
// by user 1, its spans with the value.text `form` says.
inline nlohmann::json editorTasks(EditorText form, const std::vector<EditorCase>& cases = editorCases())
{
    nlohmann::json tasks = nlohmann::json::array();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        nlohmann::json result = nlohmann::json::array();
        for (const auto& span : cases[i].spans) {
            nlohmann::json value = {{"start", span.start}, {"end", span.end}, {"labels", {span.label}}};
            if (form == EditorText::Made) {
                value["text"] = span.editorText;
            } else if (form == EditorText::Saved) {
                value["text"] = span.savedText;
            }
            result.push_back({{"id", "r" + std::to_string(result.size())},
                              {"from_name", "label"},
                              {"to_name", "text"},
                              {"type", "labels"},
                              {"origin", "manual"},
                              {"value", value}});
        }
        tasks.push_back({{"id", i + 1},
                         {"data", {{"text", cases[i].text}, {"id", cases[i].id}}},
                         {"annotations",
                          {{{"id", 10 + i},
                            {"completed_by", 1},
                            {"result", result},
                            {"was_cancelled", false},
                            {"ground_truth", false},
                            {"created_at", "2024-05-02T10:00:00.123456Z"},
                            {"updated_at", "2024-05-02T10:00:00.123456Z"},
                            {"lead_time", 4.2}}}}});
    }
    return tasks;
}

// The characters between two code point offsets of `text`.
inline std::string covered(const std::string& text, std::int64_t start, std::int64_t end)
{
    return std::string(utf8::slice(text, static_cast<std::size_t>(start), static_cast<std::size_t>(end)));
}

} // namespace concord::test
