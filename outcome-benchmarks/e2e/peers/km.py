"""Kaplan-Meier by group, as `outcome survival km --group group`: statsmodels SurvfuncRight per
group, with log confidence limits (R's default) computed from its Greenwood standard errors, the
median with limits, and the curves at every event time."""
import numpy as np
from scipy.stats import norm

from peercommon import km_by_group, read_cohort, write_json

d = read_cohort()
z = norm.ppf(0.975)
strata = []
for group, sf in km_by_group(d).items():
    surv = sf.surv_prob
    se_log = sf.surv_prob_se / surv
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = np.exp(np.log(surv) - z * se_log)
        upper = np.minimum(1.0, np.exp(np.log(surv) + z * se_log))
    median_lower, median_upper = sf.quantile_ci(0.5, method="log")
    strata.append({
        "stratum": group, "n": int(sf.n_risk[0]) if len(sf.n_risk) else 0,
        "events": int(sf.n_events.sum()), "median": sf.quantile(0.5),
        "median_lower": median_lower, "median_upper": median_upper,
        "time": sf.surv_times, "n_risk": sf.n_risk, "n_event": sf.n_events, "surv": surv,
        "std_err": se_log, "lower": lower, "upper": upper})
write_json({"method": "SurvfuncRight", "conf_type": "log", "n": len(d), "strata": strata})
