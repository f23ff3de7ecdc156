// Dawid–Skene (1979): the true value of each item is a hidden class; each annotator has a
// confusion matrix (the chance of answering l when the truth is k); expectation–maximisation
// estimates the class priors, the confusion matrices and each item's posterior together, so
// that a careful annotator's word counts for more than a careless one's.
//
// Deterministic: the same table gives the same result, bit for bit, on the same build.
#pragma once

#include "core/quality/aggregation/Aggregation.hpp"

namespace concord::quality {

struct DawidSkeneOptions
{
    // EM stops when no item's posterior of any value moved by more than this in an iteration.
    double tolerance = 1e-6;
    int maxIterations = 200;
    // Pseudo-count added to every cell of every confusion matrix and to every class count
    // (a symmetric Dirichlet prior): keeps an annotator's never-seen answer from having
    // probability zero, which would let one vote veto a class outright.
    double smoothing = 0.1;
};

// Starts from the soft majority vote (each item's vote shares as its posterior), then
// alternates the M-step (priors and confusion matrices from the posteriors) and the E-step
// (posteriors from the priors and matrices, in log space). The suggested value is the
// posterior's mode, ties going to the first value as in majority vote; the confidence is that
// posterior. An annotator's accuracy is the posterior-weighted share of their labels that
// match the truth.
AggregationResult dawidSkene(const RatingTable& table, const DawidSkeneOptions& options = {});

} // namespace concord::quality
