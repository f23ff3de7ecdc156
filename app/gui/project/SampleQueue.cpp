// See SampleQueue.hpp. Reads through Project (what is done) and SampleTable; no SQL here.
#include "app/gui/project/SampleQueue.hpp"

#include "core/store/Project.hpp"

#include <algorithm>

namespace concord::gui {

void SampleQueue::setOrder(QueueOrder order)
{
    m_order = order;
    if (order != QueueOrder::Given) {
        m_given.clear();
        m_positionOf.clear();
    }
}

void SampleQueue::setGiven(std::vector<std::int64_t> keys)
{
    m_order = QueueOrder::Given;
    m_given = std::move(keys);
    m_positionOf.clear();
    for (std::size_t i = 0; i < m_given.size(); ++i) {
        m_positionOf.emplace(m_given[i], i);
    }
}

void SampleQueue::setFilter(std::optional<std::vector<std::int64_t>> keys)
{
    m_filter = std::move(keys);
}

bool SampleQueue::passes(std::int64_t key) const
{
    return !m_filter || std::binary_search(m_filter->begin(), m_filter->end(), key);
}

std::optional<std::int64_t> SampleQueue::first(Project& project, const std::string& annotator) const
{
    // Keys start at 1: "after 0" is from the start (for a given queue, from its head).
    return m_order == QueueOrder::Given ? nextGiven(project, annotator, 0) : after(project, annotator, 0);
}

std::optional<std::int64_t> SampleQueue::after(Project& project, const std::string& annotator, std::int64_t key) const
{
    switch (m_order) {
    case QueueOrder::Given: {
        const auto position = m_positionOf.find(key);
        return nextGiven(project, annotator, position == m_positionOf.end() ? 0 : position->second + 1);
    }
    case QueueOrder::InOrder:
        return nextInFilter(project, annotator, key, false);
    case QueueOrder::UnlabeledFirst:
        if (!m_filter) {
            if (auto next = project.nextToDo(annotator, key)) {
                return next;
            }
            return nextInFilter(project, annotator, key, false); // all after it labeled: the next one
        }
        return nextInFilter(project, annotator, key, true);
    }
    return std::nullopt;
}

std::optional<std::int64_t> SampleQueue::nextInFilter(Project& project, const std::string& annotator, std::int64_t key,
                                                      bool unlabeledOnly) const
{
    if (!m_filter) {
        const auto page = project.samples().pageAfter(key, 1);
        return page.empty() ? std::nullopt : std::optional<std::int64_t>(page.front().key);
    }
    auto it = std::upper_bound(m_filter->begin(), m_filter->end(), key);
    if (it == m_filter->end()) {
        return std::nullopt;
    }
    if (!unlabeledOnly) {
        return *it;
    }
    // The first unlabeled one in the filter, else simply the next. A bounded look-ahead: past
    // it, a mostly labeled filter of a million samples would cost a query per sample on every
    // key press.
    constexpr int lookAhead = 2000;
    const std::int64_t following = *it;
    for (int looked = 0; it != m_filter->end() && looked < lookAhead; ++it, ++looked) {
        if (!project.isDone(*it, annotator)) {
            return *it;
        }
    }
    return following;
}

std::optional<std::int64_t> SampleQueue::nextGiven(Project& project, const std::string& annotator,
                                                   std::size_t from) const
{
    for (std::size_t i = from; i < m_given.size(); ++i) {
        if (passes(m_given[i]) && !project.isDone(m_given[i], annotator)) {
            return m_given[i];
        }
    }
    return std::nullopt;
}

} // namespace concord::gui
