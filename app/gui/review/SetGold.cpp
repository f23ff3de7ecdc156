#include "app/gui/review/SetGold.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

namespace concord::gui {

std::optional<QString> setGold(Project& project, const std::string& recordId, const std::string& reviewer,
                               const nlohmann::json& value, const std::string& note, const std::string& question)
{
    const QString id = QString::fromStdString(recordId);
    try {
        project.resolve(recordId, reviewer, value, note, question);
        return std::nullopt;
    } catch (const InputError& error) {
        return QStringLiteral("The gold value of '%1' was not set: %2").arg(id, QString::fromUtf8(error.what()));
    } catch (const StoreError& error) {
        return QStringLiteral("The gold value of '%1' was not set: the project file failed: %2")
            .arg(id, QString::fromUtf8(error.what()));
    }
}

} // namespace concord::gui
