// Imports another model's predictions (for example a fine-tuned transformer's) from JSONL,
// one line per sample: {"id": "s1", "probabilities": {"positive": 0.8, "negative": 0.2}}.
// Checks: every id names a sample of the project (once), every label is in the schema, every
// probability is a number in [0, 1], and for single-label and rating tasks each line's
// probabilities sum to 1 within 0.01 (labels left out count 0). Problems are listed as
// FILE:LINE: reason (the first 100, then a count) in one InputError and nothing is stored;
// otherwise the model's earlier predictions are replaced by these in one transaction.
#pragma once

#include <cstddef>
#include <string>

namespace concord {
class Project;
}

namespace concord::learn {

struct PredictionImportResult
{
    std::size_t imported = 0;
    std::size_t samplesWithout = 0; // samples of the project the file has no line for
};

PredictionImportResult importPredictions(Project& project, const std::string& model, const std::string& path);

} // namespace concord::learn
