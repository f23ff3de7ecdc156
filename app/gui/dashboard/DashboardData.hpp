// What the dashboard shows, computed by the core from a connection of its own to the project file,
// so that it can run on a worker thread while the GUI keeps its own connection. The screen only
// formats and draws these numbers.
#pragma once

#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/QuestionSummary.hpp"
#include "core/store/LabelTimeline.hpp"

#include <QString>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concord::gui {

struct DashboardData
{
    QString error; // not empty: the computation failed and this says why; the rest is empty
    // The first question asks for labels, spans or a rating (what this part of the dashboard
    // measures); false for a preference, ranking or written answer, whose numbers are elsewhere.
    bool labelQuestion = true;
    // A project of fields and questions: each question's progress and agreement, in schema order.
    std::vector<quality::QuestionSummary> questions;

    quality::DataKind kind = quality::DataKind::Labels;
    quality::AgreementReport report;
    std::vector<std::string> annotators; // names of the report's annotator indices
    std::vector<std::string> values;     // names of perValue's values (Labels, Ratings)
    std::vector<std::string> labels;     // names of perLabel's labels (Sets) and of the span labels

    // The headline coefficient: the alpha the bootstrap interval (if any) is for.
    std::string alphaTitle; // "Krippendorff's alpha, nominal"
    quality::Coefficient alpha;

    // How often each label was given, over every annotator's annotations, in schema order.
    std::vector<std::pair<std::string, std::size_t>> labelUses;

    // Each annotator's labels per day, cumulative (for the progress chart).
    std::vector<store::AnnotatorTimeline> timeline;
};

// Opens `path`, reads its ratings and builds the agreement report with `resamples` bootstrap
// resamples for the headline alpha (none for spans, which the bootstrap does not cover), and as
// many for each question's coefficient in a project of questions. Core
// errors become `error`; nothing is thrown.
DashboardData computeDashboard(const std::string& path, std::size_t resamples = 1000);

} // namespace concord::gui
