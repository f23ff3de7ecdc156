// Where agreement is won or lost: per value (one label against the rest), per annotator pair
// (a kappa matrix) and per annotator against the others. The lead reviewer reads these to see
// which label is confusing and which annotator drifts.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/Coincidence.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace concord::quality {

struct ValueAgreement
{
    std::uint32_t value = 0;
    std::size_t uses = 0; // ratings with this value, pairable or not
    Coefficient alpha;    // nominal alpha of "this value" against "any other value"
};

// One entry per value of the table, in value order. Recoding every rating to "v or not v"
// collapses the coincidence matrix to 2 x 2, so this costs values^2 on top of the matrix:
// alpha_v = 1 - (n - 1) * o_v,rest / (n_v * (n - n_v)). Undefined (no variation) for a value
// nobody used among the pairable ratings, or one that every pairable rating used.
std::vector<ValueAgreement> perValueAlpha(const RatingTable& table, const Coincidence& coincidence);

struct PairAgreement
{
    std::uint32_t first = 0; // first < second
    std::uint32_t second = 0;
    Coefficient kappa; // over the items both rated; excludedItems: items only one of them rated
};

// Cohen's kappa (with `weights`) for every pair of annotators that rated at least one item in
// common, ordered by (first, second). Pairs with nothing in common are not listed.
std::vector<PairAgreement> pairwiseKappa(const RatingTable& table, KappaWeights weights);

struct AnnotatorAgreement
{
    std::uint32_t annotator = 0;
    std::size_t ratings = 0;                // the annotator's ratings
    std::size_t alone = 0;                  // ... on items nobody else rated
    std::size_t ties = 0;                   // ... on items where the others have no single majority
    std::optional<double> agreesWithOthers; // share of the compared items where it matches the majority
    Coefficient kappa;                      // Cohen's kappa of its values against the others' majority
};

// For each annotator with ratings: on every item it rated that others rated too, the value
// most of the others gave (a strict plurality; items where the others tie are left out and
// counted), then Cohen's kappa (with `weights`) between the annotator's values and those
// majority values, and the plain share of matches.
std::vector<AnnotatorAgreement> annotatorVersusRest(const RatingTable& table, KappaWeights weights);

} // namespace concord::quality
