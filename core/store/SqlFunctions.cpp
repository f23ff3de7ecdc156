#include "core/store/SqlFunctions.hpp"

#include "core/util/Error.hpp"

#include <sqlite3.h>

#include <regex>
#include <string>

namespace concord::store {

namespace {

void deleteRegex(void* regex)
{
    delete static_cast<std::regex*>(regex);
}

// regexp(PATTERN, TEXT): ECMAScript syntax, true when the pattern matches anywhere in the text.
// The compiled pattern is cached on the statement (sqlite3_set_auxdata), so a signal over a
// million rows compiles it once.
void regexpFunction(sqlite3_context* context, int, sqlite3_value** arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL || sqlite3_value_type(arguments[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    auto* regex = static_cast<std::regex*>(sqlite3_get_auxdata(context, 0));
    if (regex == nullptr) {
        const auto* pattern = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
        try {
            regex = new std::regex(pattern, std::regex::ECMAScript);
        } catch (const std::regex_error& error) {
            const std::string message = "invalid regular expression '" + std::string(pattern) + "': " + error.what();
            sqlite3_result_error(context, message.c_str(), -1);
            return;
        }
        sqlite3_set_auxdata(context, 0, regex, deleteRegex);
        // SQLite may have freed it at once (when it cannot keep auxiliary data); read it back.
        regex = static_cast<std::regex*>(sqlite3_get_auxdata(context, 0));
        if (regex == nullptr) {
            sqlite3_result_error(context, "regexp: out of memory", -1);
            return;
        }
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[1]));
    const int bytes = sqlite3_value_bytes(arguments[1]);
    sqlite3_result_int(context, std::regex_search(text, text + bytes, *regex) ? 1 : 0);
}

// token_count(TEXT): the number of whitespace-separated tokens, as the integrity checks and
// the classifier's tokeniser count words.
void tokenCountFunction(sqlite3_context* context, int, sqlite3_value** arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* text = reinterpret_cast<const unsigned char*>(sqlite3_value_text(arguments[0]));
    const int bytes = sqlite3_value_bytes(arguments[0]);
    std::int64_t tokens = 0;
    bool inToken = false;
    for (int i = 0; i < bytes; ++i) {
        const bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' || text[i] == '\f' ||
                           text[i] == '\v';
        tokens += (!space && !inToken) ? 1 : 0;
        inToken = !space;
    }
    sqlite3_result_int64(context, tokens);
}

void check(sqlite3* db, int rc, const char* name)
{
    if (rc != SQLITE_OK) {
        throw StoreError(std::string("cannot register SQL function ") + name + ": " + sqlite3_errmsg(db));
    }
}

} // namespace

void registerSqlFunctions(sqlite3* db)
{
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    check(db, sqlite3_create_function_v2(db, "regexp", 2, flags, nullptr, regexpFunction, nullptr, nullptr, nullptr),
          "regexp");
    check(
        db,
        sqlite3_create_function_v2(db, "token_count", 1, flags, nullptr, tokenCountFunction, nullptr, nullptr, nullptr),
        "token_count");
}

} // namespace concord::store
