// Reads the Argilla 2.x flat form that ArgillaExport writes (records.jsonl) back into a project
// with the same fields and questions: each record with its fields, every annotator's answers with
// their status, and each question's suggestion with its agent and score.
//
// The columns are checked against the project's schema: `id`, one per field, and per question
// `<q>.responses`, `<q>.responses.users`, `<q>.responses.status`, `<q>.suggestion`,
// `<q>.suggestion.score`, `<q>.suggestion.agent`; a missing or unknown column is an error naming
// it (Argilla's own `status`, `_server_id`, `inserted_at` and `updated_at` are let through).
//
// The flat form keeps less than a project does, so what it lacks comes back as the form implies:
// a preference's strength is 1 (0 for "tie"); a ranking is the listed order, 1, 2, 3... (ties
// were already flattened by the export); a label question's answer is its one label. Exporting
// the imported project gives the same file again.
//
// All or nothing, in one transaction: the first problem throws InputError beginning with
// "<source>:<line>: column '<name>'" and leaves the project as it was.
#pragma once

#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"
#include "core/util/Progress.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace concord {

struct ArgillaImportReport
{
    std::size_t records = 0;
    std::size_t added = 0;    // new records
    std::size_t existing = 0; // records the project had: their fields kept, answers and suggestions added
    std::size_t answers = 0;
    std::size_t suggestions = 0;
};

ArgillaImportReport importArgilla(Project& project, io::RecordReader& reader, const std::string& sourceName,
                                  const Progress& progress = {});

// A value in Argilla's form (argillaValue()) back in the answer form of `question`; throws
// InputError saying what form was expected.
nlohmann::json answerFromArgilla(const Question& question, const nlohmann::json& value);

} // namespace concord
