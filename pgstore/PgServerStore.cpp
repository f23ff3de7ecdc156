#include "pgstore/PgServerStore.hpp"

#include "core/feedback/SchemaChange.hpp"
#include "core/util/Error.hpp"
#include "core/util/RandomId.hpp"
#include "net/protocol/RowJson.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace concord::pg {

namespace {

using nlohmann::json;

std::string number(std::int64_t value)
{
    return std::to_string(value);
}

std::string flag(bool value)
{
    return value ? "true" : "false";
}

// Runs a statement prepared once per connection under `name`.
Result run(Connection& connection, const char* name, const char* sql, const Params& params)
{
    connection.prepare(name, sql);
    return connection.execPrepared(name, params);
}

Sample sampleFrom(const Result& result, int row)
{
    Sample sample;
    sample.key = result.integer(row, 0);
    sample.id = result.text(row, 1);
    sample.text = result.text(row, 2);
    sample.meta = result.text(row, 3);
    sample.record = result.text(row, 4);
    return sample;
}

// "Answered" for assignment, as the project file's annotations view has it: the annotator
// answered the primary question ($pq) and her response, if any, is submitted.
constexpr const char* kAnswered =
    "EXISTS (SELECT 1 FROM answers a WHERE a.project = $1 AND a.kind = 'annotation' AND a.question = $pq "
    "AND a.sample_key = %SAMPLE% AND a.owner = %OWNER% AND NOT EXISTS (SELECT 1 FROM answers g WHERE "
    "g.project = $1 AND g.kind = 'response' AND g.sample_key = a.sample_key AND g.owner = a.owner "
    "AND g.status <> 'submitted'))";

std::string answered(const std::string& sample, const std::string& owner, const std::string& primary)
{
    std::string sql = kAnswered;
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"%SAMPLE%", sample}, {"%OWNER%", owner}, {"$pq", primary}}) {
        for (auto at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) {
            sql.replace(at, from.size(), to);
        }
    }
    return sql;
}

// The count of annotators who answered record s.key (primary question $4, submitted).
std::string answerCount()
{
    return "(SELECT count(*) FROM answers a WHERE a.project = $1 AND a.kind = 'annotation' AND a.question = $4 "
           "AND a.sample_key = s.key AND NOT EXISTS (SELECT 1 FROM answers g WHERE g.project = $1 AND g.kind = "
           "'response' AND g.sample_key = a.sample_key AND g.owner = a.owner AND g.status <> 'submitted'))";
}

// The live reservations on record s.key whose holder has not answered it ($3: now).
std::string liveReservations()
{
    return "(SELECT count(*) FROM reservations r WHERE r.project = $1 AND r.sample_key = s.key AND r.expires_at > $3 "
           "AND NOT " +
           answered("r.sample_key", "r.annotator", "$4") + ")";
}

// Records the annotator ($2) has not answered, decided or reserved.
std::string openTo()
{
    return "s.project = $1 AND NOT " + answered("s.key", "$2", "$4") +
           " AND NOT EXISTS (SELECT 1 FROM answers g WHERE g.project = $1 AND g.kind = 'response' AND g.sample_key = "
           "s.key AND g.owner = $2 AND g.status <> 'draft') AND NOT EXISTS (SELECT 1 FROM reservations r WHERE "
           "r.project = $1 AND r.sample_key = s.key AND r.annotator = $2)";
}

} // namespace

void PgReservations::expire(std::int64_t now)
{
    run(m_connection, "concord_reservations_expire", "DELETE FROM reservations WHERE project = $1 AND expires_at <= $2",
        {number(m_project), number(now)});
}

std::vector<std::int64_t> PgReservations::heldBy(std::string_view annotator, std::int64_t now)
{
    static const std::string sql =
        "SELECT r.sample_key FROM reservations r WHERE r.project = $1 AND r.annotator = $2 AND r.expires_at > $3 "
        "AND NOT " +
        answered("r.sample_key", "$2", "$4") +
        " AND NOT EXISTS (SELECT 1 FROM answers g WHERE g.project = $1 AND g.kind = 'response' AND g.sample_key = "
        "r.sample_key AND g.owner = $2 AND g.status <> 'draft') ORDER BY r.sample_key";
    const Result result = run(m_connection, "concord_reservations_held", sql.c_str(),
                              {number(m_project), std::string(annotator), number(now), m_schema.primary().name});
    std::vector<std::int64_t> keys;
    for (int row = 0; row < result.rows(); ++row) {
        keys.push_back(result.integer(row, 0));
    }
    return keys;
}

std::vector<std::int64_t> PgReservations::candidates(std::string_view annotator, int overlap, std::int64_t now,
                                                     int limit)
{
    static const std::string sql = "SELECT s.key FROM records s WHERE " + openTo() + " AND " + answerCount() + " + " +
                                   liveReservations() + " < $5 ORDER BY s.key LIMIT $6";
    const Result result = run(m_connection, "concord_reservations_candidates", sql.c_str(),
                              {number(m_project), std::string(annotator), number(now), m_schema.primary().name,
                               number(overlap), number(limit)});
    std::vector<std::int64_t> keys;
    for (int row = 0; row < result.rows(); ++row) {
        keys.push_back(result.integer(row, 0));
    }
    return keys;
}

std::int64_t PgReservations::heldByOthers(std::string_view annotator, int overlap, std::int64_t now)
{
    static const std::string sql = "SELECT count(*) FROM records s WHERE " + openTo() + " AND " + answerCount() +
                                   " < $5 AND " + answerCount() + " + " + liveReservations() + " >= $5";
    return run(m_connection, "concord_reservations_others", sql.c_str(),
               {number(m_project), std::string(annotator), number(now), m_schema.primary().name, number(overlap)})
        .integer(0, 0);
}

void PgReservations::reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt)
{
    m_holders.emplace(annotator);
    m_connection.write("concord_reservations_reserve",
                       "INSERT INTO reservations (project, sample_key, annotator, expires_at) VALUES ($1, $2, $3, $4) "
                       "ON CONFLICT (project, sample_key, annotator) DO UPDATE SET expires_at = excluded.expires_at",
                       {number(m_project), number(sample), std::string(annotator), number(expiresAt)});
}

void PgReservations::beginBatch()
{
    const Result holders = run(m_connection, "concord_reservations_holders",
                               "SELECT DISTINCT annotator FROM reservations WHERE project = $1", {number(m_project)});
    m_holders.clear();
    for (int row = 0; row < holders.rows(); ++row) {
        m_holders.insert(holders.text(row, 0));
    }
}

void PgReservations::release(std::int64_t sample, std::string_view annotator)
{
    if (!m_holders.contains(annotator)) {
        return;
    }
    m_connection.write("concord_reservations_release",
                       "DELETE FROM reservations WHERE project = $1 AND sample_key = $2 AND annotator = $3",
                       {number(m_project), number(sample), std::string(annotator)});
}

PgServerStore::PgServerStore(Connection& connection, const ProjectRow& project, Clock clock)
    : PgServerStore(nullptr, &connection, project, std::move(clock))
{}

PgServerStore::PgServerStore(std::unique_ptr<Connection> connection, const ProjectRow& project, Clock clock)
    : PgServerStore(std::move(connection), nullptr, project, std::move(clock))
{}

PgServerStore::PgServerStore(std::unique_ptr<Connection> owned, Connection* borrowed, const ProjectRow& project,
                             Clock clock)
    : m_owned(std::move(owned)), m_connection(m_owned ? *m_owned : *borrowed), m_project(project.id),
      m_name(project.name), m_clock(std::move(clock)), m_users(m_connection, project.id),
      m_log(m_connection, project.id), m_reservations(m_connection, project.id, m_schema)
{
    if (project.archived) {
        throw InputError("the project '" + project.name + "' is archived; it is kept but no longer served");
    }
    load();
}

void PgServerStore::load()
{
    const Result row =
        run(m_connection, "concord_project_settings",
            "SELECT settings, record_schema, schema_seq FROM projects WHERE id = $1", {number(m_project)});
    if (row.rows() == 0) {
        throw InputError("the project '" + m_name + "' is no longer in the store");
    }
    if (row.text(0, 1).empty()) {
        throw InputError(
            "the project '" + m_name +
            "' has no questions yet: make it with concord-cli project create --store URI NAME --from FILE.concord");
    }
    const json settings = json::parse(row.text(0, 0));
    m_settings.name = m_name;
    m_settings.overlap = settings.value("overlap", 1);
    m_settings.blind = settings.value("blind", false);
    m_settings.guidelines = settings.value("guidelines", std::string());
    m_orderSeed = settings.value("order_seed", std::uint64_t{0});
    m_id = settings.value("project_id", std::string());
    m_schema = RecordSchema::fromJson(json::parse(row.text(0, 1)));
    m_schemaSeq = row.integer(0, 2);
}

net::ProjectInfo PgServerStore::info()
{
    net::ProjectInfo info;
    info.id = m_id;
    info.name = m_name;
    const Question& primary = m_schema.primary();
    info.schema = (primary.asksLabels() ? primary.labels : LabelSchema{}).toJson();
    info.records = m_schema.toJson();
    info.orderSeed = m_orderSeed;
    info.overlap = m_settings.overlap;
    info.blind = m_settings.blind;
    info.guidelines = m_settings.guidelines;
    return info;
}

void PgServerStore::changeRecordSchema(const RecordSchema& schema)
{
    SchemaUsage usage;
    usage.hasRecords = run(m_connection, "concord_records_any",
                           "SELECT EXISTS (SELECT 1 FROM records WHERE project = $1)", {number(m_project)})
                           .text(0, 0) == "t";
    usage.answered = [this](std::string_view question) {
        return run(m_connection, "concord_question_answered",
                   "SELECT EXISTS (SELECT 1 FROM answers WHERE project = $1 AND question = $2 AND kind <> 'response')",
                   {number(m_project), std::string(question)})
                   .text(0, 0) == "t";
    };
    checkSchemaChange(m_schema, schema, usage);
    run(m_connection, "concord_project_schema", "UPDATE projects SET record_schema = $2 WHERE id = $1",
        {number(m_project), schema.toJson().dump()});
    m_schema = schema;
}

void PgServerStore::setSchemaSeq(std::int64_t seq)
{
    run(m_connection, "concord_project_schema_seq", "UPDATE projects SET schema_seq = $2 WHERE id = $1",
        {number(m_project), number(seq)});
    m_schemaSeq = seq;
}

bool PgServerStore::beginBatch()
{
    // A batch that failed because the database went away left the connection broken: a later
    // one connects again (and fails, to be answered as such, while the database is still down),
    // backing off between attempts.
    if (!m_connection.isOpen()) {
        const auto now = std::chrono::steady_clock::now();
        if (now < m_retryAt) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_retryAt - now);
            throw PgError("the database " + m_connection.describe() + " cannot be reached; trying again in " +
                              std::to_string(left.count()) + " ms",
                          "08006");
        }
        try {
            m_connection.reconnect();
        } catch (const PgError&) {
            m_retryWait = std::clamp(m_retryWait * 2, kFirstRetry, kLastRetry);
            m_retryAt = std::chrono::steady_clock::now() + m_retryWait;
            throw;
        }
        m_retryWait = std::chrono::milliseconds{0};
    }
    m_batch.emplace(m_connection);
    // The batch's writes go with its next read, or with the job's end (Connection::write).
    m_connection.holdWrites(true);
    m_log.beginBatch();
    load();
    m_reservations.beginBatch();
    return false; // every write to this store goes through a server: nothing to adopt
}

void PgServerStore::commitBatch()
{
    const std::int64_t last = m_log.batchLast();
    m_log.publishBatch();
    m_batch->commit();
    m_batch.reset();
    m_connection.holdWrites(false);
    analyzeWhenGrown(last);
}

void PgServerStore::analyzeWhenGrown(std::int64_t last)
{
    if (last < m_analyzeAt) {
        return;
    }
    try {
        analyzeStore(m_connection);
        m_analyzeAt = last * 2;
    } catch (const PgError&) {
        // The batch is committed and acknowledged; statistics can wait: the next batch tries.
    }
}

void PgServerStore::rollbackBatch()
{
    m_log.abandonBatch();
    m_batch.reset(); // its ROLLBACK drops what was held
    m_connection.holdWrites(false);
    // What a failed batch read may be stale (a schema change it rolled back).
    if (m_connection.isOpen()) {
        try {
            load();
        } catch (const PgError&) {
            // The database went away; the next batch reads the settings again or fails itself.
        }
    }
}

bool PgServerStore::unreachable(const std::exception& error) const
{
    const auto* lost = dynamic_cast<const PgError*>(&error);
    return lost != nullptr && lost->connectionLost();
}

void PgServerStore::beginJob()
{
    forgetReadAhead(); // one that ended in a lost connection left its own here
    m_connection.write({}, "SAVEPOINT job");
    m_jobMark = m_log.mark();
}

void PgServerStore::readAhead(std::string_view user, const std::vector<net::Operation>& operations)
{
    if (!m_batch || operations.size() < 2) {
        return; // one operation reads as it goes
    }
    m_log.lockNow();
    std::vector<std::string> opIds;
    json wanted = json::array();
    for (const auto& operation : operations) {
        opIds.push_back(operation.opId);
        if (operation.kind != OperationKind::Annotate) {
            continue;
        }
        if (const auto key = sampleKey(operation.sampleId)) {
            const std::string& question = operation.question.empty() ? m_schema.primary().name : operation.question;
            m_rowsRead.emplace(rowKey("annotation", *key, operation.annotator, question), std::nullopt);
            wanted.push_back({{"k", *key}, {"o", operation.annotator}, {"q", question}});
        }
    }
    m_log.readAhead(user, opIds);
    if (wanted.empty()) {
        return;
    }
    const Result rows =
        run(m_connection, "concord_answers_read_ahead",
            "SELECT a.sample_key, a.owner, a.question, a.seq, a.body FROM jsonb_to_recordset($2::jsonb) "
            "AS w(k bigint, o text, q text) JOIN answers a ON a.project = $1 AND a.kind = 'annotation' "
            "AND a.sample_key = w.k AND a.owner = w.o AND a.question = w.q",
            {number(m_project), wanted.dump()});
    for (int row = 0; row < rows.rows(); ++row) {
        m_rowsRead[rowKey("annotation", rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2))] =
            StoredAnswer{rows.integer(row, 0), rows.integer(row, 3), rows.text(row, 4)};
    }
}

void PgServerStore::forgetReadAhead()
{
    m_rowsRead.clear();
    m_log.forgetReadAhead();
}

std::string PgServerStore::rowKey(std::string_view kind, std::int64_t sample, std::string_view owner,
                                  std::string_view question)
{
    std::string key(kind);
    key.push_back('\0');
    key.append(std::to_string(sample));
    key.push_back('\0');
    key.append(owner);
    key.push_back('\0');
    key.append(question);
    return key;
}

void PgServerStore::endJob(bool keep)
{
    forgetReadAhead();
    if (!keep) {
        m_connection.rollback("ROLLBACK TO SAVEPOINT job");
        // The row lock taken inside the job is released with it; its numbers are given back.
        m_log.restore(m_jobMark);
        load(); // a refused job may have changed the questions held here
    }
    // Sends what the job held: an error of its writes is the job's, thrown here.
    m_connection.exec("RELEASE SAVEPOINT job");
}

std::optional<std::int64_t> PgServerStore::sampleKey(std::string_view id)
{
    std::string wanted(id);
    if (const auto known = m_keys.find(wanted); known != m_keys.end()) {
        return known->second;
    }
    const Result result = run(m_connection, "concord_record_key",
                              "SELECT key FROM records WHERE project = $1 AND id = $2", {number(m_project), wanted});
    if (result.rows() == 0) {
        return std::nullopt; // not kept: the record may be imported later
    }
    if (m_keys.size() >= kMaxKnownKeys) {
        m_keys.clear();
    }
    const std::int64_t key = result.integer(0, 0);
    m_keys.emplace(std::move(wanted), key);
    return key;
}

std::optional<Sample> PgServerStore::sample(std::int64_t key)
{
    const Result result = run(m_connection, "concord_record",
                              "SELECT key, id, text, meta, record FROM records WHERE project = $1 AND key = $2",
                              {number(m_project), number(key)});
    return result.rows() == 0 ? std::nullopt : std::optional<Sample>(sampleFrom(result, 0));
}

std::vector<Sample> PgServerStore::samplesAfter(std::int64_t key, int limit)
{
    const Result result =
        run(m_connection, "concord_records_after",
            "SELECT key, id, text, meta, record FROM records WHERE project = $1 AND key > $2 ORDER BY key LIMIT $3",
            {number(m_project), number(key), number(limit)});
    std::vector<Sample> samples;
    for (int row = 0; row < result.rows(); ++row) {
        samples.push_back(sampleFrom(result, row));
    }
    return samples;
}

std::optional<StoredAnswer> PgServerStore::findRow(const char* kind, std::int64_t sample, std::string_view owner,
                                                   std::string_view question)
{
    if (const auto read = m_rowsRead.find(rowKey(kind, sample, owner, question)); read != m_rowsRead.end()) {
        return read->second;
    }
    const Result result =
        run(m_connection, "concord_answer_find",
            "SELECT sample_key, seq, body FROM answers WHERE project = $1 AND kind = $2 AND "
            "sample_key = $3 AND owner = $4 AND question = $5",
            {number(m_project), std::string(kind), number(sample), std::string(owner), std::string(question)});
    if (result.rows() == 0) {
        return std::nullopt;
    }
    return StoredAnswer{result.integer(0, 0), result.integer(0, 1), result.text(0, 2)};
}

void PgServerStore::storeRow(const char* kind, std::int64_t sample, std::string_view owner, std::string_view question,
                             const std::optional<std::string>& status, std::int64_t seq, const std::string& body)
{
    if (const auto read = m_rowsRead.find(rowKey(kind, sample, owner, question)); read != m_rowsRead.end()) {
        read->second = StoredAnswer{sample, seq, body};
    }
    m_connection.write(
        "concord_answer_store",
        "INSERT INTO answers (project, kind, sample_key, owner, question, status, seq, body) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (project, kind, sample_key, owner, question) "
        "DO UPDATE SET status = excluded.status, seq = excluded.seq, body = excluded.body",
        {number(m_project), std::string(kind), number(sample), std::string(owner), std::string(question), status,
         number(seq), body});
}

Result PgServerStore::rowsAfter(const char* kind, std::int64_t seq, int limit)
{
    return run(m_connection, "concord_rows_after",
               "SELECT sample_key, seq, body FROM answers WHERE project = $1 AND kind = $2 AND seq > $3 "
               "ORDER BY seq LIMIT $4",
               {number(m_project), std::string(kind), number(seq), number(limit)});
}

void PgServerStore::keepHistory(const char* kind, std::int64_t sample, std::string_view owner,
                                std::string_view question, const std::string& body, std::int64_t at)
{
    m_connection.write("concord_answer_history",
                       "INSERT INTO answer_history (project, kind, sample_key, owner, question, body, at) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                       {number(m_project), std::string(kind), number(sample), std::string(owner), std::string(question),
                        body, number(at)});
}

namespace {

// A row read back: the protocol's form of it, with the key and number the store keeps apart.
template <typename Row, typename Parse> std::vector<Row> rowsFrom(const Result& result, Parse parse)
{
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(result.rows()));
    for (int i = 0; i < result.rows(); ++i) {
        Row row = parse(json::parse(result.text(i, 2)), "stored row");
        row.sampleKey = result.integer(i, 0);
        row.seq = result.integer(i, 1);
        rows.push_back(std::move(row));
    }
    return rows;
}

template <typename Row, typename Parse>
std::optional<Row> rowFrom(const std::optional<StoredAnswer>& stored, Parse parse)
{
    if (!stored) {
        return std::nullopt;
    }
    Row row = parse(json::parse(stored->body), "stored row");
    row.sampleKey = stored->sampleKey;
    row.seq = stored->seq;
    return row;
}

} // namespace

std::optional<AnnotationChange> PgServerStore::findAnnotation(std::string_view question, std::int64_t sample,
                                                              std::string_view annotator)
{
    return rowFrom<AnnotationChange>(findRow("annotation", sample, annotator, question), net::annotationFromJson);
}

void PgServerStore::storeAnnotation(const AnnotationChange& row)
{
    storeRow("annotation", row.sampleKey, row.annotator, row.question, std::nullopt, row.seq,
             net::annotationToJson(row).dump());
}

void PgServerStore::keepAnnotationHistory(std::string_view question, std::int64_t sample, std::string_view annotator,
                                          std::string_view value, std::int64_t at)
{
    keepHistory("annotation", sample, annotator, question, std::string(value), at);
}

void PgServerStore::setAnnotationSeq(std::string_view question, std::int64_t sample, std::string_view annotator,
                                     std::int64_t seq)
{
    m_rowsRead.erase(rowKey("annotation", sample, annotator, question));
    run(m_connection, "concord_answer_seq",
        "UPDATE answers SET seq = $6 WHERE project = $1 AND kind = $2 AND sample_key = $3 AND owner = $4 AND "
        "question = $5",
        {number(m_project), std::string("annotation"), number(sample), std::string(annotator), std::string(question),
         number(seq)});
}

std::vector<AnnotationChange> PgServerStore::answersOf(std::int64_t sample, std::string_view annotator)
{
    const Result result = run(m_connection, "concord_answers_of",
                              "SELECT sample_key, seq, body FROM answers WHERE project = $1 AND kind = 'annotation' "
                              "AND sample_key = $2 AND owner = $3 ORDER BY question",
                              {number(m_project), number(sample), std::string(annotator)});
    return rowsFrom<AnnotationChange>(result, net::annotationFromJson);
}

std::vector<AnnotationChange> PgServerStore::annotationsAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                              bool onlyViewers)
{
    // Another annotator's answers reach the viewer only when their response is not a draft.
    const Result result =
        run(m_connection, "concord_annotations_after",
            "SELECT a.sample_key, a.seq, a.body FROM answers a WHERE a.project = $1 AND a.kind = 'annotation' AND "
            "a.seq > $2 AND (a.owner = $3 OR (NOT $4 AND NOT EXISTS (SELECT 1 FROM answers r WHERE r.project = $1 AND "
            "r.kind = 'response' AND r.sample_key = a.sample_key AND r.owner = a.owner AND r.status = 'draft'))) "
            "ORDER BY a.seq LIMIT $5",
            {number(m_project), number(seq), std::string(viewer), flag(onlyViewers), number(limit)});
    return rowsFrom<AnnotationChange>(result, net::annotationFromJson);
}

std::vector<AnnotationChange> PgServerStore::everyAnnotationAfter(std::int64_t seq, int limit)
{
    return rowsFrom<AnnotationChange>(rowsAfter("annotation", seq, limit), net::annotationFromJson);
}

std::vector<ResponseChange> PgServerStore::everyResponseAfter(std::int64_t seq, int limit)
{
    return rowsFrom<ResponseChange>(rowsAfter("response", seq, limit), net::responseFromJson);
}

std::optional<ResolutionChange> PgServerStore::findResolution(std::string_view question, std::int64_t sample)
{
    return rowFrom<ResolutionChange>(findRow("resolution", sample, "", question), net::resolutionFromJson);
}

void PgServerStore::storeResolution(const ResolutionChange& row)
{
    storeRow("resolution", row.sampleKey, "", row.question, std::nullopt, row.seq, net::resolutionToJson(row).dump());
}

void PgServerStore::keepResolutionHistory(std::string_view question, std::int64_t sample, std::string_view value,
                                          std::string_view note, std::string_view author, std::int64_t at)
{
    const json body = {{"value", json::parse(value)}, {"note", note}, {"author", author}};
    keepHistory("resolution", sample, "", question, body.dump(), at);
}

std::vector<ResolutionChange> PgServerStore::resolutionsAfter(std::int64_t seq, int limit)
{
    return rowsFrom<ResolutionChange>(rowsAfter("resolution", seq, limit), net::resolutionFromJson);
}

std::optional<ResponseChange> PgServerStore::findResponse(std::int64_t sample, std::string_view annotator)
{
    return rowFrom<ResponseChange>(findRow("response", sample, annotator, ""), net::responseFromJson);
}

void PgServerStore::storeResponse(const ResponseChange& row)
{
    storeRow("response", row.sampleKey, row.annotator, "", row.status, row.seq, net::responseToJson(row).dump());
}

std::vector<ResponseChange> PgServerStore::responsesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                          bool onlyViewers)
{
    const Result result =
        run(m_connection, "concord_responses_after",
            "SELECT sample_key, seq, body FROM answers WHERE project = $1 AND kind = 'response' AND seq > $2 AND "
            "(owner = $3 OR (NOT $4 AND status <> 'draft')) ORDER BY seq LIMIT $5",
            {number(m_project), number(seq), std::string(viewer), flag(onlyViewers), number(limit)});
    return rowsFrom<ResponseChange>(result, net::responseFromJson);
}

void PgServerStore::storeSuggestion(const SuggestionChange& row)
{
    storeRow("suggestion", row.sampleKey, row.agent, row.question, std::nullopt, row.seq,
             net::suggestionToJson(row).dump());
}

std::vector<SuggestionChange> PgServerStore::suggestionsAfter(std::int64_t seq, int limit)
{
    return rowsFrom<SuggestionChange>(rowsAfter("suggestion", seq, limit), net::suggestionFromJson);
}

void configureProject(Connection& connection, std::int64_t project, const ProjectSettings& settings,
                      const RecordSchema& schema, std::uint64_t orderSeed, const std::string& projectId)
{
    RecordSchema::fromJson(schema.toJson()); // throws InputError on questions that are not valid
    const json stored = {{"overlap", settings.overlap},
                         {"blind", settings.blind},
                         {"guidelines", settings.guidelines},
                         {"order_seed", orderSeed},
                         {"project_id", projectId.empty() ? randomId() : projectId}};
    connection.exec("UPDATE projects SET settings = $2, record_schema = $3 WHERE id = $1",
                    {number(project), stored.dump(), schema.toJson().dump()});
}

std::int64_t addRecords(Connection& connection, std::int64_t project, const std::vector<Sample>& records)
{
    // The project's row lock keeps two imports from taking the same keys.
    connection.exec("SELECT 1 FROM projects WHERE id = $1 FOR UPDATE", {number(project)});
    std::int64_t key =
        connection.exec("SELECT coalesce(max(key), 0) FROM records WHERE project = $1", {number(project)})
            .integer(0, 0);
    connection.prepare("concord_record_add",
                       "INSERT INTO records (project, key, id, text, meta, record) VALUES ($1, $2, $3, $4, $5, $6) "
                       "ON CONFLICT (project, id) DO NOTHING");
    for (const auto& record : records) {
        const Result added = connection.execPrepared(
            "concord_record_add", {number(project), number(++key), record.id, record.text, record.meta, record.record});
        if (added.affected() == 0) {
            throw InputError("the project already has a record with id '" + record.id + "'");
        }
    }
    return static_cast<std::int64_t>(records.size());
}

ProjectRow createProjectFromFile(Connection& connection, const std::string& name, Project& file)
{
    if (file.replica().load()) {
        throw InputError("a replica cannot start a project on a store; use the project file it was joined from");
    }
    Transaction transaction(connection);
    const ProjectRow project = insertProject(connection, name);
    configureProject(connection, project.id, file.settings(), file.recordSchema(), file.orderSeed());
    constexpr int kPage = 1000;
    for (std::int64_t after = 0;;) {
        const auto page = file.samples().pageAfter(after, kPage);
        addRecords(connection, project.id, page);
        if (page.size() < static_cast<std::size_t>(kPage)) {
            break;
        }
        after = page.back().key;
    }
    transaction.commit();
    analyzeStore(connection);
    return project;
}

void analyzeStore(Connection& connection)
{
    connection.exec("ANALYZE records, answers, answer_history, changes, reservations, project_sequences");
}

} // namespace concord::pg
