// Which changes to the schema of a project that holds data are allowed: adding a question, a
// label or a field, widening a rating scale, retitling. Removing or renaming what has answers
// or data, or changing what an answer means, is refused: it would orphan stored answers on
// every replica. Export first, then make a new project.
#pragma once

#include "core/feedback/RecordSchema.hpp"

#include <functional>
#include <string_view>

namespace concord {

struct SchemaUsage
{
    bool hasRecords = false;
    std::function<bool(std::string_view question)> answered; // any answer, suggestion or gold value
};

// Throws InputError saying what the change would break and what to do instead.
void checkSchemaChange(const RecordSchema& before, const RecordSchema& after, const SchemaUsage& usage);

} // namespace concord
