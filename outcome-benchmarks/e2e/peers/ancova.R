# ANCOVA on baseline, as `outcome ancova --pre baseline --post after --group group`:
# lm(after ~ baseline + group) with its summary and 95% limits, beside the change-score
# comparison lm(after - baseline ~ group).
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
d <- d[!is.na(baseline) & !is.na(after)]
d[, group := factor(group)]
fit <- lm(after ~ baseline + group, data = d)
s <- summary(fit)
ci <- confint(fit)
change <- summary(lm(I(after - baseline) ~ group, data = d))
write_json(list(n = nrow(d), terms = rownames(s$coefficients),
                estimate = as.numeric(s$coefficients[, 1]), se = as.numeric(s$coefficients[, 2]),
                t = as.numeric(s$coefficients[, 3]), p = as.numeric(s$coefficients[, 4]),
                lower = as.numeric(ci[, 1]), upper = as.numeric(ci[, 2]), sigma = s$sigma,
                r_squared = s$r.squared, adj_r_squared = s$adj.r.squared,
                change_estimate = as.numeric(change$coefficients[, 1]),
                change_se = as.numeric(change$coefficients[, 2]),
                change_p = as.numeric(change$coefficients[, 4])))
