# Log-rank test of the groups, as `outcome survival logrank`: survdiff(Surv(time, event) ~ group).
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
sd <- survdiff(Surv(time, event) ~ group, data = d)
df <- length(sd$n) - 1
write_json(list(method = "survdiff", groups = names(sd$n), n = as.numeric(sd$n),
                observed = as.numeric(sd$obs), expected = as.numeric(sd$exp),
                chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE)))
