# 1:1 nearest-neighbour matching as `outcome propensity --method match --treatment peer --covariates
# age,female,prior_admissions,psychosis,baseline --outcome after`: MatchIt (glm propensity score,
# largest first, no replacement), its balance summary, and the ATT with SEs clustered on the
# matched pair (sandwich's vcovCL, HC0).
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
suppressPackageStartupMessages({
  library(MatchIt)
  library(sandwich)
})

d <- read_cohort()
cov <- c("age", "female", "prior_admissions", "psychosis", "baseline")
m <- matchit(reformulate(cov, "peer"), data = d, method = "nearest", distance = "glm", ratio = 1)
s <- summary(m)
md <- match.data(m)
fit <- lm(after ~ peer, data = md, weights = weights)
write_json(list(matchedTreated = sum(m$weights[d$peer == 1] > 0), matchedControl = sum(m$weights[d$peer == 0] > 0),
                smdMatched = unname(s$sum.matched[cov, "Std. Mean Diff."]), att = unname(coef(fit)[2]),
                attSe = sqrt(vcovCL(fit, cluster = ~subclass, type = "HC0")[2, 2])))
