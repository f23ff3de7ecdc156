// One annotator working through one open project: which sample is current, how many the
// annotator has labeled, recording a value and moving on. Core errors become failed() signals.
#pragma once

#include "core/store/Project.hpp"

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

namespace concord::gui {

class AnnotationSession : public QObject
{
    Q_OBJECT

public:
    // Takes the open project; reads the sample count and the annotator's progress (may throw
    // StoreError). Call start() to pick the first sample.
    AnnotationSession(std::unique_ptr<Project> project, std::string annotator, QObject* parent = nullptr);
    ~AnnotationSession() override;

    Project& project() { return *m_project; }
    const std::string& annotator() const { return m_annotator; }
    QString projectName() const { return m_projectName; }

    const std::optional<Sample>& current() const { return m_current; }
    // The annotator's stored value for the current sample, if any.
    std::optional<nlohmann::json> currentValue();

    std::int64_t labeledCount() const { return m_labeled; }
    std::int64_t sampleCount() const { return m_total; }

    // Goes to the annotator's first unlabeled sample, else to the first sample.
    void start();
    // Makes the sample with `key` current (nothing happens if it is already).
    void goTo(std::int64_t key);
    // Records `value` as the annotator's value for the current sample, then moves to the next
    // unlabeled sample after it (or else the next one). Returns false, after emitting failed(),
    // when the core refuses the value; nothing is stored then.
    bool record(const nlohmann::json& value);

Q_SIGNALS:
    void currentChanged();
    void progressChanged();
    void sampleLabeled(qint64 key);
    void failed(const QString& message);
    void notice(const QString& message);

private:
    void advanceFrom(std::int64_t key);
    // Runs `work`, turning InputError/StoreError into failed(); returns whether it succeeded.
    template <typename Work> bool guarded(const char* what, Work&& work);

    std::unique_ptr<Project> m_project;
    std::string m_annotator;
    QString m_projectName;
    std::optional<Sample> m_current;
    std::int64_t m_labeled = 0;
    std::int64_t m_total = 0;
};

} // namespace concord::gui
