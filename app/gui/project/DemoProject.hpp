// The bundled demo projects, built once from the resources in resources/demo.qrc and then
// reopened: 300 review sentences with the UCI reference labels as one annotator's work, and a
// preference project of 300 prompts with two models' responses, three annotators' votes and a
// judge's suggestions (resources/feedback-demo/make_feedback_demo.py).
#pragma once

#include "core/store/Project.hpp"

#include <QString>

#include <array>
#include <cstdint>
#include <memory>

namespace concord::gui {

enum class DemoKind
{
    Reviews, // label review sentences as positive, negative or neutral
    Feedback // compare two models' responses
};

class DemoProject
{
public:
    // Where a demo lives: <AppDataLocation>/demo.concord or feedback-demo.concord (e.g. in
    // ~/.local/share/Concord).
    static QString defaultPath(DemoKind kind = DemoKind::Reviews);

    // Opens the demo at `path` (default: defaultPath(kind)), creating it first when the file does
    // not exist. Throws InputError or StoreError; a failed creation leaves no file behind.
    static std::unique_ptr<Project> open(const QString& path = QString(), DemoKind kind = DemoKind::Reviews);

    // The annotator whose labels the review demo ships with (the data set's reference labels).
    static constexpr const char* referenceAnnotator = "uci-reference";
    // The feedback demo's annotators, whose votes it ships with, and its judge's agent name.
    static constexpr std::array<const char*, 3> feedbackAnnotators{"maya", "noor", "omar"};
    static constexpr const char* judgeAgent = "judge";
    // The order seed make_feedback_demo.py drew each annotator's shown order with.
    static constexpr std::uint64_t feedbackOrderSeed = 17;

private:
    static void create(DemoKind kind, const QString& path);
};

} // namespace concord::gui
