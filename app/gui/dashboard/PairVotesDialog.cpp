#include "app/gui/dashboard/PairVotesDialog.hpp"

namespace concord::gui {

namespace pair_votes {

QString summaryOf(const QString& modelA, const QString& modelB, const quality::PairVotes& votes)
{
    const std::size_t total = votes.aWins + votes.bWins + votes.ties;
    QString summary = QStringLiteral("%1 won %L2, lost %L3 and tied %L4 of %L5 comparisons with %6.")
                          .arg(modelA)
                          .arg(votes.aWins)
                          .arg(votes.bWins)
                          .arg(votes.ties)
                          .arg(total)
                          .arg(modelB);
    if (votes.rows.size() < total) {
        summary += QStringLiteral(" The first %L1 are listed.").arg(votes.rows.size());
    }
    return summary;
}

std::vector<QStringList> rowsOf(const QString& modelA, const QString& modelB, const quality::PairVotes& votes)
{
    std::vector<QStringList> rows;
    rows.reserve(votes.rows.size());
    for (const auto& vote : votes.rows) {
        const QString chose = vote.outcome == quality::Outcome::AWins   ? modelA
                              : vote.outcome == quality::Outcome::BWins ? modelB
                                                                        : QStringLiteral("tie");
        rows.push_back({QString::fromStdString(vote.recordId), QString::fromStdString(vote.annotator), chose});
    }
    return rows;
}

} // namespace pair_votes

PairVotesDialog::PairVotesDialog(const QString& modelA, const QString& modelB, const quality::PairVotes& votes,
                                 QWidget* parent)
    : RecordRowsDialog(QStringLiteral("Votes: %1 against %2").arg(modelA, modelB),
                       pair_votes::summaryOf(modelA, modelB, votes),
                       {QStringLiteral("Record"), QStringLiteral("Annotator"), QStringLiteral("Chose")},
                       pair_votes::rowsOf(modelA, modelB, votes), parent)
{
    table()->setObjectName(QStringLiteral("pairVotesTable"));
}

} // namespace concord::gui
