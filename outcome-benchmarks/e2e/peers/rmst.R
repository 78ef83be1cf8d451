# Restricted mean survival time up to tau = 365 by group, as `outcome survival rmst --tau 365`:
# summary(survfit, rmean = 365)$table, and each group against the first (R's order): difference
# and ratio with 95% limits and p, as survRM2's rmst2 (normal approximation, ratio on the log scale).
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

tau <- 365
d <- read_cohort()
fit <- survfit(Surv(time, event) ~ group, data = d)
tab <- summary(fit, rmean = tau)$table
rm <- tab[, "rmean"]
se <- tab[, "se(rmean)"]
z <- qnorm(0.975)
contrasts <- lapply(seq_along(rm)[-1], function(i) {
  diff <- rm[i] - rm[1]
  se_diff <- sqrt(se[i]^2 + se[1]^2)
  log_ratio <- log(rm[i] / rm[1])
  se_log <- sqrt((se[i] / rm[i])^2 + (se[1] / rm[1])^2)
  list(group = rownames(tab)[i], reference = rownames(tab)[1],
       difference = diff, lower = diff - z * se_diff, upper = diff + z * se_diff,
       p = 2 * pnorm(-abs(diff / se_diff)),
       ratio = exp(log_ratio), ratio_lower = exp(log_ratio - z * se_log),
       ratio_upper = exp(log_ratio + z * se_log), ratio_p = 2 * pnorm(-abs(log_ratio / se_log)))
})
write_json(list(tau = tau, groups = rownames(tab), rmean = as.numeric(rm), se = as.numeric(se),
                contrasts = contrasts))
