// bench/gui, feedback data: the real MainWindow (QT_QPA_PLATFORM=offscreen) on a large
// preference project and on a long chat.
//
//   feedback_bench create PROJECT N
//       not timed: a preference project (the `preference` template) of N records written directly
//       (one transaction, no import): a prompt and two markdown responses of about 2 KB each
//       (headings, lists, a code block, a table), varied per record by a seeded generator.
//   feedback_bench run PROJECT ANNOTATOR [RECORDS=500]
//       times, in one process: MainWindow construction to the first record's fields painted; then
//       RECORDS cycles of "1" (the response shown first is better) and Ctrl+Enter (submit), each
//       timed from the Ctrl+Enter to the next record shown and its three text views painted. Peer
//       in the same process: two bare QTextBrowsers given the same record's markdown and painted
//       (Qt's own floor for the screen). Prints key=value lines, with the peak resident memory.
//   feedback_bench chat PROJECT
//       not timed: a one-record project whose field is a 20-turn chat of about 40 KB; then timed:
//       the record's first paint from MainWindow construction, and each frame of scrolling it
//       from top to bottom (three lines per step, a wheel notch), to the viewport painted. Peer:
//       a bare QTextBrowser with the same text, plain, painted and scrolled the same way.
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/feedback/FeedbackView.hpp"
#include "bench/gui/BenchSupport.hpp"
#include "core/feedback/RecordContent.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "core/store/Sqlite.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using bench::Clock;
using bench::msSince;
using bench::peakRssKb;
using bench::percentile;
using bench::spinUntil;

// Remembers which widgets were painted since reset(): the viewports of the text views.
class PaintWatch : public QObject
{
public:
    std::set<const QObject*> painted;
    void reset() { painted.clear(); }
    // Every visible text view of `root` has painted its viewport since reset().
    bool allPainted(const QWidget& root) const
    {
        int views = 0;
        for (const QTextBrowser* browser : root.findChildren<QTextBrowser*>()) {
            if (browser->isVisible()) {
                ++views;
                if (painted.count(browser->viewport()) == 0) {
                    return false;
                }
            }
        }
        return views > 0;
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            painted.insert(watched);
        }
        return QObject::eventFilter(watched, event);
    }
};

void press(QWidget& window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(target, key, modifiers);
}

// About 2 KB of markdown, different for every (record, side).
std::string markdownResponse(std::mt19937_64& random, int record, char side)
{
    static const char* const words[] = {"the",    "model",  "answers", "with", "care",  "and",
                                        "a",      "short",  "example", "that", "shows", "how",
                                        "values", "change", "over",    "time", "in",    "practice"};
    const auto sentence = [&] {
        std::string text;
        const int n = 8 + static_cast<int>(random() % 8);
        for (int i = 0; i < n; ++i) {
            text += (i ? " " : "") + std::string(words[random() % std::size(words)]);
        }
        return text + ".";
    };
    std::string text = "## Answer " + std::to_string(record) + side + "\n\n";
    while (text.size() < 1200) {
        text += sentence() + " ";
    }
    text += "\n\n- " + sentence() + "\n- " + sentence() + "\n- " + sentence() + "\n\n";
    text += "```python\ndef step(x):\n    return x * " + std::to_string(random() % 97) + " + 1\n```\n\n";
    text += "| input | output |\n|---|---|\n| 1 | " + std::to_string(random() % 100) + " |\n| 2 | " +
            std::to_string(random() % 100) + " |\n\n";
    while (text.size() < 2048) {
        text += sentence() + " ";
    }
    return text;
}

int create(const std::string& path, int n)
{
    concord::ProjectSettings settings;
    settings.name = "Feedback GUI bench";
    auto project = concord::Project::create(path, settings,
                                            concord::RecordSchema::fromJson(concord::templateSchema("preference")));
    std::mt19937_64 random(15);
    concord::sqlite::Transaction transaction(project->database());
    for (int i = 1; i <= n; ++i) {
        concord::RecordContent record;
        const std::string prompt = "Prompt " + std::to_string(i) + ": explain step functions with an example.";
        record.fields = {{"prompt", prompt},
                         {"response_a", markdownResponse(random, i, 'a')},
                         {"response_b", markdownResponse(random, i, 'b')}};
        char id[16];
        std::snprintf(id, sizeof id, "r%07d", i);
        project->samples().insert(id, prompt, "{}", concord::encodeRecord(record));
    }
    transaction.commit();
    std::printf("created %s with %d records\n", path.c_str(), n);
    return 0;
}

// The same two responses in bare QTextBrowsers, painted: what Qt alone needs per record.
double peerRecordMs(QWidget& host, const std::string& a, const std::string& b, PaintWatch& watch)
{
    const auto start = Clock::now();
    std::vector<QTextBrowser*> views;
    for (const std::string* text : {&a, &b}) {
        auto* view = new QTextBrowser(&host);
        view->viewport()->installEventFilter(&watch);
        view->setMarkdown(QString::fromStdString(*text));
        view->setGeometry(views.empty() ? 0 : 620, 0, 600, 500);
        view->show();
        views.push_back(view);
    }
    watch.reset();
    spinUntil([&] { return watch.allPainted(host); });
    const double ms = msSince(start);
    qDeleteAll(views);
    return ms;
}

int run(int argc, char** argv, const std::string& path, const QString& annotator, int records)
{
    QApplication app(argc, argv);
    PaintWatch watch;
    app.installEventFilter(&watch);
    const auto constructed = Clock::now();
    concord::gui::MainWindow window(annotator);
    if (!window.openProject(QString::fromStdString(path))) {
        std::fprintf(stderr, "feedback_bench: could not open %s: %s\n", path.c_str(), qPrintable(window.errorText()));
        return 1;
    }
    concord::gui::FeedbackView* view = window.annotateScreen()->feedbackView();
    window.show();
    window.activateWindow();
    if (!spinUntil([&] { return !view->displayedId().isEmpty() && watch.allPainted(*view); }) ||
        !QTest::qWaitForWindowActive(&window)) {
        std::fprintf(stderr, "feedback_bench: the first record was not painted\n");
        return 1;
    }
    std::printf("first_record_ms_from_window=%.1f\n", msSince(constructed));
    std::printf("peak_rss_kb_after_open=%ld\n", peakRssKb());
    std::fflush(stdout);

    std::vector<double> times;
    std::vector<double> shownAt; // from the Ctrl+Enter to the next record's id on the view
    for (int i = 0; i < records; ++i) {
        const QString before = view->displayedId();
        press(window, Qt::Key_1);
        watch.reset();
        const auto start = Clock::now();
        press(window, Qt::Key_Return, Qt::ControlModifier);
        const bool shown = spinUntil(
            [&] {
                if (view->displayedId() != before && shownAt.size() < times.size() + 1) {
                    shownAt.push_back(msSince(start));
                }
                return view->displayedId() != before && watch.allPainted(*view);
            },
            10000);
        times.push_back(msSince(start));
        if (!shown) {
            std::fprintf(stderr, "feedback_bench: record %d did not advance from %s: %s\n", i + 1, qPrintable(before),
                         qPrintable(window.errorText()));
            return 1;
        }
    }
    std::printf("records=%d\n", records);
    std::printf("next_record_ms_median=%.3f\n", percentile(times, 50));
    std::printf("next_record_ms_p99=%.3f\n", percentile(times, 99));
    std::printf("next_record_ms_max=%.3f\n", percentile(times, 100));
    std::printf("next_record_id_shown_ms_median=%.3f\n", percentile(shownAt, 50));
    std::printf("next_record_id_shown_ms_p99=%.3f\n", percentile(shownAt, 99));

    // The peer, on the records' own texts, in a window of its own.
    auto project = concord::Project::open(path);
    QWidget host;
    host.resize(1240, 520);
    host.show();
    std::vector<double> peer;
    for (int i = 1; i <= std::min(records, 200); ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "r%07d", i);
        const auto record = project->recordOf(*project->samples().findByKey(*project->samples().keyOf(id)));
        peer.push_back(peerRecordMs(host, record.fields.at("response_a").get<std::string>(),
                                    record.fields.at("response_b").get<std::string>(), watch));
    }
    std::printf("peer_two_browsers_ms_median=%.3f\n", percentile(peer, 50));
    std::printf("peer_two_browsers_ms_p99=%.3f\n", percentile(peer, 99));
    std::printf("peak_rss_kb=%ld\n", peakRssKb());
    return 0;
}

// A 20-turn chat of about 40 KB, varied text.
nlohmann::json longChat()
{
    std::mt19937_64 random(20);
    nlohmann::json chat = nlohmann::json::array();
    chat.push_back({{"role", "system"}, {"content", "You are a careful assistant."}});
    for (int turn = 0; turn < 20; ++turn) {
        std::string content;
        while (content.size() < 2000) {
            content += "Line " + std::to_string(random() % 1000) + " of turn " + std::to_string(turn) +
                       ": the answer explains one more step in plain words.\n";
        }
        chat.push_back({{"role", turn % 2 ? "assistant" : "user"}, {"content", content}});
    }
    return chat;
}

// Scrolls `browser` from top to bottom, three lines a step; the time of each step to its paint.
std::vector<double> scrollFrames(QTextBrowser* browser, PaintWatch& watch)
{
    std::vector<double> frames;
    QScrollBar* bar = browser->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    while (bar->value() < bar->maximum()) {
        watch.reset();
        const auto start = Clock::now();
        bar->setValue(bar->value() + 3 * bar->singleStep());
        spinUntil([&] { return watch.painted.count(browser->viewport()) > 0; }, 5000);
        frames.push_back(msSince(start));
    }
    return frames;
}

int chat(int argc, char** argv, const std::string& path)
{
    const nlohmann::json conversation = longChat();
    {
        concord::ProjectSettings settings;
        settings.name = "Long chat";
        const auto schema = nlohmann::json::parse(R"({"fields": [{"name": "conversation", "kind": "chat"}],
            "questions": [{"name": "helpful", "kind": "rating", "rating": {"min": 1, "max": 7}}]})");
        auto project = concord::Project::create(path, settings, concord::RecordSchema::fromJson(schema));
        concord::RecordContent record;
        record.fields = {{"conversation", conversation}};
        project->samples().insert("chat", "chat", "{}", concord::encodeRecord(record));
    }
    std::printf("chat_bytes=%zu\n", conversation.dump().size());
    QApplication app(argc, argv);
    PaintWatch watch;
    app.installEventFilter(&watch);
    const auto constructed = Clock::now();
    concord::gui::MainWindow window(QStringLiteral("bench"));
    if (!window.openProject(QString::fromStdString(path))) {
        std::fprintf(stderr, "feedback_bench: could not open %s\n", path.c_str());
        return 1;
    }
    concord::gui::FeedbackView* view = window.annotateScreen()->feedbackView();
    window.show();
    if (!spinUntil([&] { return view->displayedId() == QStringLiteral("chat") && watch.allPainted(*view); })) {
        std::fprintf(stderr, "feedback_bench: the chat was not painted\n");
        return 1;
    }
    std::printf("chat_first_paint_ms_from_window=%.1f\n", msSince(constructed));
    QTextBrowser* shown = nullptr;
    for (QTextBrowser* browser : view->findChildren<QTextBrowser*>()) {
        if (browser->isVisible() &&
            (!shown || browser->document()->characterCount() > shown->document()->characterCount())) {
            shown = browser;
        }
    }
    const auto frames = scrollFrames(shown, watch);
    std::printf("chat_view_height_px=%d\n", shown->viewport()->height());
    std::printf("scroll_frames=%zu\n", frames.size());
    std::printf("scroll_frame_ms_median=%.3f\n", percentile(frames, 50));
    std::printf("scroll_frame_ms_p99=%.3f\n", percentile(frames, 99));
    std::printf("scroll_frame_ms_max=%.3f\n", percentile(frames, 100));

    // The peer: the chat's text, plain, in a bare QTextBrowser of the same size.
    QString plain;
    for (const auto& message : conversation) {
        plain += QString::fromStdString(message["role"].get<std::string>() + "\n" +
                                        message["content"].get<std::string>() + "\n");
    }
    QTextBrowser peer;
    peer.viewport()->installEventFilter(&watch);
    peer.resize(shown->size());
    watch.reset();
    const auto peerStart = Clock::now();
    peer.setPlainText(plain);
    peer.show();
    spinUntil([&] { return watch.painted.count(peer.viewport()) > 0; });
    std::printf("peer_first_paint_ms=%.1f\n", msSince(peerStart));
    const auto peerFrames = scrollFrames(&peer, watch);
    std::printf("peer_scroll_frame_ms_median=%.3f\n", percentile(peerFrames, 50));
    std::printf("peer_scroll_frame_ms_p99=%.3f\n", percentile(peerFrames, 99));
    std::printf("peak_rss_kb=%ld\n", peakRssKb());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    int qtArgc = 1; // QApplication sees only the program name
    try {
        if (mode == "create" && argc >= 4) {
            return create(argv[2], std::atoi(argv[3]));
        }
        if (mode == "run" && argc >= 4) {
            return run(qtArgc, argv, argv[2], QString::fromLocal8Bit(argv[3]), argc > 4 ? std::atoi(argv[4]) : 500);
        }
        if (mode == "chat" && argc >= 3) {
            return chat(qtArgc, argv, argv[2]);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "feedback_bench: %s\n", error.what());
        return 1;
    }
    std::fprintf(stderr, "usage: feedback_bench create PROJECT N | run PROJECT ANNOTATOR [RECORDS] | chat PROJECT\n");
    return 2;
}
