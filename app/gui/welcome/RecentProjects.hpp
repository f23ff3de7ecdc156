// The recently opened projects, most recent first, kept in QSettings so that the welcome screen
// can offer them at the next start. MainWindow adds a project each time one opens.
#pragma once

#include <QStringList>

namespace concord::gui {

class RecentProjects
{
public:
    static constexpr int maxCount = 10;

    // Absolute paths, most recent first.
    static QStringList list();
    // Moves `path` to the front (adding it when new) and keeps at most maxCount.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

} // namespace concord::gui
