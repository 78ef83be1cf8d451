"""Efron Cox model with six covariates, as `outcome survival cox`: statsmodels PHReg with
ties="efron", hazard ratios with 95% limits and the likelihood-ratio test. statsmodels has no
concordance nor cox.zph, so this script does less than the command and R's coxph."""
import numpy as np
import statsmodels.api as sm
from scipy.stats import chi2

from peercommon import read_cohort, write_json

TERMS = ["peer", "age", "female", "prior_admissions", "psychosis", "baseline"]

d = read_cohort()
model = sm.PHReg(d["time"].to_numpy(float), d[TERMS].to_numpy(float),
                 status=d["event"].to_numpy(float), ties="efron")
fit = model.fit()
ci = fit.conf_int()
null = model.loglike(np.zeros(len(TERMS)))
lr = 2 * (fit.llf - null)
write_json({"method": "PHReg efron", "n": len(d), "events": int(d["event"].sum()), "terms": TERMS,
            "coef": fit.params, "se": fit.bse, "hr": np.exp(fit.params),
            "hr_lower": np.exp(ci[:, 0]), "hr_upper": np.exp(ci[:, 1]), "p": fit.pvalues,
            "loglik": [null, fit.llf], "lr": [lr, len(TERMS), chi2.sf(lr, len(TERMS))]})
