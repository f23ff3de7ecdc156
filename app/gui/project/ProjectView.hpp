// What every screen over a project is: it receives the open project one way, and follows its
// signals from then on. MainWindow hands the same OpenProject to each, and nothing else.
#pragma once

namespace concord::gui {

class OpenProject;

class ProjectView
{
public:
    virtual ~ProjectView() = default;
    // Shows `project` from now on; nullptr when none is open. The caller keeps it alive until
    // it hands over another (or nullptr).
    virtual void setProject(OpenProject* project) = 0;
};

} // namespace concord::gui
