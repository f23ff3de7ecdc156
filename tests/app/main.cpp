// Runs every offscreen GUI test class in one process (one QApplication), failing if any fails.
#include <QApplication>

int runAnnotateTests(int argc, char** argv);
int runAnnotateFeedbackTests(int argc, char** argv);
int runDashboardTests(int argc, char** argv);
int runDashboardPreferenceTests(int argc, char** argv);
int runQualityTests(int argc, char** argv);
int runQueueTests(int argc, char** argv);
int runReviewTests(int argc, char** argv);
int runSamplesTests(int argc, char** argv);
int runSamplesTableTests(int argc, char** argv);
int runSyncTests(int argc, char** argv);
int runWelcomeTests(int argc, char** argv);
int runExportDialogTests(int argc, char** argv);

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Keep a developer's own demo project and settings out of the tests.
    QApplication::setApplicationName(QStringLiteral("concord-gui-tests"));
    int failed = 0;
    for (const auto run : {runAnnotateTests, runAnnotateFeedbackTests, runReviewTests, runSamplesTests,
                           runDashboardTests, runDashboardPreferenceTests, runQualityTests, runWelcomeTests,
                           runExportDialogTests, runQueueTests, runSamplesTableTests, runSyncTests}) {
        failed += run(argc, argv) != 0 ? 1 : 0;
    }
    return failed;
}
