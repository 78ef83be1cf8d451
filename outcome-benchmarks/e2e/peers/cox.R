# Efron Cox model with six covariates, as `outcome survival cox` with its defaults: coxph(), its
# summary (hazard ratios with limits, likelihood-ratio, Wald and score tests, concordance) and
# cox.zph (transform = "km"), the test of proportional hazards the command runs by default.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
fit <- coxph(Surv(time, event) ~ peer + age + female + prior_admissions + psychosis + baseline,
             data = d, ties = "efron")
s <- summary(fit)
zph <- cox.zph(fit, transform = "km")
write_json(list(
  method = "coxph efron", n = s$n, events = s$nevent, terms = rownames(s$coefficients),
  coef = as.numeric(s$coefficients[, "coef"]), se = as.numeric(s$coefficients[, "se(coef)"]),
  hr = as.numeric(s$conf.int[, "exp(coef)"]), hr_lower = as.numeric(s$conf.int[, "lower .95"]),
  hr_upper = as.numeric(s$conf.int[, "upper .95"]), p = as.numeric(s$coefficients[, "Pr(>|z|)"]),
  loglik = as.numeric(fit$loglik), lr = as.numeric(s$logtest), wald = as.numeric(s$waldtest),
  score = as.numeric(s$sctest), concordance = as.numeric(s$concordance),
  zph_chisq = as.numeric(zph$table[, "chisq"]), zph_p = as.numeric(zph$table[, "p"])))
