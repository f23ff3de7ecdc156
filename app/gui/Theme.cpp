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
#sampleFlag { color: #b35900; font-weight: 600; }
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
#reviewView { background: #f4f5f7; }
#sampleList, #reviewQueue { background: white; border: none; border-right: 1px solid #e1e4e8; }
#reviewQueue::item { padding: 8px 12px; border-bottom: 1px solid #eceef1; color: #1f2328; }
#reviewQueue::item:selected { background: #dfe5fb; border-left: 3px solid #3b5bdb; }
#filterBar { background: white; border-right: 1px solid #e1e4e8; border-bottom: 1px solid #eceef1; }
#guidelinesPanel { background: white; border-left: 1px solid #e1e4e8; }
#guidelinesHeader { color: #5f6670; font-weight: 600; padding: 12px 14px 8px 14px;
                    border-bottom: 1px solid #eceef1; }
#guidelinesText { background: white; color: #30363d; }
#sectionTitle { color: #5f6670; font-weight: 600; padding-top: 6px; }
#goldLabel { color: #2b3a67; }
QPushButton[candidate="true"] { background: white; border: 1px solid #e1e4e8; border-radius: 8px; text-align: left; }
QPushButton[candidate="true"]:hover { border-color: #3b5bdb; background: #f7f8ff; }
QPushButton[candidate="true"]:disabled { background: #f7f8fa; }
#candidateKey { color: white; background: #3b5bdb; border-radius: 4px; padding: 1px 7px; font-weight: 700; }
#candidateWho { color: #4a5058; padding-left: 8px; }
QLineEdit { background: white; border: 1px solid #d5d8dc; border-radius: 6px; padding: 5px 8px; }
QLineEdit:focus { border-color: #3b5bdb; }
#screenStrip { background: white; border-bottom: 1px solid #e1e4e8; }
QTabBar::tab { background: white; color: #5f6670; padding: 8px 18px; border: none;
               border-bottom: 2px solid transparent; }
QTabBar::tab:selected { color: #1f2328; border-bottom: 2px solid #3b5bdb; font-weight: 600; }
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
