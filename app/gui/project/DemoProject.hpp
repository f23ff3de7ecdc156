// The bundled demo project: 300 review sentences with the UCI reference labels as one
// annotator's work, built once from the resources in resources/demo.qrc and then reopened.
#pragma once

#include "core/store/Project.hpp"

#include <QString>

#include <memory>

namespace concord::gui {

class DemoProject
{
public:
    // Where the demo lives: <AppDataLocation>/demo.concord (e.g. ~/.local/share/Concord).
    static QString defaultPath();

    // Opens the demo at `path`, creating it first when the file does not exist. Throws
    // InputError or StoreError; a failed creation leaves no file behind.
    static std::unique_ptr<Project> open(const QString& path = defaultPath());

    // The annotator whose labels the demo ships with (the data set's reference labels).
    static constexpr const char* referenceAnnotator = "uci-reference";

private:
    static void create(const QString& path);
};

} // namespace concord::gui
