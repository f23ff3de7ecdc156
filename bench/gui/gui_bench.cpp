// bench/gui: the real MainWindow (QT_QPA_PLATFORM=offscreen) on a large project.
//
//   gui_bench create PROJECT DATA.jsonl
//       not timed: a new single-label project (positive, negative, neutral) with the JSONL's
//       samples, imported by the core's Importer in one transaction (what concord-cli import does).
//   gui_bench seed PROJECT ANNOTATOR N [EVERY]
//       not timed: gives ANNOTATOR a label on every EVERY-th sample (default 1) among the first N,
//       in one transaction, through the core's AnnotationTable (other annotators' work, or the
//       annotator's own when resuming).
//   gui_bench run PROJECT ANNOTATOR [LABELS=1000]
//       times, in one process: from process start (BENCH_T0_NS, CLOCK_REALTIME nanoseconds taken
//       by the script just before exec; else main()'s entry) and from MainWindow construction to
//       the first sample painted on the annotate view; then LABELS label-and-advance cycles:
//       QTest::keyClick of the first label's key on the focused widget, until the next sample is
//       displayed and the sample text's viewport has painted it. Prints one line per figure
//       (key=value), including the peak resident memory (getrusage ru_maxrss).
//   gui_bench overview PROJECT
//       times the samples table's rows (store::computeSampleOverview, what the Samples screen's
//       worker computes) and prints the peak resident memory.
#include "app/gui/MainWindow.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/widgets/SampleTextView.hpp"
#include "bench/gui/BenchSupport.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"
#include "core/store/SampleOverview.hpp"
#include "core/store/Sqlite.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

using bench::Clock;
using bench::msSince;
using bench::peakRssKb;
using bench::percentile;
using bench::spinUntil;

std::int64_t realtimeNs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
        }
        return QObject::eventFilter(watched, event);
    }
};

int create(const std::string& path, const std::string& data)
{
    concord::ProjectSettings settings;
    settings.name = "GUI bench";
    auto project = concord::Project::create(
        path, settings,
        concord::LabelSchema::fromNames(concord::TaskKind::Single, {"positive", "negative", "neutral"}));
    std::ifstream input(data, std::ios::binary);
    if (!input) {
        std::fprintf(stderr, "gui_bench: cannot read %s\n", data.c_str());
        return 1;
    }
    auto reader = concord::io::makeReader(concord::io::Format::Jsonl, input);
    concord::io::ImportOptions options;
    options.sourceName = data;
    const auto report = concord::io::Importer(*project, options).run(*reader);
    if (!report.committed) {
        std::fprintf(stderr, "gui_bench: the import of %s failed\n", data.c_str());
        return 1;
    }
    std::printf("created %s with %lld samples\n", path.c_str(), static_cast<long long>(project->samples().count()));
    return 0;
}

int seed(const std::string& path, const std::string& annotator, std::int64_t n, std::int64_t every)
{
    auto project = concord::Project::open(path);
    const std::string value = R"({"labels":[")" + project->schema().labels.front().name + R"("]})";
    concord::sqlite::Transaction transaction(project->database());
    std::int64_t done = 0;
    std::int64_t after = 0;
    std::int64_t index = 0;
    while (index < n) {
        const auto page = project->samples().pageAfter(after, 10000);
        if (page.empty()) {
            break;
        }
        for (const auto& sample : page) {
            if (index >= n) {
                break;
            }
            if (index % every == 0) {
                project->annotations().put(sample.key, annotator, value, project->now());
                ++done;
            }
            ++index;
            after = sample.key;
        }
    }
    transaction.commit();
    std::printf("seeded %lld labels for %s\n", static_cast<long long>(done), annotator.c_str());
    return 0;
}

int overview(const std::string& path)
{
    const auto start = Clock::now();
    auto project = concord::Project::open(path);
    const auto rows = concord::store::computeSampleOverview(*project);
    std::printf("overview_rows=%zu\n", rows.rows.size());
    std::printf("overview_ms=%.1f\n", msSince(start));
    std::printf("peak_rss_kb=%ld\n", peakRssKb());
    return 0;
}

int run(int argc, char** argv, const std::string& path, const QString& annotator, int labels,
        Clock::time_point mainEntry, std::int64_t t0Ns)
{
    QApplication app(argc, argv);
    const double appReadyMs = msSince(mainEntry);

    const auto constructed = Clock::now();
    concord::gui::MainWindow window(annotator);
    if (!window.openProject(QString::fromStdString(path))) {
        std::fprintf(stderr, "gui_bench: could not open %s: %s\n", path.c_str(), qPrintable(window.errorText()));
        return 1;
    }
    concord::gui::AnnotateView* view = window.annotateView();
    PaintCounter counter;
    view->textView()->viewport()->installEventFilter(&counter);
    window.show();
    window.activateWindow();
    const bool painted = spinUntil([&] { return counter.paints > 0 && !view->displayedId().isEmpty(); });
    const double firstFromWindowMs = msSince(constructed);
    const double firstFromMainMs = msSince(mainEntry);
    const double firstFromExecMs = t0Ns > 0 ? static_cast<double>(realtimeNs() - t0Ns) / 1e6 : firstFromMainMs;
    if (!painted) {
        std::fprintf(stderr, "gui_bench: no sample was painted within 30 s\n");
        return 1;
    }
    const long rssAfterOpen = peakRssKb();
    if (!QTest::qWaitForWindowActive(&window)) {
        std::fprintf(stderr, "gui_bench: the window did not become active\n");
        return 1;
    }
    std::printf("first_sample_id=%s\n", qPrintable(view->displayedId()));
    std::printf("first_sample_ms_from_exec=%.1f\n", firstFromExecMs);
    std::printf("first_sample_ms_from_main=%.1f\n", firstFromMainMs);
    std::printf("first_sample_ms_from_window=%.1f\n", firstFromWindowMs);
    std::printf("qapplication_ms=%.1f\n", appReadyMs);
    std::printf("peak_rss_kb_after_open=%ld\n", rssAfterOpen);
    std::fflush(stdout);

    const std::string keyName = window.session()->project().schema().labels.front().key;
    const QKeySequence sequence(QString::fromStdString(keyName));
    const auto key = static_cast<Qt::Key>(sequence[0].key());
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(labels));
    const std::int64_t labeledBefore = window.session()->labeledCount();
    for (int i = 0; i < labels; ++i) {
        const QString before = view->displayedId();
        const int paintsBefore = counter.paints;
        const auto start = Clock::now();
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClick(target, key);
        const bool advanced =
            spinUntil([&] { return view->displayedId() != before && counter.paints > paintsBefore; }, 10000);
        times.push_back(msSince(start));
        if (!advanced) {
            std::fprintf(stderr, "gui_bench: label %d did not advance from %s: %s\n", i + 1, qPrintable(before),
                         qPrintable(window.errorText()));
            return 1;
        }
    }
    const std::int64_t labeledAfter = window.session()->labeledCount();
    double sum = 0;
    for (double t : times) {
        sum += t;
    }
    std::printf("labels=%d\n", labels);
    std::printf("labeled_count_before=%lld\n", static_cast<long long>(labeledBefore));
    std::printf("labeled_count_after=%lld\n", static_cast<long long>(labeledAfter));
    std::printf("last_sample_id=%s\n", qPrintable(view->displayedId()));
    std::printf("label_advance_ms_median=%.3f\n", percentile(times, 50));
    std::printf("label_advance_ms_p99=%.3f\n", percentile(times, 99));
    std::printf("label_advance_ms_max=%.3f\n", percentile(times, 100));
    std::printf("label_advance_ms_mean=%.3f\n", sum / static_cast<double>(times.size()));
    // Which press was slowest (1-based): the first one, a page fetch, or a WAL checkpoint.
    const auto slowest = std::max_element(times.begin(), times.end()) - times.begin();
    std::printf("label_advance_slowest_press=%ld\n", static_cast<long>(slowest + 1));
    std::printf("progress_text=%s\n", qPrintable(window.progressText()));
    std::printf("peak_rss_kb=%ld\n", peakRssKb());
    return labeledAfter == labeledBefore + labels ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    const auto mainEntry = Clock::now();
    const char* t0 = std::getenv("BENCH_T0_NS");
    const std::int64_t t0Ns = t0 ? std::atoll(t0) : 0;
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "create" && argc >= 4) {
            return create(argv[2], argv[3]);
        }
        if (mode == "seed" && argc >= 5) {
            return seed(argv[2], argv[3], std::atoll(argv[4]), argc > 5 ? std::max(1LL, std::atoll(argv[5])) : 1);
        }
        if (mode == "overview" && argc >= 3) {
            return overview(argv[2]);
        }
        if (mode == "run" && argc >= 4) {
            const int labels = argc > 4 ? std::atoi(argv[4]) : 1000;
            // QApplication sees only the program name: the rest are ours.
            int qtArgc = 1;
            return run(qtArgc, argv, argv[2], QString::fromLocal8Bit(argv[3]), labels, mainEntry, t0Ns);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "gui_bench: %s\n", error.what());
        return 1;
    }
    std::fprintf(stderr, "usage: gui_bench create PROJECT DATA.jsonl | seed PROJECT ANNOTATOR N [EVERY] | "
                         "run PROJECT ANNOTATOR [LABELS] | overview PROJECT\n");
    return 2;
}
