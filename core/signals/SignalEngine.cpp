#include "core/signals/SignalEngine.hpp"

#include "core/signals/SampleStats.hpp"
#include "core/util/Error.hpp"

#include <sqlite3.h>

#include <regex>

namespace concord::signals {

namespace {

constexpr const char* kCreateView = R"sql(
CREATE TEMP TABLE IF NOT EXISTS signal_stats(
    pk INTEGER PRIMARY KEY, annotations INTEGER, annotators TEXT, labels TEXT, majority TEXT,
    agreement REAL, entropy REAL);
CREATE TEMP TABLE IF NOT EXISTS signal_model(pk INTEGER PRIMARY KEY, label TEXT, confidence REAL);
CREATE TEMP TABLE IF NOT EXISTS signal_gold(pk INTEGER PRIMARY KEY, value TEXT);
CREATE TEMP VIEW IF NOT EXISTS signal_samples AS
SELECT s.pk AS key, s.id AS id, s.text AS text, s.meta AS meta,
       length(s.text) AS length, token_count(s.text) AS tokens,
       coalesce(st.annotations, 0) AS annotations, coalesce(st.annotators, '[]') AS annotators,
       coalesce(st.labels, '[]') AS labels, st.majority AS majority, st.agreement AS agreement,
       1.0 - st.agreement AS disagreement, st.entropy AS entropy,
       g.value AS gold_value,
       coalesce(json_extract(g.value, '$.labels[0]'), json_extract(g.value, '$.rating')) AS gold,
       m.label AS model_label, m.confidence AS model_confidence
FROM main.samples AS s
LEFT JOIN temp.signal_stats AS st ON st.pk = s.pk
LEFT JOIN temp.signal_gold AS g ON g.pk = s.pk
LEFT JOIN temp.signal_model AS m ON m.pk = s.pk;
)sql";

// Reading the view (and, through it, the tables it is defined over) is the only thing allowed.
// SQLite reports some reads of a LEFT JOIN's right side without naming the view, so the view
// joins only temporary tables of its own (filled with figures derived for it, and allowed by
// name) to the samples.
std::string describeAction(int action, const char* first)
{
    const std::string name = first != nullptr ? first : "";
    switch (action) {
    case SQLITE_READ:
        return "it reads table '" + name + "'";
    case SQLITE_PRAGMA:
        return "it runs PRAGMA " + name;
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
        return "it attaches or detaches a database";
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
        return "it writes to table '" + name + "'";
    default:
        return "it does more than read (action " + std::to_string(action) + ")";
    }
}

int authorize(void* context, int action, const char* first, const char* second, const char*, const char* innermost)
{
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_READ: {
        const std::string_view table = first != nullptr ? first : "";
        const std::string_view via = innermost != nullptr ? innermost : "";
        const std::string_view column = second != nullptr ? second : "";
        const bool own =
            table == kViewName || table == "signal_stats" || table == "signal_model" || table == "signal_gold";
        // A read of the samples' row ids alone (as the query planner does for the view's
        // base table) reveals only which samples exist, as the view itself does.
        const bool rowidsOfSamples = table == "samples" && column.empty();
        if (own || rowidsOfSamples || via == kViewName) {
            return SQLITE_OK;
        }
        break;
    }
    default:
        break;
    }
    auto* denied = static_cast<std::string*>(context);
    if (denied->empty()) {
        // A read through a view (annotations is a view of answers) is named by the view.
        *denied = describeAction(action, action == SQLITE_READ && innermost != nullptr ? innermost : first);
    }
    return SQLITE_DENY;
}

// Sets the authorizer for the life of one compilation; remembers what it refused first.
class AuthorizerScope
{
public:
    explicit AuthorizerScope(sqlite3* db) : m_db(db) { sqlite3_set_authorizer(m_db, authorize, &m_denied); }
    ~AuthorizerScope() { sqlite3_set_authorizer(m_db, nullptr, nullptr); }
    AuthorizerScope(const AuthorizerScope&) = delete;
    AuthorizerScope& operator=(const AuthorizerScope&) = delete;
    const std::string& denied() const { return m_denied; }

private:
    sqlite3* m_db;
    std::string m_denied;
};

bool mentions(const std::string& expression, const char* pattern)
{
    return std::regex_search(expression, std::regex(pattern, std::regex::icase));
}

} // namespace

const std::vector<ColumnInfo>& viewColumns()
{
    static const std::vector<ColumnInfo> columns = {
        {"key", "the sample's internal key"},
        {"id", "the sample's id"},
        {"text", "the text"},
        {"meta", "metadata as JSON: json_extract(meta, '$.source')"},
        {"length", "length of the text in characters (code points)"},
        {"tokens", "number of whitespace-separated words"},
        {"annotations", "number of annotations"},
        {"annotators", "JSON array of the annotators' names"},
        {"labels", "JSON array of the distinct labels given"},
        {"majority", "the most common value (label; ratings as text; multi-label sets joined by ';')"},
        {"agreement", "share of annotators who gave the majority value (NULL when unlabeled)"},
        {"disagreement", "1 - agreement"},
        {"entropy", "vote entropy over the values, in bits"},
        {"gold", "the reviewer's gold label or rating (NULL when none)"},
        {"gold_value", "the gold value as JSON"},
        {"model_label", "the model's most probable label"},
        {"model_confidence", "the model's probability for that label"},
    };
    return columns;
}

SignalEngine::SignalEngine(Project& project, std::string model) : m_project(project), m_model(std::move(model))
{
    m_project.database().exec(kCreateView);
}

sqlite::Statement SignalEngine::compile(const std::string& expression, const char* columns)
{
    if (expression.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw InputError("the signal's expression is empty");
    }
    // The newline ends a trailing "--" comment, so it cannot swallow the closing parenthesis.
    const std::string sql =
        std::string("SELECT ") + columns + " FROM " + kViewName + " WHERE (" + expression + "\n) ORDER BY key";
    sqlite3* db = m_project.database().handle();
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    int rc = SQLITE_OK;
    std::string denied;
    {
        AuthorizerScope scope(db);
        rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement, &tail);
        denied = scope.denied();
    }
    if (rc != SQLITE_OK) {
        std::string message = sqlite3_errmsg(db);
        sqlite3_finalize(statement);
        if (!denied.empty()) {
            message = denied + "; a signal may only read the columns of the samples view";
        }
        throw InputError("signal '" + expression + "' is refused: " + message);
    }
    if (tail != nullptr && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(statement);
        throw InputError("signal '" + expression + "' is refused: a signal is one expression, not several statements");
    }
    return sqlite::Statement::adopt(db, statement);
}

void SignalEngine::validate(const std::string& expression)
{
    compile(expression, "key");
}

void SignalEngine::refresh(const std::string& expression)
{
    if (mentions(expression, R"(\b(annotations|annotators|labels|majority|agreement|disagreement|entropy)\b)")) {
        fillStats();
    }
    if (mentions(expression, R"(\bmodel_(label|confidence)\b)")) {
        fillModel();
    }
    if (mentions(expression, R"(\bgold(_value)?\b)")) {
        auto& db = m_project.database();
        sqlite::Transaction transaction(db);
        db.exec(
            "DELETE FROM temp.signal_gold; INSERT INTO temp.signal_gold SELECT sample, value FROM main.resolutions");
        transaction.commit();
    }
}

void SignalEngine::fillStats()
{
    auto& db = m_project.database();
    sqlite::Transaction transaction(db);
    db.exec("DELETE FROM temp.signal_stats");
    auto insert = db.prepare("INSERT INTO temp.signal_stats VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto flush = [&](std::int64_t sample, const std::vector<Vote>& votes) {
        const SampleStats stats = statsFor(m_project.schema(), sample, votes);
        insert.bind(1, stats.sample)
            .bind(2, stats.annotations)
            .bind(3, stats.annotators)
            .bind(4, stats.labels)
            .bind(5, stats.majority)
            .bind(6, stats.agreement)
            .bind(7, stats.entropy)
            .run();
    };
    auto scan = db.prepare("SELECT sample, annotator, value FROM annotations ORDER BY sample");
    std::int64_t current = -1;
    std::vector<Vote> votes;
    while (scan.step()) {
        const std::int64_t sample = scan.columnInt(0);
        if (sample != current && !votes.empty()) {
            flush(current, votes);
            votes.clear();
        }
        current = sample;
        votes.push_back(Vote{scan.columnText(1), nlohmann::json::parse(scan.columnView(2))});
    }
    if (!votes.empty()) {
        flush(current, votes);
    }
    transaction.commit();
}

void SignalEngine::fillModel()
{
    auto& db = m_project.database();
    sqlite::Transaction transaction(db);
    db.exec("DELETE FROM temp.signal_model");
    auto insert = db.prepare("INSERT INTO temp.signal_model VALUES (?, ?, ?)");
    auto scan = db.prepare("SELECT sample, probabilities FROM predictions WHERE model = ?");
    scan.bind(1, m_model);
    while (scan.step()) {
        const auto probabilities = nlohmann::json::parse(scan.columnView(1));
        std::string best;
        double top = -1;
        for (const auto& [label, p] : probabilities.items()) {
            if (p.is_number() && p.get<double>() > top) {
                top = p.get<double>();
                best = label;
            }
        }
        if (top >= 0) {
            insert.bind(1, scan.columnInt(0)).bind(2, best).bind(3, top).run();
        }
    }
    transaction.commit();
}

std::vector<std::int64_t> SignalEngine::select(const std::string& expression)
{
    auto statement = compile(expression, "key");
    refresh(expression);
    std::vector<std::int64_t> keys;
    try {
        while (statement.step()) {
            keys.push_back(statement.columnInt(0));
        }
    } catch (const StoreError& error) {
        // Errors at run time (a bad regular expression, a type error in a function) are the
        // expression's fault, not the store's.
        throw InputError("signal '" + expression + "' failed: " + error.what());
    }
    return keys;
}

std::vector<std::string> SignalEngine::selectIds(const std::string& expression, std::size_t limit)
{
    auto statement = compile(expression, "id");
    refresh(expression);
    std::vector<std::string> ids;
    try {
        while ((limit == 0 || ids.size() < limit) && statement.step()) {
            ids.push_back(statement.columnText(0));
        }
    } catch (const StoreError& error) {
        throw InputError("signal '" + expression + "' failed: " + error.what());
    }
    return ids;
}

std::optional<std::string> expressionFrom(Project& project, const std::string& where, const std::string& signalName)
{
    if (!where.empty() && !signalName.empty()) {
        throw SettingError("expression", "give either an expression or a named signal, not both");
    }
    if (!where.empty()) {
        return where;
    }
    if (signalName.empty()) {
        return std::nullopt;
    }
    auto signal = project.signals().get(signalName);
    if (!signal) {
        std::string names;
        for (const auto& known : project.signals().list()) {
            names += (names.empty() ? "" : ", ") + known.name;
        }
        throw InputError("no signal named '" + signalName + "' (the project has: " + (names.empty() ? "none" : names) +
                         ")");
    }
    return signal->expression;
}

} // namespace concord::signals
