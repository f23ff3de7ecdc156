// Palette and style sheet. Colours: a near-white page, white cards, one blue accent.
#include "app/gui/Theme.hpp"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace concord::gui {

namespace {

const char* const styleSheet = R"(
QMainWindow, #annotateView { background: #f4f5f7; }
#sampleCard { background: white; border: 1px solid #e1e4e8; border-radius: 14px; }
#sampleId { color: #5f6670; font-weight: 600; }
#sampleMeta, #labelHint { color: #8a9099; }
#spansNotice { color: #8a9099; font-style: italic; }
#sampleList { background: white; border: none; border-right: 1px solid #e1e4e8; }
#listHeader { background: white; color: #5f6670; font-weight: 600; padding: 12px 14px 8px 14px;
              border-right: 1px solid #e1e4e8; border-bottom: 1px solid #eceef1; }
#messageBanner { background: #fdecea; border-bottom: 1px solid #f3c4c0; }
#messageText { color: #8a1c1c; }
QStatusBar { background: white; border-top: 1px solid #e1e4e8; color: #4a5058; }
QStatusBar::item { border: none; }
QStatusBar QLabel { padding: 0 10px; }
QProgressBar { background: #eceef1; border: none; border-radius: 3px; max-height: 6px; }
QProgressBar::chunk { background: #3b5bdb; border-radius: 3px; }
QSplitter::handle { background: #e1e4e8; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar::handle:vertical { background: #c9cdd3; border-radius: 3px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: #aeb3ba; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QMenuBar { background: white; border-bottom: 1px solid #e1e4e8; }
)";

} // namespace

void applyTheme(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    palette.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    palette.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x7b));
    palette.setColor(QPalette::Highlight, QColor(0x3b, 0x5b, 0xdb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Midlight, QColor(0xec, 0xee, 0xf1));
    app.setPalette(palette);
    app.setStyleSheet(QString::fromUtf8(styleSheet));
}

} // namespace concord::gui
