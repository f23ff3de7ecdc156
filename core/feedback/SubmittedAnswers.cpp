#include "core/feedback/SubmittedAnswers.hpp"

#include "core/store/Project.hpp"
#include "core/store/ReadAside.hpp"
#include "core/util/StringInterner.hpp"

#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace concord {

namespace submitted_answers {

// Below this many record keys one connection reads every answer: a thread and a second
// connection cost more than they save.
constexpr std::uint64_t kSplitFromKeys = 4096;

// The submitted answers to `question` of the records keyed from `first` to `last`, in order.
void scan(sqlite::Database& db, const std::string& question, std::int64_t first, std::int64_t last,
          const std::function<void(const SubmittedAnswer&)>& visit)
{
    // Drafts and discards are few; a join would seek the responses table once per answer, which
    // took five times as long as this scan on a million answers.
    std::set<std::pair<std::int64_t, std::string>> notSubmitted;
    auto statuses = db.prepare("SELECT sample, annotator FROM responses WHERE status <> 'submitted'");
    while (statuses.step()) {
        notSubmitted.emplace(statuses.columnInt(0), std::string(statuses.columnView(1)));
    }
    // `+question`: a scan in primary-key order (record, annotator) instead of the index on the
    // question, which costs a seek into the table for every row.
    auto answers = db.prepare("SELECT sample, annotator, value, context FROM answers WHERE +question = ?1 AND "
                              "sample BETWEEN ?2 AND ?3 ORDER BY sample, annotator");
    answers.bind(1, question).bind(2, first).bind(3, last);
    std::pair<std::int64_t, std::string> key;
    while (answers.step()) {
        SubmittedAnswer answer;
        answer.sample = answers.columnInt(0);
        answer.annotator = answers.columnView(1);
        if (!notSubmitted.empty()) {
            key.first = answer.sample;
            key.second.assign(answer.annotator);
            if (notSubmitted.count(key) > 0) {
                continue;
            }
        }
        answer.value = answers.columnView(2);
        answer.context = answers.columnView(3);
        visit(answer);
    }
}

// Answers read aside, kept until their turn: each distinct string once (a million votes hold
// a handful of annotators, values and contexts).
struct KeptAnswers
{
    struct Row
    {
        std::int64_t sample;
        std::uint32_t annotator, value, context;
    };
    std::vector<Row> rows;
    StringInterner annotators, values, contexts;

    void keep(const SubmittedAnswer& answer)
    {
        rows.push_back({answer.sample, annotators.intern(answer.annotator).first, values.intern(answer.value).first,
                        contexts.intern(answer.context).first});
    }
    void replay(const std::function<void(const SubmittedAnswer&)>& visit) const
    {
        for (const Row& row : rows) {
            visit({row.sample, annotators.names()[row.annotator], values.names()[row.value],
                   contexts.names()[row.context]});
        }
    }
};

} // namespace submitted_answers

void forEachSubmittedAnswer(Project& project, const std::string& question,
                            const std::function<void(const SubmittedAnswer&)>& visit)
{
    using namespace submitted_answers;
    constexpr std::int64_t kFirst = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kLast = std::numeric_limits<std::int64_t>::max();
    // Two subqueries: each is one seek to an end of the key, where min() and max() together
    // would scan the table.
    auto range =
        project.database().prepare("SELECT (SELECT min(sample) FROM answers), (SELECT max(sample) FROM answers)");
    range.step();
    const std::int64_t low = range.columnInt(0), high = range.columnInt(1);
    range.reset();
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (high < low || span < kSplitFromKeys || !store::canReadAside(project)) {
        scan(project.database(), question, kFirst, kLast, visit);
        return;
    }
    // The later half of the records on another connection and core, the earlier half here.
    const auto middle = static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + span / 2);
    auto later = store::readAside(project, [question, middle](sqlite::Database& db) {
        KeptAnswers kept;
        scan(db, question, middle + 1, kLast, [&kept](const SubmittedAnswer& answer) { kept.keep(answer); });
        return kept;
    });
    scan(project.database(), question, kFirst, middle, visit);
    later.get().replay(visit);
}

} // namespace concord
