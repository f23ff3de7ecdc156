// Every record of a project with its fields decoded, in key order, for exports that read them
// all. Decoding the fields' JSON was a third of a TRL export's time; a second thread decodes the
// next page of records while the caller works on this one.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <functional>
#include <future>
#include <string>
#include <vector>

namespace concord {

class Project;

// Throws what decoding throws (InputError for a stored record that is not a record), in order:
// every record before it has been visited.
void forEachRecord(Project& project, const std::function<void(const Sample&, const RecordContent&)>& visit);

// The same with only the named fields in each record's content (and only the key and id of each
// sample). When none of them is a chat (arePlainFields), they are picked out of the stored text
// (pickStoredStrings) and nothing else of it is decoded: three fields of 100,000 records in a
// fifth of the time a full decode takes, with no trees to allocate and free.
void forEachRecordFields(Project& project, const std::vector<std::string>& fields,
                         const std::function<void(const Sample&, const RecordContent&)>& visit);

// Whether each of `fields` is in the schema and none is a chat.
bool arePlainFields(const RecordSchema& schema, const std::vector<std::string>& fields);

// The texts of plain fields (arePlainFields), texts[i] that of fields[i] (empty when the record
// lacks it), read through `db`: the project's connection, or one of the caller's own to the same
// file, so that the read may run on another thread beside the project's (store/ReadAside.hpp).
// The visitor may move the texts away.
void forEachPlainRecordTexts(sqlite::Database& db, const std::vector<std::string>& fields,
                             const std::function<void(const Sample&, std::vector<std::string>& texts)>& visit);

// forEachRecordFields() started early: when the fields are plain and the project can read aside
// (store/ReadAside.hpp), the records are read on another connection and thread from
// construction on, while the caller reads something else (a TRL export, its votes); forEach()
// then gives them from memory. Otherwise forEach() reads them then.
class RecordFieldsAhead
{
public:
    RecordFieldsAhead(Project& project, std::vector<std::string> fields);
    // Once. Throws what the read threw.
    void forEach(const std::function<void(const Sample&, const RecordContent&)>& visit);

private:
    struct Read
    {
        std::vector<Sample> samples;                 // key and id
        std::vector<std::vector<std::string>> texts; // by sample, then field
    };
    Project& m_project;
    std::vector<std::string> m_fields;
    std::future<Read> m_read;
};

} // namespace concord
