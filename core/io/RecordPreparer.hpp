// Turns one record read from a file into what the importer stores: its id, text, metadata (the
// fields left over) and, when asked, its label as a value. Every rule a record must keep lives
// here: the fields present and of the right type, the value valid for the schema, and each part
// within the sizes a row may have (RecordLimits), so that a fuzzer can drive it without a
// project file. Throws InputError naming the field at fault.
#pragma once

#include "core/io/RecordReader.hpp"
#include "core/model/LabelSchema.hpp"
#include "core/model/RecordLimits.hpp"

#include <optional>
#include <string>

namespace concord::io {

struct RecordFields
{
    std::string textField = "text";
    std::optional<std::string> idField;    // default: "id" when a record has it, else generated
    std::optional<std::string> labelField; // a field holding existing labels
};

struct PreparedRecord
{
    std::string id;
    std::string text;
    std::string meta; // JSON object
    std::optional<std::string> value;
};

class RecordPreparer
{
public:
    // `idStem` names generated ids: STEM-LINE.
    RecordPreparer(RecordFields fields, const LabelSchema& schema, RecordLimits limits, std::string idStem);

    // Takes the record's fields apart (they are moved out of it).
    PreparedRecord prepare(SourceRecord& record) const;

private:
    std::string generatedId(std::size_t line) const;

    RecordFields m_fields;
    const LabelSchema& m_schema;
    RecordLimits m_limits;
    std::string m_idStem;
};

} // namespace concord::io
