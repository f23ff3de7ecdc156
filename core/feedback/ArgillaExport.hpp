// The Argilla 2.x flat record form (as `Dataset.records.to_datasets()` writes it): one column per
// field, and per question `<q>.responses`, `<q>.responses.users`, `<q>.responses.status` (every
// annotator's response, in annotator order) and `<q>.suggestion`, `<q>.suggestion.score`,
// `<q>.suggestion.agent` (the best-scored suggestion). Values in Argilla's forms: a label name,
// a list of labels, a rating, the ranked fields best first, spans, a text; a preference (which
// Argilla has no question for) as its winning field or "tie".
#pragma once

#include "core/store/Project.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace concord {

std::vector<nlohmann::ordered_json> argillaRows(Project& project);

// An answer's value in Argilla's form for `question` (see above).
nlohmann::json argillaValue(const Question& question, const nlohmann::json& value);

} // namespace concord
