// A Concord project: one SQLite file holding the settings, the label schema, the samples and
// everything said about them. The entry point for every other module.
#pragma once

#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"
#include "core/store/AnnotationTable.hpp"
#include "core/store/OutboxTable.hpp"
#include "core/store/PredictionTable.hpp"
#include "core/store/ReplicaTable.hpp"
#include "core/store/ResolutionTable.hpp"
#include "core/store/SampleTable.hpp"
#include "core/store/SettingsTable.hpp"
#include "core/store/SignalTable.hpp"
#include "core/store/Sqlite.hpp"
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
    // Opens an existing project, migrating it forward when it was made by an older Concord.
    static std::unique_ptr<Project> open(const std::string& path, Clock clock = systemNowMs);

    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    const std::string& path() const { return m_db.path(); }
    const LabelSchema& schema() const { return m_schema; }
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
    bool takeBack(std::int64_t sampleKey, const std::string& annotator);
    // Sets the gold value for a sample (validated like an annotation).
    void resolve(const std::string& sampleId, const std::string& author, const nlohmann::json& value,
                 const std::string& note);

    sqlite::Database& database() { return m_db; }
    store::SampleTable& samples() { return m_samples; }
    store::AnnotationTable& annotations() { return m_annotations; }
    store::ResolutionTable& resolutions() { return m_resolutions; }
    store::PredictionTable& predictions() { return m_predictions; }
    store::SignalTable& signals() { return m_signals; }
    store::SettingsTable& settingsTable() { return m_settings; }
    store::ReplicaTable& replica() { return m_replica; }
    store::OutboxTable& outbox() { return m_outbox; }

private:
    Project(const std::string& path, sqlite::Database::Mode mode, Clock clock);
    Sample requireSample(const std::string& sampleId);

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
    LabelSchema m_schema;
};

} // namespace concord
