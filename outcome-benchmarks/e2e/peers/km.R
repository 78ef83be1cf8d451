# Kaplan-Meier by group, as `outcome survival km --group group`: survfit(Surv(time, event) ~ group)
# with log confidence limits (R's default), its summary table and the curves at every event time.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
fit <- survfit(Surv(time, event) ~ group, data = d)
tab <- summary(fit)$table
s <- summary(fit, censored = FALSE)
strata <- lapply(seq_len(nrow(tab)), function(i) {
  name <- rownames(tab)[i]
  k <- s$strata == name
  list(stratum = name, n = tab[i, "records"], events = tab[i, "events"],
       median = tab[i, "median"], median_lower = tab[i, "0.95LCL"], median_upper = tab[i, "0.95UCL"],
       rmean = tab[i, "rmean"], se_rmean = tab[i, "se(rmean)"],
       time = s$time[k], n_risk = s$n.risk[k], n_event = s$n.event[k], surv = s$surv[k],
       std_err = s$std.err[k], lower = s$lower[k], upper = s$upper[k])
})
write_json(list(method = "survfit", conf_type = fit$conf.type, n = nrow(d), strata = strata))
