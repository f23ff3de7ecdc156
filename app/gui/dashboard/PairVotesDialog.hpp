// The votes behind one cell of the win-rate matrix: each record and annotator that compared the
// two models, and which one they chose. Activating a row (Enter, double-click) asks to open the
// record.
#pragma once

#include "app/gui/dashboard/RecordRowsDialog.hpp"
#include "core/quality/leaderboard/ProjectComparisons.hpp"

namespace concord::gui {

class PairVotesDialog : public RecordRowsDialog
{
    Q_OBJECT

public:
    PairVotesDialog(const QString& modelA, const QString& modelB, const quality::PairVotes& votes,
                    QWidget* parent = nullptr);
};

} // namespace concord::gui
