"""Before and after on the same people, as `outcome paired --before baseline --after after`:
paired t-test (scipy ttest_rel), Wilcoxon signed-rank (scipy wilcoxon with the continuity
correction, as R's default; zero differences dropped), Cohen's d_z. Differences are after - before."""
from scipy import stats

from peercommon import read_cohort, write_json

d = read_cohort()
d = d[d["baseline"].notna() & d["after"].notna()]
before = d["baseline"].to_numpy()
after = d["after"].to_numpy()
diff = after - before
tt = stats.ttest_rel(after, before)
wx = stats.wilcoxon(diff, zero_method="wilcox", correction=True, method="approx")
write_json({"n": len(diff), "mean_difference": diff.mean(), "sd_difference": diff.std(ddof=1),
            "t": tt.statistic, "p": tt.pvalue, "wilcoxon_statistic": wx.statistic,
            "wilcoxon_p": wx.pvalue, "cohen_dz": diff.mean() / diff.std(ddof=1)})
