# Competing risks as `outcome survival fine-gray --time time --status status --covariates
# peer,age,female`: cmprsk's crr, readmission (1) the cause of interest.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
suppressPackageStartupMessages(library(cmprsk))
d <- read_cohort()
fit <- crr(d$time, d$status, as.matrix(d[, c("peer", "age", "female")]), failcode = 1)
write_json(list(coef = unname(fit$coef), se = unname(sqrt(diag(fit$var)))))
