# Independent reference for the examples' tests: scores the Empowerment Scale in R (not with the
# library), pairs baseline and follow-up, and runs the analyses the example programs print.
# Run from the examples folder:  Rscript src/test/r/scores.R
# (R 4.2.2; survival 3.5-3.)
es <- read.csv("data/empowerment-scale.csv", stringsAsFactors = FALSE)
people <- read.csv("data/people.csv", stringsAsFactors = FALSE)
sessions <- read.csv("data/sessions.csv", stringsAsFactors = FALSE)
items <- paste0("q", 1:28)
reversed <- paste0("q", c(4, 7, 8, 10, 16, 17, 21, 22, 23))
answers <- as.matrix(es[, items])
rejected <- apply(answers, 1, function(a) any(!is.na(a) & (a < 1 | a > 4)))   # rows outside the scale 1-4
es <- es[!rejected, ]
keyed <- es[, items]
keyed[, reversed] <- 5 - keyed[, reversed]
es$score <- rowMeans(keyed)                                                  # NA when any item is missing
scores <- merge(people[, c("subject", "group")],
                merge(es[es$timepoint == "baseline", c("subject", "score")],
                      es[es$timepoint == "follow-up", c("subject", "score")],
                      by = "subject", all = TRUE, suffixes = c(".before", ".after")),
                by = "subject", all.x = TRUE)
scores <- merge(scores, sessions, by = "subject", all.x = TRUE)
scores$change <- scores$score.after - scores$score.before
complete <- scores[!is.na(scores$change), ]

# Cohen's d_z = mean(d) / sd(d) with the exact noncentral-t interval: the noncentrality parameters
# whose t distributions put the observed t at their 97.5% and 2.5% points, divided by sqrt(n).
dz <- function(d, level = 0.95) {
  n <- length(d); t <- mean(d) / sd(d) * sqrt(n)
  ncp <- function(p) uniroot(function(x) pt(t, n - 1, x) - p, c(t - 10, t + 10), tol = 1e-12)$root
  c(dz = mean(d) / sd(d), lower = ncp((1 + level) / 2) / sqrt(n), upper = ncp((1 - level) / 2) / sqrt(n))
}
# Hedges' g of two groups: J(df) * d, d = (mean(x) - mean(y)) / pooled SD, the interval of d from the
# noncentral t of Student's t statistic, times J; J(df) = gamma(df/2) / (sqrt(df/2) gamma((df-1)/2)).
hedges <- function(x, y, level = 0.95) {
  nx <- length(x); ny <- length(y); df <- nx + ny - 2
  sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / df)
  d <- (mean(x) - mean(y)) / sp; k <- sqrt(nx * ny / (nx + ny)); t <- d * k
  ncp <- function(p) uniroot(function(v) pt(t, df, v) - p, c(t - 10, t + 10), tol = 1e-12)$root
  j <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  c(g = j * d, lower = j * ncp((1 + level) / 2) / k, upper = j * ncp((1 - level) / 2) / k)
}

# The sign test as the examples' plugin computes it: binom.test on the non-zero differences; the
# median of all differences with the order-statistic interval (k-th smallest and largest, k the
# largest with P(X < k) <= 0.025 for X ~ Binomial(n, 1/2)).
sign_test <- function(d) {
  n <- length(d); k <- max(which(pbinom((0:n) - 1, n, 0.5) <= 0.025)) - 1; s <- sort(d)
  c(median = median(d), lower = s[k], upper = s[n - k + 1], p = binom.test(sum(d > 0), sum(d != 0))$p.value)
}

# The Mental Health Confidence Scale, for the whole evaluation's multiplicity family: the mean of
# 16 items (1-6, none reversed), rows with an answer outside 1-6 rejected, a missing item leaving no score.
mhcs_scores <- function() {
  m <- read.csv("data/mhcs.csv", stringsAsFactors = FALSE)
  a <- as.matrix(m[, paste0("q", 1:16)])
  m <- m[!apply(a, 1, function(x) any(!is.na(x) & (x < 1 | x > 6))), ]
  m$score <- rowMeans(m[, paste0("q", 1:16)])
  out <- merge(people[, c("subject", "group")],
               merge(m[m$timepoint == "baseline", c("subject", "score")], m[m$timepoint == "follow-up", c("subject", "score")],
                     by = "subject", suffixes = c(".before", ".after")), by = "subject")
  out <- out[!is.na(out$score.before) & !is.na(out$score.after), ]
  out$group <- relevel(factor(out$group), "usual-care")
  out
}
