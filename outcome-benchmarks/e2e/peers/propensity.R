# Propensity scores as `outcome propensity --treatment peer --covariates age,female,prior_admissions,
# psychosis,baseline --outcome after`: glm, ATE and ATT weights, standardised mean differences
# before and after the ATE weights (pooled SD), weighted differences with sandwich's HC0 SEs.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
suppressPackageStartupMessages(library(sandwich))

d <- read_cohort()
cov <- c("age", "female", "prior_admissions", "psychosis", "baseline")
fit <- glm(reformulate(cov, "peer"), data = d, family = binomial)
ps <- fitted(fit); t <- d$peer
w_ate <- ifelse(t == 1, 1 / ps, 1 / (1 - ps))
w_att <- ifelse(t == 1, 1, ps / (1 - ps))
smd <- function(x, w) (weighted.mean(x[t == 1], w[t == 1]) - weighted.mean(x[t == 0], w[t == 0])) /
  sqrt((var(x[t == 1]) + var(x[t == 0])) / 2)
effect <- function(w) {
  m <- lm(d$after ~ t, weights = w)
  c(coef(m)[2], sqrt(vcovHC(m, type = "HC0")[2, 2]))
}
ate <- effect(w_ate); att <- effect(w_att)
write_json(list(psCoef = unname(coef(fit)), smdBefore = sapply(cov, function(c) smd(d[[c]], rep(1, nrow(d)))),
                smdAfterAte = sapply(cov, function(c) smd(d[[c]], w_ate)),
                ateIptw = unname(ate[1]), ateSe = unname(ate[2]), attIptw = unname(att[1]), attSe = unname(att[2])))
