// The rules that leave records out of a TRL export beyond what its format needs: annotators who
// agree too little on the question, ties, and the records the preference checks flag. Each rule
// has a name the dataset card counts its records under.
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

private:
    std::optional<double> m_minAgreement;
    std::map<std::int64_t, double> m_agreement;
    bool m_withoutTies = false;
    bool m_withoutFlagged = false;
    std::set<std::int64_t> m_flagged;
};

// A preference answer choosing neither field, or a ranking giving two fields one rank.
bool isTie(const Question& question, const nlohmann::json& value);

} // namespace concord
