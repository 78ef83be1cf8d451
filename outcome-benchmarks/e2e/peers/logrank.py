"""Log-rank test of the groups, as `outcome survival logrank`: statsmodels.duration.survfunc.survdiff."""
from statsmodels.duration.survfunc import survdiff

from peercommon import read_cohort, write_json

d = read_cohort()
chisq, p = survdiff(d["time"].to_numpy(), d["event"].to_numpy(), d["group"].to_numpy())
write_json({"method": "survdiff", "groups": sorted(d["group"].unique()),
            "n": d.groupby("group", sort=True).size().to_numpy(),
            "chisq": chisq, "df": d["group"].nunique() - 1, "p": p})
