// Which sample an annotator gets next: the queue order she picked (unlabeled first, in order,
// or a given queue: the server's assignment or the model's ranking), narrowed by the samples
// list's filter (a signal or a search).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace concord {
class Project;
}

namespace concord::gui {

enum class QueueOrder
{
    UnlabeledFirst, // her next sample not done (unlabeled, or a draft) in key order
    InOrder,        // every sample in key order, labeled or not
    Given           // the keys of setGiven(), in their order, skipping what she is done with
};

class SampleQueue
{
public:
    QueueOrder order() const { return m_order; }
    // UnlabeledFirst or InOrder; Given comes with its keys through setGiven().
    void setOrder(QueueOrder order);
    // Follows `keys` (ranked or assigned: any order) from now on.
    void setGiven(std::vector<std::int64_t> keys);
    std::size_t givenCount() const { return m_given.size(); }
    // Only these keys (ascending); nullopt: every sample.
    void setFilter(std::optional<std::vector<std::int64_t>> keys);
    bool filtered() const { return m_filter.has_value(); }

    // The sample to open first; nullopt when the order has none (a given queue all labeled).
    std::optional<std::int64_t> first(Project& project, const std::string& annotator) const;
    // The sample after `key`; nullopt at the end.
    std::optional<std::int64_t> after(Project& project, const std::string& annotator, std::int64_t key) const;

private:
    bool passes(std::int64_t key) const;
    std::optional<std::int64_t> nextInFilter(Project& project, const std::string& annotator, std::int64_t key,
                                             bool unlabeledOnly) const;
    std::optional<std::int64_t> nextGiven(Project& project, const std::string& annotator, std::size_t from) const;

    QueueOrder m_order = QueueOrder::UnlabeledFirst;
    std::vector<std::int64_t> m_given;
    std::unordered_map<std::int64_t, std::size_t> m_positionOf; // key -> index in m_given
    std::optional<std::vector<std::int64_t>> m_filter;
};

} // namespace concord::gui
