// Bradley–Terry log-strengths against reference fits: R's BradleyTerry2 for votes without ties
// (BTm's abilities, centred on zero), an independent MM script for ties and the prior
// (tests/reference/bradley_terry_mm.py), and the closed form for two models.
#include "LeaderboardTestSupport.hpp"

#include "core/quality/leaderboard/Leaderboard.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::comparisonsFrom;
using concord::test::fittedLogStrengths;
using concord::test::PairVotes;

namespace {

FitOptions tight()
{
    FitOptions options;
    options.tolerance = 1e-13;
    return options;
}

void checkFit(const std::vector<PairVotes>& pairs, const std::map<std::string, double>& expected,
              FitOptions options = tight())
{
    const auto fitted = fittedLogStrengths(comparisonsFrom(pairs), options);
    REQUIRE(fitted.size() == expected.size());
    for (const auto& [model, value] : expected) {
        INFO(model);
        CHECK(fitted.at(model) == Approx(value).margin(1e-9));
    }
}

const std::vector<PairVotes> kFour = {{"alpha", "beta", 7, 3}, {"alpha", "gamma", 8, 2}, {"alpha", "delta", 5, 5},
                                      {"beta", "gamma", 6, 4}, {"beta", "delta", 3, 7},  {"gamma", "delta", 2, 8}};

} // namespace

TEST_CASE("Bradley-Terry: four models, every pair compared, no ties (BradleyTerry2)", "[leaderboard][reference]")
{
    // Rscript -e 'library(BradleyTerry2); lv <- c("alpha","beta","gamma","delta");
    //   d <- data.frame(p1=factor(c("alpha","alpha","alpha","beta","beta","gamma"),lv),
    //                   p2=factor(c("beta","gamma","delta","gamma","delta","delta"),lv),
    //                   w1=c(7,8,5,6,3,2), w2=c(3,2,5,4,7,8));
    //   f <- BTm(cbind(w1,w2), p1, p2, data=d, control=glm.control(epsilon=1e-14, maxit=100));
    //   a <- BTabilities(f)[,1]; print(a - mean(a), digits=15)'
    checkFit(kFour, {{"alpha", 0.556021871790278},
                     {"beta", -0.324359625867573},
                     {"gamma", -0.787684117712983},
                     {"delta", 0.556021871790278}});
}

TEST_CASE("Bradley-Terry: five models on a sparse graph, no ties (BradleyTerry2)", "[leaderboard][reference]")
{
    // Rscript -e 'library(BradleyTerry2); lv <- paste0("m",1:5);
    //   d <- data.frame(p1=factor(c("m1","m2","m3","m4","m5","m1"),lv), p2=factor(c("m2","m3","m4","m5","m1","m3"),lv),
    //                   w1=c(4,3,5,2,1,2), w2=c(1,2,3,2,3,2));
    //   f <- BTm(cbind(w1,w2), p1, p2, data=d, control=glm.control(epsilon=1e-14, maxit=100));
    //   a <- BTabilities(f)[,1]; print(a - mean(a), digits=15)'
    checkFit({{"m1", "m2", 4, 1},
              {"m2", "m3", 3, 2},
              {"m3", "m4", 5, 3},
              {"m4", "m5", 2, 2},
              {"m5", "m1", 1, 3},
              {"m1", "m3", 2, 2}},
             {{"m1", 0.722601850904011},
              {"m2", -0.00809442575322505},
              {"m3", 0.0921572656871249},
              {"m4", -0.410756836672212},
              {"m5", -0.395907854165699}});
}

TEST_CASE("Bradley-Terry: Stigler's journal citations (BradleyTerry2's citations, a published example)",
          "[leaderboard][reference][published]")
{
    // A citation of journal i by journal j is a win of i over j. Firth and Turner's BradleyTerry2
    // vignette prints the abilities relative to Biometrika: Comm Statist -2.949, JASA -0.4796,
    // JRSS-B 0.2690 (the differences of the values below).
    // Rscript -e 'library(BradleyTerry2); b <- countsToBinomial(citations);
    //   f <- BTm(cbind(win1, win2), player1, player2, ~ journal, id = "journal", data = b,
    //            control=glm.control(epsilon=1e-14, maxit=100));
    //   a <- BTabilities(f)[,1]; print(a - mean(a), digits=15)'
    const std::vector<PairVotes> citations = {
        {"Biometrika", "Comm Statist", 730, 33}, {"Biometrika", "JASA", 498, 320},
        {"Biometrika", "JRSS-B", 221, 284},      {"Comm Statist", "JASA", 68, 813},
        {"Comm Statist", "JRSS-B", 17, 276},     {"JASA", "JRSS-B", 142, 325}};
    checkFit(citations, {{"Biometrika", 0.789922052694108},
                         {"Comm Statist", -2.1591504441498},
                         {"JASA", 0.310352282942116},
                         {"JRSS-B", 1.05887610851358}});
    const auto fitted = fittedLogStrengths(comparisonsFrom(citations), tight());
    CHECK(fitted.at("Comm Statist") - fitted.at("Biometrika") == Approx(-2.949).margin(5e-4));
    CHECK(fitted.at("JASA") - fitted.at("Biometrika") == Approx(-0.4796).margin(5e-5));
    CHECK(fitted.at("JRSS-B") - fitted.at("Biometrika") == Approx(0.2690).margin(5e-5));
}

TEST_CASE("Bradley-Terry: ties count as half a win for each side (independent MM script)", "[leaderboard][reference]")
{
    // python3 tests/reference/bradley_terry_mm.py   (case "ties"), and BradleyTerry2 with each tie
    // given as half a win to each side (glm warns of non-integer counts), which prints the same to
    // 1e-15:
    // Rscript -e 'library(BradleyTerry2); lv <- c("x","y","z");
    //   d <- data.frame(p1=factor(c("x","x","y"),lv), p2=factor(c("y","z","z"),lv), w1=c(6.5,5,3), w2=c(3.5,5,7));
    //   f <- suppressWarnings(BTm(cbind(w1,w2), p1, p2, data=d, control=glm.control(epsilon=1e-14, maxit=100)));
    //   a <- BTabilities(f)[,1]; print(a - mean(a), digits=15)'
    //   x 0.208936092396774  y -0.487399340414959  z 0.278463248018184
    checkFit({{"x", "y", 5, 2, 3}, {"x", "z", 4, 4, 2}, {"y", "z", 1, 5, 4}},
             {{"x", 0.208936092396775}, {"y", -0.487399340414959}, {"z", 0.278463248018184}});
}

TEST_CASE("Bradley-Terry: two models with ties against the closed form", "[leaderboard][reference]")
{
    // With two models the estimate is log(p_a / p_b) = log(W_a / W_b), W = wins + ties / 2:
    // a 6 wins, b 2, 2 ties: log-strength of a = log(7/3) / 2, rating 1000 + 400 log10(sqrt(7/3)).
    // python3 -c 'import math; t=0.5*math.log(7/3); print(t, 1000+400*math.log10(math.exp(t)))'
    // 0.42364893019360184 1073.5953570589174
    checkFit({{"a", "b", 6, 2, 2}}, {{"a", 0.42364893019360184}, {"b", -0.42364893019360184}});
    LeaderboardOptions options;
    options.rounds = 0;
    const Leaderboard board = buildLeaderboard(comparisonsFrom({{"a", "b", 6, 2, 2}}), options);
    REQUIRE(board.standings.size() == 2);
    CHECK(board.standings[0].model == "a");
    CHECK(board.standings[0].rating == Approx(1073.5953570589174).margin(1e-6));
    CHECK(board.standings[1].rating == Approx(2000 - 1073.5953570589174).margin(1e-6));
}

TEST_CASE("Bradley-Terry: the prior's virtual ties with a reference (independent MM script)",
          "[leaderboard][reference][prior]")
{
    // python3 tests/reference/bradley_terry_mm.py   (cases "prior 1" and "prior 0.5 on four")
    FitOptions withPrior = tight();
    withPrior.prior = 1.0;
    checkFit({{"top", "mid", 3, 0}, {"top", "low", 2, 0}, {"mid", "low", 2, 1}},
             {{"top", 1.74732706729976}, {"mid", -0.621275231567986}, {"low", -1.12605183573177}}, withPrior);
    withPrior.prior = 0.5;
    checkFit(kFour,
             {{"alpha", 0.546902622338999},
              {"beta", -0.319263014770354},
              {"gamma", -0.774542229907643},
              {"delta", 0.546902622338999}},
             withPrior);
}

TEST_CASE("Bradley-Terry: the fit reports its iterations and convergence", "[leaderboard]")
{
    FitOptions options;
    const FitResult fit = fitBradleyTerry(countPairs(comparisonsFrom(kFour)), options);
    CHECK(fit.converged);
    CHECK(fit.iterations > 1);
    CHECK(fit.iterations < options.maxIterations);
    options.maxIterations = 2;
    const FitResult capped = fitBradleyTerry(countPairs(comparisonsFrom(kFour)), options);
    CHECK_FALSE(capped.converged);
    CHECK(capped.iterations == 2);
}
