// The answers of submitted responses to one question, in record order, in one pass: statistics
// and exports read a million of them. A response with no status row counts as submitted (an
// answer made before statuses existed), as everywhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace concord {

class Project;

struct SubmittedAnswer
{
    std::int64_t sample = 0; // the record's key
    std::string_view annotator;
    std::string_view value;   // the answer's JSON text
    std::string_view context; // AnswerContext as JSON text, or empty
};

// Calls `visit` for each submitted answer to `question`, ordered by record then annotator. The
// views live until `visit` returns.
void forEachSubmittedAnswer(Project& project, const std::string& question,
                            const std::function<void(const SubmittedAnswer&)>& visit);

} // namespace concord
