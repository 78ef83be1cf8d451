# Two independent groups on `baseline`, as `outcome compare --value baseline --group group`:
# Welch t-test, Mann-Whitney (wilcox.test's default: normal approximation with continuity and
# ties correction at this size), Cohen's d and Hedges' g. Differences are first - second group.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))

d <- read_cohort()
d[, group := factor(group)]
lv <- levels(d$group)
x <- d$baseline[d$group == lv[1]]
y <- d$baseline[d$group == lv[2]]
welch <- t.test(x, y)
mw <- wilcox.test(x, y)
nx <- length(x); ny <- length(y)
sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
cohen <- (mean(x) - mean(y)) / sp
write_json(list(groups = lv, n = c(nx, ny), mean = c(mean(x), mean(y)), sd = c(sd(x), sd(y)),
                welch_t = as.numeric(welch$statistic), welch_df = as.numeric(welch$parameter),
                welch_p = welch$p.value, welch_ci = as.numeric(welch$conf.int),
                mann_whitney_w = as.numeric(mw$statistic), mann_whitney_p = mw$p.value,
                cohen_d = cohen, hedges_g = cohen * (1 - 3 / (4 * (nx + ny) - 9))))
