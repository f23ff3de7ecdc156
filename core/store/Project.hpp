// A Concord project: one SQLite file holding the settings, the fields and questions, the
// records and everything said about them. The entry point for every other module.
#pragma once

#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"
#include "core/store/AnnotationTable.hpp"
#include "core/store/OutboxTable.hpp"
#include "core/store/PredictionTable.hpp"
#include "core/store/ReplicaTable.hpp"
#include "core/store/ResolutionTable.hpp"
#include "core/store/ResponseTable.hpp"
#include "core/store/SampleTable.hpp"
#include "core/store/SettingsTable.hpp"
#include "core/store/SignalTable.hpp"
#include "core/store/Sqlite.hpp"
#include "core/store/SuggestionTable.hpp"
#include "core/util/Clock.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace concord {

class Project
{
public:
    // Creates a new project file; refuses to overwrite an existing one.
    static std::unique_ptr<Project> create(const std::string& path, const ProjectSettings& settings,
                                           const LabelSchema& schema, Clock clock = systemNowMs);
    // The same with fields and questions (a label schema's project is one with one of each).
    static std::unique_ptr<Project> create(const std::string& path, const ProjectSettings& settings,
                                           const RecordSchema& schema, Clock clock = systemNowMs);
    // Opens an existing project, migrating it forward when it was made by an older Concord.
    static std::unique_ptr<Project> open(const std::string& path, Clock clock = systemNowMs);

    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    const std::string& path() const { return m_db.path(); }
    // The first question's labels or scale (an empty label list when it asks something else):
    // what single-question code reads.
    const LabelSchema& schema() const { return m_schema; }
    const RecordSchema& recordSchema() const { return m_recordSchema; }
    // One text field and one question (RecordSchema::isLegacy), remembered.
    bool isLegacy() const { return m_legacy; }
    // Adds questions, labels or fields, or widens a scale (checkSchemaChange); on a replica an
    // admin's change is queued for the server. Throws InputError saying what it would break.
    void changeRecordSchema(const RecordSchema& next);
    // A replica takes the server's schema and order seed as they are (the server checked them).
    void takeServerSchema(const RecordSchema& schema, std::uint64_t orderSeed);
    // The seed from which each annotator's order of compared fields is drawn (shownOrder()).
    std::uint64_t orderSeed();
    // Sets that seed, so that the orders are reproducible (a bundled example, a test). Throws
    // InputError once any answer is stored (its recorded order came from the old seed) or on a
    // replica (the server's seed is the one its annotators share).
    void setOrderSeed(std::uint64_t seed);
    // A record's fields: a one-text sample's is {"text": its text}.
    RecordContent recordOf(const Sample& sample) const;
    // What checking an answer to `question` needs of the record: the field a spans question
    // marks, nothing for the other kinds (so that answering does not decode every record).
    RecordContent recordFor(const Sample& sample, const Question& question) const;
    ProjectSettings settings() { return m_settings.loadSettings(); }
    void saveSettings(const ProjectSettings& settings) { m_settings.saveSettings(settings); }
    std::int64_t now() const { return m_clock(); }
    // The sizes this project accepts for what enters it (its max_text_bytes and the fixed rest).
    RecordLimits recordLimits();

    // Validates `value` against the schema and the sample's text, then records it as the
    // annotator's value for the sample. Throws InputError naming the problem; nothing is
    // stored then. On a replica (a file made by `concord-cli join`) the edit is stamped with
    // the replica's clock and queued in the outbox in the same transaction, and an edit the
    // server would refuse (another annotator's row, a resolution by an annotator) is refused.
    void annotate(const std::string& sampleId, const std::string& annotator, const nlohmann::json& value);
    // Same, by the sample's key; returns the stored (normalised) JSON text.
    std::string annotate(std::int64_t sampleKey, const std::string& annotator, const nlohmann::json& value);
    // Takes the annotator's label on the sample back (kept in its history), in one transaction;
    // returns false when there was none. Throws InputError on a replica: the sync protocol has
    // no operation that takes a label back, so the server would never hear of it.
    // `question`: whose answer (default: the first question's).
    bool takeBack(std::int64_t sampleKey, const std::string& annotator, const std::string& question = {});
    // Sets the gold value for a sample's question (the first question when empty), validated
    // like an answer.
    void resolve(const std::string& sampleId, const std::string& author, const nlohmann::json& value,
                 const std::string& note, const std::string& question = {});

    // Records the annotator's answer to one question of a record (validated against the
    // question and the record's fields), with the order its fields were shown in and whether a
    // suggestion was shown and taken; the response's status is left as it is (setStatus).
    // Returns the stored JSON text. On a replica it is queued for the server.
    std::string answer(std::int64_t sampleKey, const std::string& annotator, const std::string& question,
                       const nlohmann::json& value);
    // The annotator's status on a record. Submitting needs every required question answered;
    // a submitted or discarded response does not go back to draft. `addMs` is added to the
    // time spent. Throws InputError naming what is missing.
    void setStatus(std::int64_t sampleKey, const std::string& annotator, ResponseStatus status,
                   const std::string& reason = {}, std::int64_t addMs = 0);
    // Takes the annotator's submitted or set-aside response back to a draft (her undo), in one
    // transaction. Throws InputError on a replica, as takeBack does: no operation of the sync
    // protocol takes a decided response back, so the server would never hear of it.
    void reopen(std::int64_t sampleKey, const std::string& annotator);
    // The annotator's status on a record; no row: submitted when she answered, else nothing.
    std::optional<ResponseStatus> statusOf(std::int64_t sampleKey, const std::string& annotator);
    // Required questions the annotator has not answered on the record, in schema order.
    std::vector<std::string> missingRequired(std::int64_t sampleKey, const std::string& annotator);
    // Whether `annotator` is done with the record: for a project of questions, her response is
    // submitted or set aside (answers without a response, as imported, count as submitted); for
    // a one-question project, she has labeled it. A draft is not done: it is hers to finish.
    bool isDone(std::int64_t sampleKey, const std::string& annotator);
    // The first record after `afterKey` she is not done with.
    std::optional<std::int64_t> nextToDo(const std::string& annotator, std::int64_t afterKey);
    // The same, given the annotator's answers on the record (annotations().forResponse).
    std::vector<std::string> missingRequired(const std::vector<AnnotationChange>& given) const;
    // The suggestion an annotator meets for a record's question (the best-scored of any agent),
    // unless the question hides them: what answer() records as shown and taken.
    std::optional<SuggestionChange> shownSuggestion(std::int64_t sampleKey, const Question& question);
    // Stores a suggestion for a record's question (validated as an answer); returns true when it
    // replaced one of the same agent. On a replica only an admin may, and it is queued.
    bool suggest(std::int64_t sampleKey, const std::string& question, const std::string& agent,
                 const nlohmann::json& value, std::optional<double> score);

    sqlite::Database& database() { return m_db; }
    store::SampleTable& samples() { return m_samples; }
    store::AnnotationTable& annotations() { return m_annotations; }
    store::ResolutionTable& resolutions() { return m_resolutions; }
    store::PredictionTable& predictions() { return m_predictions; }
    store::SignalTable& signals() { return m_signals; }
    store::SettingsTable& settingsTable() { return m_settings; }
    store::ReplicaTable& replica() { return m_replica; }
    store::OutboxTable& outbox() { return m_outbox; }
    store::ResponseTable& responses() { return m_responses; }
    store::SuggestionTable& suggestions() { return m_suggestions; }

private:
    Project(const std::string& path, sqlite::Database::Mode mode, Clock clock);
    Sample requireSample(const std::string& sampleId);
    Sample requireSample(std::int64_t sampleKey);
    void adoptSchema(const RecordSchema& schema);
    // Stamps the operation with the replica's clock and adds it to the outbox; returns the stamp.
    Stamp queue(PendingOperation operation, const ReplicaInfo& replica);
    // Writes a status (queued on a replica) inside the caller's transaction.
    void putStatus(ResponseChange row);

    sqlite::Database m_db;
    Clock m_clock;
    store::SettingsTable m_settings{m_db};
    store::SampleTable m_samples{m_db};
    store::AnnotationTable m_annotations{m_db};
    store::ResolutionTable m_resolutions{m_db};
    store::PredictionTable m_predictions{m_db};
    store::SignalTable m_signals{m_db};
    store::ReplicaTable m_replica{m_db};
    store::OutboxTable m_outbox{m_db};
    store::ResponseTable m_responses{m_db};
    store::SuggestionTable m_suggestions{m_db};
    LabelSchema m_schema;
    RecordSchema m_recordSchema;
    bool m_legacy = true;
};

} // namespace concord
