// Import of records with several fields into a project of fields and questions: a mapping from
// the file's keys to fields (chats from message lists), field metadata and suggestions from
// columns, one annotator's existing answers, and TRL's preference and prompt–completion files.
// A record whose id the project already has updates that record's field metadata and
// suggestions. In one transaction: any problem leaves the project as it was, unless
// skipInvalid, when each bad record is left out whole.
#pragma once

#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"
#include "core/util/Progress.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace concord {

enum class RecordShape
{
    Fields,        // the file's keys name fields (or --field maps them)
    TrlPreference, // prompt/chosen/rejected, plain or conversational
    TrlSft         // prompt/completion, plain or conversational
};

struct FieldImportOptions
{
    std::string sourceName = "input";
    RecordShape shape = RecordShape::Fields;
    std::optional<std::string> idField;            // default: "id" when a record has it, else FILE-LINE
    std::map<std::string, std::string> fieldKeys;  // field -> the file's key (default: the field's name)
    std::map<std::string, std::string> metaKeys;   // "field.name" -> the file's key: field metadata
    std::map<std::string, std::string> suggestion; // question -> the file's key holding a suggestion
    std::map<std::string, std::string> scoreKeys;  // question -> the file's key holding its score
    std::map<std::string, std::string> agents;     // question -> the suggestion's agent (default "import")
    std::map<std::string, std::string> answerKeys; // question -> the file's key holding `annotator`'s answer
    std::string annotator;
    bool preferenceAsSuggestion = false; // TRL preference: the recorded choice as a suggestion, not an answer
    bool skipInvalid = false;
    std::size_t maxReported = 100;
};

struct FieldImportProblem
{
    std::size_t line = 0;
    std::string message;
    std::string raw;
};

struct FieldImportReport
{
    std::size_t records = 0;
    std::size_t added = 0;   // new records
    std::size_t updated = 0; // records already there whose metadata or suggestions were updated
    std::size_t suggestions = 0;
    std::size_t answers = 0;
    std::size_t problemCount = 0;
    std::vector<FieldImportProblem> problems;
    bool committed = false;
};

// What FieldImporter and the Argilla import (ArgillaImport.hpp) share:
// A record's id from a file's value (a string or an integer, not empty, within the id limit);
// `key` names it in the message.
std::string recordIdFrom(const nlohmann::json& value, const std::string& key);
// A file's value as `field`'s content: text (numbers and booleans as written), or for a chat a
// list of messages (or a CSV cell holding that list as JSON). `where` begins the message.
nlohmann::json fieldValueFrom(const Field& field, nlohmann::json value, const std::string& where);
// Checks a new record against the schema and the limits, then stores it; returns its key.
std::int64_t insertRecord(Project& project, const std::string& id, const RecordContent& content,
                          const std::string& meta, const RecordLimits& limits);

class FieldImporter
{
public:
    // Throws SettingError naming the option at fault (a field or question the project lacks).
    FieldImporter(Project& project, FieldImportOptions options);

    FieldImportReport run(io::RecordReader& reader, const Progress& progress = {},
                          const std::function<void(const FieldImportProblem&)>& onReject = {});

private:
    void importRecord(io::SourceRecord& record, FieldImportReport& report);
    void reshape(io::SourceRecord& record) const;
    RecordContent takeContent(nlohmann::json& fields) const;

    Project& m_project;
    FieldImportOptions m_options;
    RecordLimits m_limits;
    std::string m_idStem;
    const Question* m_preference = nullptr; // TRL preference: the question answered
    std::string m_promptField;              // TRL: where the prompt goes
    std::string m_responseField;            // TRL SFT: where the completion goes
};

} // namespace concord
