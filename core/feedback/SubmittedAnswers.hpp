// The answers of submitted responses to one question, in record order, in one pass: statistics
// and exports read a million of them. A response with no status row counts as submitted (an
// answer made before statuses existed), as everywhere else.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace concord {

class Project;

struct SubmittedAnswer
{
    std::int64_t sample = 0; // the record's key
    std::string_view annotator;
    std::string_view value;   // the answer's JSON text
    std::string_view context; // AnswerContext as JSON text, or empty
};

// Each distinct answer text parsed once: a million votes of a preference or a label hold a
// handful of distinct texts, and parsing each vote was most of an export's time.
class DistinctAnswers
{
public:
    // The value of `text`, made by `parse()` the first time the text is met. The reference stays
    // valid as long as this object.
    template <typename Parse> const nlohmann::json& of(std::string_view text, Parse&& parse)
    {
        auto it = m_values.find(text);
        if (it == m_values.end()) {
            it = m_values.emplace(std::string(text), parse()).first;
        }
        return it->second;
    }

private:
    // Looks up by a string_view without making a string of it.
    struct TextHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, nlohmann::json, TextHash, std::equal_to<>> m_values;
};

// Calls `visit` for each submitted answer to `question`, ordered by record then annotator. The
// views live until `visit` returns.
void forEachSubmittedAnswer(Project& project, const std::string& question,
                            const std::function<void(const SubmittedAnswer&)>& visit);

} // namespace concord
