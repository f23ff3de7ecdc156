// Words for the reasons a coefficient is undefined; see Coefficient.hpp.
#include "core/quality/agreement/Coefficient.hpp"

namespace concord::quality {

std::string_view describe(Undefined reason)
{
    switch (reason) {
    case Undefined::No:
        return "";
    case Undefined::NoRatings:
        return "no ratings";
    case Undefined::NoPairableItems:
        return "no item was rated by two or more annotators";
    case Undefined::NoVariation:
        return "no variation: every rating that can be compared has the same value";
    case Undefined::OneCategory:
        return "fewer than two possible values";
    case Undefined::NoSpans:
        return "no spans on the samples both annotated";
    case Undefined::NotApplicable:
        return "not applicable";
    }
    return "undefined";
}

std::string Coefficient::reason() const
{
    if (undefined == Undefined::NotApplicable && !note.empty()) {
        return note;
    }
    return std::string(describe(undefined));
}

} // namespace concord::quality
