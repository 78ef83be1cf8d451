# Recurrent readmissions as `outcome survival andersen-gill --start start --stop stop --event event
# --id id --covariates peer,age,female`: the Andersen-Gill Cox model, Efron ties, robust SE
# clustered on the person.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
d <- read_cohort()
fit <- coxph(Surv(start, stop, event) ~ peer + age + female + cluster(id), data = d, ties = "efron")
s <- summary(fit)$coefficients
write_json(list(terms = rownames(s), coef = unname(s[, "coef"]), se = unname(s[, "robust se"]),
                naiveSe = unname(s[, "se(coef)"]), loglik = fit$loglik[2]))
