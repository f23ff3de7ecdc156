// The rules that leave records out of a TRL export beyond what its format needs: annotators who
// agree too little on the question, ties, and what the preference checks flag (records whose
// pair of responses teaches nothing, and the votes of position-biased or one-sided annotators).
// Each rule has a name the dataset card counts its records (or votes) under.
#pragma once

#include "core/feedback/TrlRows.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace concord {

class TrlRecordFilter
{
public:
    // Reads what the options' rules need (each record's agreement, the flagged records) once.
    TrlRecordFilter(Project& project, const Question& question, const TrlOptions& options);

    // The rule that leaves the record out, or nullptr to keep it. `resolved`: the reviewer gave
    // the record a gold value and the export reads gold values (the reviewer's word stands,
    // whatever the annotators' agreement). `tie`: the gold value, or a submitted answer, is a tie.
    const char* dropReason(std::int64_t sampleKey, bool resolved, bool tie) const;
    // Annotators whose votes are left out (those the preference checks flag): the others' votes
    // on the same records stand.
    const std::set<std::string>& distrustedAnnotators() const { return m_distrusted; }

private:
    std::optional<double> m_minAgreement;
    std::map<std::int64_t, double> m_agreement;
    bool m_withoutTies = false;
    bool m_withoutFlagged = false;
    std::set<std::int64_t> m_flagged;
    std::set<std::string> m_distrusted;
};

// A preference answer choosing neither field, or a ranking giving two fields one rank.
bool isTie(const Question& question, const nlohmann::json& value);

} // namespace concord
