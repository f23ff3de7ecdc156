// Import of samples (and optionally one annotator's existing labels) from a record stream into
// a project, in one transaction. By default any problem leaves the project untouched; with
// skipInvalid the good records go in and each rejected one is handed to the caller.
#pragma once

#include "core/io/RecordPreparer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/store/Project.hpp"
#include "core/util/Progress.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concord::io {

struct ImportOptions
{
    std::string sourceName = "input"; // the file name, used in messages and generated ids
    std::string textField = "text";
    std::optional<std::string> idField;    // default: "id" when a record has it, else generated
    std::optional<std::string> labelField; // a field holding existing labels
    std::string annotator;                 // whose labels those are
    bool skipInvalid = false;
    std::size_t maxReported = 100;      // problems kept in the report; the rest are counted
    std::optional<RecordLimits> limits; // default: the project's (Project::recordLimits)
};

struct ImportProblem
{
    std::size_t line = 0;
    std::string message;
    std::string raw;
};

struct ImportReport
{
    std::size_t records = 0;  // records read, good or bad
    std::size_t imported = 0; // samples stored (0 when rolled back)
    std::size_t labeled = 0;  // annotations stored
    std::size_t problemCount = 0;
    std::vector<ImportProblem> problems; // the first maxReported
    std::set<std::string> settings;      // settings the problems name (SettingError), for hints at the edge
    bool committed = false;
};

class Importer
{
public:
    Importer(Project& project, ImportOptions options);

    // Reads every record. `progress` hears of the bytes consumed now and then (done; total
    // unknown); once it is cancelled the import stops, rolls back and throws Cancelled.
    // `onReject` receives each rejected record when skipInvalid is set.
    ImportReport run(RecordReader& reader, const Progress& progress = {},
                     const std::function<void(const ImportProblem&)>& onReject = {});

private:
    Project& m_project;
    ImportOptions m_options;
    RecordPreparer m_preparer;
};

} // namespace concord::io
