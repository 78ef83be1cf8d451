"""Two independent groups on `baseline`, as `outcome compare --value baseline --group group`:
Welch t-test (scipy ttest_ind, equal_var=False), Mann-Whitney (scipy mannwhitneyu with the
continuity correction, R's default), Cohen's d and Hedges' g. Differences are first - second group."""
import math

from scipy import stats

from peercommon import read_cohort, write_json

d = read_cohort()
d = d[d["baseline"].notna()]
groups = sorted(d["group"].unique())
x = d.loc[d["group"] == groups[0], "baseline"].to_numpy()
y = d.loc[d["group"] == groups[1], "baseline"].to_numpy()
welch = stats.ttest_ind(x, y, equal_var=False)
mw = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided")
nx, ny = len(x), len(y)
sp = math.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
cohen = (x.mean() - y.mean()) / sp
write_json({"groups": groups, "n": [nx, ny], "mean": [x.mean(), y.mean()],
            "sd": [x.std(ddof=1), y.std(ddof=1)], "welch_t": welch.statistic, "welch_p": welch.pvalue,
            "mann_whitney_u": mw.statistic, "mann_whitney_p": mw.pvalue,
            "cohen_d": cohen, "hedges_g": cohen * (1 - 3 / (4 * (nx + ny) - 9))})
