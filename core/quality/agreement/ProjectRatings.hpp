// Reads a project's annotations as agreement input. Single-label projects give labels in the
// schema's order; rating projects give numbers over the whole scale (rating_min..rating_max, in
// numeric order, used or not); multi-label projects give label sets; span projects give spans
// with the sample texts. Items are the samples with at least one annotation, named by their ids.
#pragma once

#include "core/quality/agreement/AgreementData.hpp"

namespace concord {
class Project;
}

namespace concord::quality {

AgreementData loadProjectRatings(Project& project);

} // namespace concord::quality
