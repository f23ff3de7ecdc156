// The order in which a preference's or a ranking's fields are shown to one annotator on one
// record: drawn from the project's seed, the record, the annotator and the question, so that
// annotators do not all see the same response first, and every device of one annotator shows
// the same order without asking the server.
#pragma once

#include "core/feedback/RecordSchema.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord {

std::vector<std::string> shownOrder(std::uint64_t seed, std::string_view recordId, std::string_view annotator,
                                    const Question& question);

} // namespace concord
