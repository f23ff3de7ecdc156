// The result of one agreement coefficient: either a value, or the reason there is none, with
// the counts a reader needs to judge it. An undefined coefficient never carries a NaN that a
// caller could print as a number; it carries an Undefined code the CLI and the GUI turn into
// words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace concord::quality {

enum class Undefined : std::uint8_t
{
    No,              // the value is defined
    NoRatings,       // the input holds no ratings at all
    NoPairableItems, // no item has two or more ratings (one annotator, or every item rated once)
    NoVariation,     // every rating that can be compared has the same value: chance agreement is perfect
    OneCategory,     // Bennett's S: fewer than two possible values
    NoSpans,         // span F1: neither annotator marked a span on the samples both annotated
    NotApplicable,   // the coefficient does not apply to this input; `note` says why
};

// Words for the reason, for messages: "no variation: every rating has the same value".
std::string_view describe(Undefined reason);

struct Coefficient
{
    double value = 0.0; // meaningful only when defined()
    Undefined undefined = Undefined::NoRatings;
    // For NotApplicable: the message that explains it. For a defined value: how it was computed
    // when a reader needs to know (an estimate from sampled pairs, the weights used), else empty.
    std::string note;

    std::size_t items = 0;         // items that entered the computation
    std::size_t ratings = 0;       // ratings that entered the computation
    std::size_t excludedItems = 0; // items left out because they cannot be paired (see each function)

    bool defined() const { return undefined == Undefined::No; }
    std::optional<double> get() const { return defined() ? std::optional<double>(value) : std::nullopt; }
    // "no variation: ..." or the note; empty when defined.
    std::string reason() const;

    static Coefficient of(double value)
    {
        Coefficient result;
        result.value = value;
        result.undefined = Undefined::No;
        return result;
    }
    static Coefficient notApplicable(std::string why)
    {
        Coefficient result;
        result.undefined = Undefined::NotApplicable;
        result.note = std::move(why);
        return result;
    }
};

} // namespace concord::quality
