# Reference for QuestionGold's mean rank (Borda): each field's mean rank over the submitted
# rankings, ranked again with scipy's rankdata(method="min"). Run: /usr/bin/python3 tests/reference/mean_rank.py
import numpy as np
from scipy.stats import rankdata

cases = {
    "k1 distinct": [[1, 2, 3], [2, 1, 3], [1, 3, 2]],
    "k2 equal means": [[1, 2, 3], [2, 1, 3], [1, 1, 3]],
    "k3 one ranking (the others missing)": [[3, 1, 2]],
    "k4 ties inside rankings": [[1, 1, 3], [3, 1, 1]],
}
for name, rankings in cases.items():
    means = np.mean(np.array(rankings, dtype=float), axis=0)  # columns: x, y, z
    print(name, "means", means.round(4).tolist(), "ranks", rankdata(means, method="min").astype(int).tolist())
