# Internal-consistency reference cases for outcome's tests, beyond the shared fixture
# psychometrics__attitude.json. Made with R 4.2.2 and psych 2.2.9 (Debian's r-cran-psych):
#   Rscript generate.R   (writes *.json here; the tests never need R)
# Each file: input columns (null = R's NA; rows with one are left out, as the library's complete
# cases, and R is given na.omit(x)); options (confLevel; reverse: columns reversed as
# scaleMin + scaleMax - x before the analysis); expected:
#   rawAlpha, stdAlpha, averageR, totalMean/totalSd (alpha(x, cumulative = TRUE)$total: the sum
#   score), itemTotalCorrelation (item.stats$raw.r), itemRestCorrelation (item.stats$r.drop),
#   alphaIfDropped / stdAlphaIfDropped (alpha.drop$raw_alpha / $std.alpha; absent with two items,
#   where psych prints C12/C22 and r12, which are not alphas), feldtLower/feldtUpper
#   (alpha.ci(raw_alpha, n, k, p.val = 1 - confLevel)), n, omittedRows (from 1), negativeItems
#   (items whose r.drop < 0);
#   omega (k >= 3): one-factor maximum likelihood on the correlation matrix,
#     omega = sum(l)^2 / (sum(l)^2 + sum(1 - l^2)), l the loadings: factanal(covmat = cor(x),
#     factors = 1)'s fit (its objective, gradient, start and bounds 0.005-1, copied below) with
#     optim run until it can improve no further, then polished by Newton steps on the stationarity
#     conditions (omegaTotal, loadings; with three items checked against the closed form
#     l_1 = sqrt(r12 r13 / r23), ...); and, outside expected,
#     psychFa: the same from psych::fa(x, 1, fm = "ml") with psych's default optim tolerance, which
#     stops earlier (L-BFGS-B's factr 1e7: a relative change of f below about 2e-9), so that it
#     agrees only to its own looser tolerance.
library(psych)
stopifnot(packageVersion("psych") == "2.2.9")

num <- function(x) paste0("[", paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ", "), "]")
one <- function(x) sprintf("%.17g", x)
str <- function(x) if (length(x) == 0) "[]" else paste0("[", paste0('"', x, '"', collapse = ", "), "]")

omega_ml <- function(x) {
  # factanal's own objective, gradient, start and bounds, with optim run until it can improve no
  # further (factanal itself refuses optim's "abnormal termination in line search", code 52, which
  # is how L-BFGS-B ends when asked for factr = 1)
  S <- cor(x)
  k <- ncol(S)
  fn <- function(psi) {
    e <- eigen(diag(1 / sqrt(psi)) %*% S %*% diag(1 / sqrt(psi)), symmetric = TRUE, only.values = TRUE)$values[-1]
    -(sum(log(e) - e) - 1 + k)
  }
  load <- function(psi) {
    e <- eigen(diag(1 / sqrt(psi)) %*% S %*% diag(1 / sqrt(psi)), symmetric = TRUE)
    sqrt(psi) * e$vectors[, 1] * sqrt(max(e$values[1] - 1, 0))
  }
  gr <- function(psi) {
    l <- load(psi)
    (l^2 + psi - diag(S)) / psi^2
  }
  start <- (1 - 0.5 / k) / diag(solve(S))
  fit <- optim(start, fn, gr, method = "L-BFGS-B", lower = 0.005, upper = 1,
               control = list(fnscale = 1, parscale = rep(0.01, k), factr = 1, pgtol = 0, maxit = 10000))
  stopifnot(fit$convergence %in% c(0, 52))
  psi <- fit$par
  # optim stops where f no longer changes in double precision, which leaves the loadings some 1e-9
  # from the minimum: polish with Newton steps on the stationarity conditions of the uniquenesses
  # not at a bound, lambda_i^2 + psi_i - 1 = 0 (central-difference Jacobian)
  h <- function(psi) load(psi)^2 + psi - diag(S)
  free <- psi > 0.005 + 1e-6 & psi < 1 - 1e-6
  for (step in 1:50) {
    r <- h(psi)[free]
    if (max(abs(r)) < 1e-15) break
    J <- sapply(which(free), function(j) {
      d <- 1e-6 * psi[j]; up <- psi; down <- psi; up[j] <- up[j] + d; down[j] <- down[j] - d
      (h(up) - h(down))[free] / (2 * d)
    })
    nxt <- psi
    nxt[free] <- psi[free] - solve(J, r)
    if (max(abs(h(nxt)[free])) >= max(abs(r))) break
    psi <- nxt
  }
  stopifnot(max(abs(h(psi)[free])) < 1e-13)
  l <- load(psi)
  l <- l * sign(sum(l))
  if (k == 3 && all(free)) { # just identified: the loadings in closed form
    exact <- sqrt(c(S[1, 2] * S[1, 3] / S[2, 3], S[1, 2] * S[2, 3] / S[1, 3], S[1, 3] * S[2, 3] / S[1, 2]))
    stopifnot(max(abs(abs(l) - exact)) < 1e-12)
  }
  # the same fit by factanal at its own (looser) tolerance, as a check of the transcription
  fa0 <- factanal(covmat = S, factors = 1)
  stopifnot(max(abs(abs(fa0$loadings[, 1]) - abs(l))) < 1e-4)
  list(l = l, omega = sum(l)^2 / (sum(l)^2 + sum(1 - l^2)), psi = psi)
}

write_case <- function(name, raw, note, conf = 0.95, reverse = character(0), scale = NULL) {
  x <- raw
  for (v in reverse) x[[v]] <- scale[1] + scale[2] - x[[v]]
  keep <- complete.cases(x)
  x <- x[keep, , drop = FALSE]
  k <- ncol(x)
  n <- nrow(x)
  a <- suppressWarnings(alpha(x, cumulative = TRUE, warnings = FALSE))
  ci <- alpha.ci(a$total$raw_alpha, n, k, p.val = 1 - conf)
  exp <- c(paste0('"n": ', n),
           paste0('"omittedRows": ', if (all(keep)) "[]" else num(which(!keep))),
           paste0('"rawAlpha": ', one(a$total$raw_alpha)),
           paste0('"stdAlpha": ', one(a$total$std.alpha)),
           paste0('"averageR": ', one(a$total$average_r)),
           paste0('"totalMean": ', one(a$total$mean)),
           paste0('"totalSd": ', one(a$total$sd)),
           paste0('"itemTotalCorrelation": ', num(a$item.stats$raw.r)),
           paste0('"itemRestCorrelation": ', num(a$item.stats$r.drop)),
           paste0('"negativeItems": ', str(names(x)[a$item.stats$r.drop < 0])),
           paste0('"feldtLower": ', one(ci$lower.ci)),
           paste0('"feldtUpper": ', one(ci$upper.ci)))
  if (k > 2) {
    exp <- c(exp, paste0('"alphaIfDropped": ', num(a$alpha.drop$raw_alpha)),
             paste0('"stdAlphaIfDropped": ', num(a$alpha.drop$std.alpha)))
    om <- omega_ml(x)
    f <- suppressWarnings(fa(x, nfactors = 1, fm = "ml"))
    lf <- f$loadings[, 1] * sign(sum(f$loadings[, 1]))
    exp <- c(exp, paste0('"omegaTotal": ', one(om$omega)), paste0('"loadings": ', num(om$l)))
    psych_fa <- paste0('  "psychFa": {"source": "psych 2.2.9: fa(x, nfactors = 1, fm = \'ml\')", ',
                       '"omegaTotal": ', one(sum(lf)^2 / (sum(lf)^2 + sum(f$uniquenesses))),
                       ', "loadings": ', num(lf), ', "tolerance": {"relative": 1e-05, "absolute": 1e-06}},\n')
  } else {
    psych_fa <- ""
  }
  input <- paste0("{", paste0('"', names(raw), '": ', sapply(raw, num), collapse = ",\n    "), "}")
  call <- paste0("alpha(x, cumulative = TRUE); alpha.ci(raw_alpha, n, k, p.val = ", 1 - conf,
                 "); factanal(covmat = cor(x), factors = 1) to convergence; fa(x, 1, fm = 'ml')")
  json <- paste0('{\n  "id": "psychometrics-case/', name, '",\n  "kind": "internal-consistency-case",\n',
                 '  "source": "R 4.2.2, psych 2.2.9: ', call, '",\n  "note": "', note, '",\n',
                 '  "input": ', input, ',\n',
                 '  "options": {"confLevel": ', conf, ', "reverse": ', str(reverse),
                 ', "scaleMin": ', if (is.null(scale)) "null" else scale[1],
                 ', "scaleMax": ', if (is.null(scale)) "null" else scale[2], '},\n',
                 '  "expected": {\n    ', paste(exp, collapse = ",\n    "), '\n  },\n',
                 psych_fa, '  "tolerance": {"relative": 1e-09, "absolute": 1e-12}\n}\n')
  writeLines(json, paste0(name, ".json"))
}

# 1. attitude, every statistic (the shared fixture has four).
write_case("attitude", attitude, "attitude (R datasets): 30 departments, 7 items")

# 2. bfi agreeableness A1-A5 (1-6 scale), A1 reverse-keyed as psych's keys; rows with NA left out.
a5 <- as.data.frame(bfi[, c("A1", "A2", "A3", "A4", "A5")])
write_case("bfi-agreeableness", a5, "psych's bfi, agreeableness; A1 reversed (7 - A1); rows with NA left out",
           reverse = "A1", scale = c(1, 6))

# 3. the same without reversing A1: A1 correlates negatively with the rest.
write_case("bfi-agreeableness-unreversed", a5, "A1 not reversed: a negative item-rest correlation",
           conf = 0.9)

# 4. a small set where one item runs against the others: alpha below zero.
set.seed(18)
f <- rnorm(12)
small <- data.frame(p1 = round(3 + f + rnorm(12, sd = 0.8)), p2 = round(3 + f + rnorm(12, sd = 0.8)),
                    p3 = round(3 - 2 * f + rnorm(12, sd = 0.5)), p4 = round(3 - 2 * f + rnorm(12, sd = 0.5)))
small$p2[5] <- NA
write_case("small-negative", small, "12 rows, two pairs of items running against each other; one NA",
           conf = 0.9)

# 5. two items: std alpha = 2 r / (1 + r); no alpha if dropped, no omega.
write_case("two-items", attitude[, c("rating", "complaints")], "two items of attitude")

# 6. three items: the one-factor model is just identified.
write_case("three-items", attitude[, c("rating", "privileges", "advance")], "three items of attitude",
           conf = 0.99)
