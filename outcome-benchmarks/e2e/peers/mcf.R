# The mean cumulative number of readmissions as `outcome survival mcf --group group --at
# 30,90,180,365`: survfit's cumulative hazard over (start, stop] rows with the robust (id) SE.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
d <- read_cohort()
fit <- survfit(Surv(start, stop, event) ~ group, data = d, id = id)
s <- summary(fit, times = c(30, 90, 180, 365), extend = TRUE)
write_json(list(strata = as.character(s$strata), time = s$time, mean = s$cumhaz, se = s$std.chaz))
