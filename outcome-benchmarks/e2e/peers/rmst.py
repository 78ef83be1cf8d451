"""Restricted mean survival time up to tau = 365 by group, as `outcome survival rmst --tau 365`:
the area under each group's Kaplan-Meier step function (statsmodels SurvfuncRight) up to tau,
its standard error as R's survfit (sum over event times of A(t)^2 d / (n (n - d))), and each group
against the first: difference and ratio with 95% limits and p, as survRM2's rmst2."""
import math

import numpy as np
from scipy.stats import norm

from peercommon import km_by_group, read_cohort, write_json

TAU = 365.0


def rmst(sf, tau):
    t = sf.surv_times
    keep = t <= tau
    t, s = t[keep], sf.surv_prob[keep]
    d, n = sf.n_events[keep], sf.n_risk[keep]
    # S is 1 before the first time, s[i] from t[i] to t[i+1] (or tau)
    edges = np.concatenate(([0.0], t, [tau]))
    heights = np.concatenate(([1.0], s))
    pieces = heights * np.diff(edges)
    area = pieces.sum()
    after = np.cumsum(pieces[::-1])[::-1][1:]  # area from t[i] to tau
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where((d > 0) & (n > d), after ** 2 * d / (n * (n - d)), 0.0)
    return area, math.sqrt(terms.sum())


d = read_cohort()
z = norm.ppf(0.975)
fits = km_by_group(d)
groups = list(fits)
means, ses = zip(*(rmst(sf, TAU) for sf in fits.values()))
contrasts = []
for i in range(1, len(groups)):
    diff = means[i] - means[0]
    se_diff = math.hypot(ses[i], ses[0])
    log_ratio = math.log(means[i] / means[0])
    se_log = math.hypot(ses[i] / means[i], ses[0] / means[0])
    contrasts.append({
        "group": groups[i], "reference": groups[0], "difference": diff,
        "lower": diff - z * se_diff, "upper": diff + z * se_diff, "p": 2 * norm.sf(abs(diff / se_diff)),
        "ratio": math.exp(log_ratio), "ratio_lower": math.exp(log_ratio - z * se_log),
        "ratio_upper": math.exp(log_ratio + z * se_log), "ratio_p": 2 * norm.sf(abs(log_ratio / se_log))})
write_json({"tau": TAU, "groups": groups, "rmean": means, "se": ses, "contrasts": contrasts})
