"""Reference values for tests/core/test_preference_bias.cpp, run by hand:
/usr/bin/python3 tests/reference/preference_bias.py (scipy 1.x, statsmodels 0.14)."""
from scipy.stats import binomtest
from statsmodels.stats.multitest import multipletests

for k, n, p in [(5, 10, .5), (0, 10, .5), (10, 10, .5), (7, 10, .5), (1, 3, .5), (0, 1, .5), (216, 270, .5),
                (499, 1000, .5), (4900, 10000, .5), (60, 100, .3), (3, 20, .3), (12, 20, .3),
                (20, 20, .5), (15, 30, .5), (35, 50, .5), (12, 15, .5)]:
    print("binomtest(%d, %d, %g).pvalue = %r" % (k, n, p, binomtest(k, n, p).pvalue))
for ps in [[0.01, 0.04, 0.03, 0.005], [0.5, 0.2, 0.2, 1.0, 0.001], [0.03], [0.3, 0.4, 0.02],
           [binomtest(20, 20).pvalue, binomtest(15, 30).pvalue]]:
    print("holm(%r) = %r" % (ps, multipletests(ps, method="holm")[1].tolist()))
