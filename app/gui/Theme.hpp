// The application's look: Fusion with a calm light palette and one style sheet, so that the
// app looks the same on every desktop.
#pragma once

class QApplication;

namespace concord::gui {

void applyTheme(QApplication& app);

} // namespace concord::gui
