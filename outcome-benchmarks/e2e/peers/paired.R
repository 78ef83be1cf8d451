# Before and after on the same people, as `outcome paired --before baseline --after after`:
# paired t-test, Wilcoxon signed-rank (wilcox.test's default: normal approximation with continuity
# and ties correction at this size, zero differences dropped), Cohen's d_z. Differences are after - before.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
ok <- !is.na(d$baseline) & !is.na(d$after)
before <- d$baseline[ok]
after <- d$after[ok]
tt <- t.test(after, before, paired = TRUE)
wx <- suppressWarnings(wilcox.test(after, before, paired = TRUE))
diff <- after - before
write_json(list(n = length(diff), mean_difference = mean(diff), sd_difference = sd(diff),
                t = as.numeric(tt$statistic), df = as.numeric(tt$parameter), p = tt$p.value,
                ci = as.numeric(tt$conf.int), wilcoxon_v = as.numeric(wx$statistic),
                wilcoxon_p = wx$p.value, cohen_dz = mean(diff) / sd(diff)))
