#include "pgstore/StoreAddress.hpp"

#include "core/util/Error.hpp"
#include "pgstore/Schema.hpp"

#include <libpq-fe.h>

#include <memory>

namespace concord::pg {

bool looksLikeStoreAddress(const std::string& text)
{
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0 ||
           text.find('=') != std::string::npos;
}

void checkStoreAddress(const std::string& address)
{
    if (!looksLikeStoreAddress(address)) {
        throw SettingError("store", "'" + address.substr(0, 100) +
                                        "' is not a PostgreSQL address: give a postgresql://USER@HOST/DATABASE URI "
                                        "or a connection string such as 'host=HOST dbname=DATABASE'");
    }
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(address.c_str(), &error),
                                                                         PQconninfoFree);
    if (!options) {
        const std::string reason = error ? error : "out of memory";
        PQfreemem(error);
        throw SettingError("store", "the PostgreSQL address does not parse: " + reason);
    }
    for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
        if (std::string(option->keyword) == "password" && option->val != nullptr && *option->val != '\0') {
            throw SettingError("store", "the PostgreSQL address holds a password, which every user of this machine "
                                        "can read on a command line: leave it out and put it in ~/.pgpass (or the "
                                        "file PGPASSFILE names), or in PGPASSWORD");
        }
    }
}

std::unique_ptr<Connection> openStore(const std::string& address)
{
    checkStoreAddress(address);
    auto connection = std::make_unique<Connection>(address);
    migrate(*connection);
    return connection;
}

} // namespace concord::pg
