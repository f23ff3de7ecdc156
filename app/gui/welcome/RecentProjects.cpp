// QSettings storage of the recent projects list; see RecentProjects.hpp.
#include "app/gui/welcome/RecentProjects.hpp"

#include <QFileInfo>
#include <QSettings>

namespace concord::gui {

namespace {

const QString key = QStringLiteral("recentProjects");

QString normalized(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QStringList RecentProjects::list()
{
    return QSettings().value(key).toStringList();
}

void RecentProjects::add(const QString& path)
{
    const QString absolute = normalized(path);
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > maxCount) {
        paths.removeLast();
    }
    QSettings().setValue(key, paths);
}

void RecentProjects::remove(const QString& path)
{
    QStringList paths = list();
    paths.removeAll(normalized(path));
    QSettings().setValue(key, paths);
}

void RecentProjects::clear()
{
    QSettings().remove(key);
}

} // namespace concord::gui
