"""ANCOVA on baseline, as `outcome ancova --pre baseline --post after --group group`: statsmodels
OLS by formula, after ~ baseline + C(group), with its summary and 95% limits, beside the
change-score comparison (after - baseline) ~ C(group)."""
import statsmodels.formula.api as smf

from peercommon import read_cohort, write_json

d = read_cohort()
d = d[d["baseline"].notna() & d["after"].notna()].copy()
fit = smf.ols("after ~ baseline + C(group)", data=d).fit()
fit.summary()
ci = fit.conf_int()
d["change"] = d["after"] - d["baseline"]
change = smf.ols("change ~ C(group)", data=d).fit()
write_json({"n": int(fit.nobs), "terms": list(fit.params.index), "estimate": fit.params,
            "se": fit.bse, "t": fit.tvalues, "p": fit.pvalues, "lower": ci[0], "upper": ci[1],
            "sigma": fit.mse_resid ** 0.5, "r_squared": fit.rsquared, "adj_r_squared": fit.rsquared_adj,
            "change_estimate": change.params, "change_se": change.bse, "change_p": change.pvalues})
