#include "core/store/SignalTable.hpp"

namespace concord::store {

void SignalTable::put(std::string_view name, std::string_view expression, std::int64_t now)
{
    auto& statement = m_db.cached("INSERT INTO signals(name, expression, created_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT(name) DO UPDATE SET expression = excluded.expression");
    statement.bind(1, name).bind(2, expression).bind(3, now).run();
}

bool SignalTable::remove(std::string_view name)
{
    auto& statement = m_db.cached("DELETE FROM signals WHERE name = ?");
    statement.bind(1, name).run();
    return m_db.changes() > 0;
}

std::optional<Signal> SignalTable::get(std::string_view name)
{
    auto& statement = m_db.cached("SELECT name, expression FROM signals WHERE name = ?");
    statement.bind(1, name);
    if (!statement.step()) {
        return std::nullopt;
    }
    return Signal{statement.columnText(0), statement.columnText(1)};
}

std::vector<Signal> SignalTable::list()
{
    auto& statement = m_db.cached("SELECT name, expression FROM signals ORDER BY name");
    std::vector<Signal> signals;
    while (statement.step()) {
        signals.push_back(Signal{statement.columnText(0), statement.columnText(1)});
    }
    return signals;
}

} // namespace concord::store
