# Extra Cox reference cases for outcome's tests, beyond the shared fixtures.
# Made with R 4.2.2 and survival 3.5-3:  Rscript generate.R   (writes *.json here)
# Test statistics are the unrounded fit$wald.test, fit$score, fit$rscore (summary() rounds them).
# Each file has the fixture layout (see ../fixtures/README.md) plus expected
# concordanceSe, robustScore and iterations, and R's warnings in rWarnings; options.iterMax is
# R's iter.max where a case sets it.
library(survival)
stopifnot(packageVersion("survival") == "3.5.3")

num <- function(x) {
  # JSON has no infinity: 1e999 is a valid number that readers turn into Inf
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ", "), "]")
}
one <- function(x) if (is.null(x) || is.na(x)) "null" else sprintf("%.17g", x)
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, num), collapse = ", "), "]")

write_case <- function(name, data, rhs, ties, strata = NULL, cluster = NULL, robust = NULL, weights = NULL,
                       note = "", iter_max = NULL) {
  counting <- "start" %in% names(data)
  terms <- setdiff(names(data), c("start", "time", "event", strata, cluster, weights))
  form <- paste(if (counting) "Surv(start, time, event) ~" else "Surv(time, event) ~", paste(terms, collapse = " + "))
  if (!is.null(strata)) form <- paste0(form, " + strata(", strata, ")")
  if (!is.null(cluster)) form <- paste0(form, " + cluster(", cluster, ")")
  call <- paste0("coxph(", form, ", data = d, ties = '", ties, "'",
                 if (!is.null(weights)) paste0(", weights = ", weights) else "",
                 if (!is.null(robust)) paste0(", robust = ", robust) else "",
                 if (!is.null(iter_max)) paste0(", iter.max = ", iter_max) else "", ")")
  warns <- character(0)
  fit <- withCallingHandlers(eval(parse(text = call)),
                             warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  cf <- s$coefficients
  ci <- s$conf.int
  robust_fit <- !is.null(fit$naive.var)
  # outcome computes neither the concordance nor cox.zph for a weighted model or (start, stop]
  # rows: not recorded then
  plain <- is.null(weights) && !counting
  zph <- if (plain) tryCatch(cox.zph(fit)$table, error = function(e) NULL) else NULL
  cols <- c(if (counting) list(start = d$start), list(time = d$time, event = d$event),
            lapply(d[, setdiff(names(d), c("start", "time", "event")), drop = FALSE], identity))
  input <- paste0("{", paste0('"', names(cols), '": ', sapply(cols, function(v) if (is.character(v)) str(v) else num(v)), collapse = ", "), "}")
  opt <- function(x) if (is.null(x)) "null" else paste0('"', x, '"')
  exp <- c(
    paste0('"terms": ', str(names(fit$coefficients))),
    paste0('"coef": ', num(cf[, "coef"])),
    paste0('"se": ', num(if (robust_fit) cf[, "robust se"] else cf[, "se(coef)"])),
    paste0('"naiveSe": ', if (robust_fit) num(cf[, "se(coef)"]) else "null"),
    paste0('"hazardRatio": ', num(cf[, "exp(coef)"])),
    paste0('"z": ', num(cf[, "z"])),
    paste0('"p": ', num(cf[, "Pr(>|z|)"])),
    paste0('"hrLower": ', num(ci[, 3])),
    paste0('"hrUpper": ', num(ci[, 4])),
    paste0('"variance": ', mat(fit$var)),
    paste0('"loglikNull": ', one(fit$loglik[1])),
    paste0('"loglik": ', one(fit$loglik[2])),
    paste0('"likelihoodRatio": ', one(2 * (fit$loglik[2] - fit$loglik[1]))),
    paste0('"wald": ', one(fit$wald.test)),
    paste0('"score": ', one(fit$score)),
    paste0('"robustScore": ', if (robust_fit) one(fit$rscore) else "null"),
    if (plain) paste0('"concordance": ', one(fit$concordance["concordance"])),
    if (plain) paste0('"concordanceSe": ', one(fit$concordance["std"])),
    paste0('"n": ', fit$n),
    paste0('"nEvent": ', fit$nevent),
    paste0('"iterations": ', fit$iter),
    if (!is.null(zph)) paste0('"zph": {"rows": ', str(rownames(zph)), ', "chisq": ', num(zph[, "chisq"]),
                              ', "df": ', num(zph[, "df"]), ', "p": ', num(zph[, "p"]), '}'))
  json <- paste0('{\n  "id": "cox-case/', name, '",\n  "kind": "cox",\n',
                 '  "source": "R 4.2.2, survival 3.5.3: ', call, '; summary(fit)',
                 if (plain) '; cox.zph(fit)' else '', '",\n',
                 '  "note": "', note, '",\n',
                 '  "input": ', input, ',\n',
                 '  "options": {"ties": "', ties, '", "strata": ', opt(strata), ', "cluster": ', opt(cluster),
                 ', "robust": ', if (is.null(robust)) "null" else tolower(robust), ', "weights": ', opt(weights),
                 if (!is.null(iter_max)) paste0(', "iterMax": ', iter_max) else "", '},\n',
                 '  "expected": {\n    ', paste(exp, collapse = ",\n    "), '\n  },\n',
                 '  "rWarnings": ', if (length(warns)) str(gsub('"', "'", trimws(warns))) else "[]", ',\n',
                 '  "tolerance": {"relative": 1e-06, "absolute": 1e-09}\n}\n')
  writeLines(json, paste0(name, ".json"))
}

# 1. Three covariates, times in whole units with many ties, a covariate with tied values.
set.seed(20261125)
n <- 60
d <- data.frame(time = sample(1:8, n, replace = TRUE), event = rbinom(n, 1, 0.7),
                treated = rbinom(n, 1, 0.5), severity = sample(1:4, n, replace = TRUE),
                score = round(rnorm(n, 50, 10), 1))
write_case("ties3-efron", d, NULL, "efron", note = "many tied times; severity has tied values")
write_case("ties3-breslow", d, NULL, "breslow", note = "many tied times; severity has tied values")

# 2. Strata and cluster together.
set.seed(7)
n <- 80
d <- data.frame(time = round(rexp(n, 0.1), 1) + 0.1, event = rbinom(n, 1, 0.75),
                peer = rbinom(n, 1, 0.5), age = round(rnorm(n, 40, 12)),
                site = sample(c("north", "south", "west"), n, replace = TRUE),
                team = sample(1:12, n, replace = TRUE))
write_case("strata-cluster", d, NULL, "efron", strata = "site", cluster = "team",
           note = "strata and cluster together")

# 3. Robust variance without a cluster column (each row its own cluster).
set.seed(11)
n <- 50
d <- data.frame(time = sample(1:20, n, replace = TRUE), event = rbinom(n, 1, 0.6),
                x = round(runif(n, -1, 2), 2), w = rbinom(n, 1, 0.3))
write_case("robust-breslow", d, NULL, "breslow", robust = TRUE, note = "robust = TRUE without a cluster")

# 4. Twelve strata: R's concordance switches to its counting-process form above ten strata.
set.seed(3)
n <- 120
d <- data.frame(time = sample(1:30, n, replace = TRUE), event = rbinom(n, 1, 0.65),
                x = round(rnorm(n), 2), g = sample(sprintf("s%02d", 1:12), n, replace = TRUE))
write_case("twelve-strata", d, NULL, "efron", strata = "g", note = "more than ten strata")

# 5. Monotone likelihood: every row with x = 1 has the event before any row with x = 0.
d <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8), event = c(1, 1, 1, 0, 1, 1, 0, 1),
                x = c(1, 1, 1, 1, 0, 0, 0, 0), z = c(0.5, 1.2, -0.3, 0.8, 2.1, -1.0, 0.4, 0.9))
write_case("monotone", d, NULL, "efron", note = "monotone likelihood in x: R warns that its coefficient may be infinite")

# 6. Nearly equal times, merged by R's timefix.
d <- data.frame(time = c(5, 5 + 1e-10, 7, 7 * (1 + 4e-9), 9, 10, 12, 12 + 2e-12, 15, 20, 21, 22),
                event = c(1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0),
                x = c(0.2, 1.4, -0.5, 0.9, 0.1, 1.8, -1.2, 0.3, 0.7, -0.4, 1.1, 0.0))
write_case("timefix", d, NULL, "efron", note = "times equal within sqrt(double eps) are tied")

# 7. Case weights from a propensity score (ATT odds weights, not whole numbers): R makes the
#    variance robust by itself, each row its own cluster. Lung cancer data, complete cases.
d0 <- na.omit(lung[, c("time", "status", "sex", "age", "ph.ecog", "inst")])
ps <- fitted(glm(I(sex == 2) ~ age + ph.ecog, family = binomial, data = d0))
d <- data.frame(time = d0$time, event = d0$status - 1, female = as.numeric(d0$sex == 2), age = d0$age,
                wt = ifelse(d0$sex == 2, 1, ps / (1 - ps)))
write_case("weighted-efron", d, NULL, "efron", weights = "wt",
           note = "propensity (ATT) weights: robust variance by R's rule for weights that are not whole numbers")
write_case("weighted-breslow", d, NULL, "breslow", weights = "wt", robust = TRUE,
           note = "propensity (ATT) weights, Breslow ties, robust = TRUE")

# 8. Weights with strata and a cluster (the institution), Efron ties.
set.seed(8)
d <- data.frame(time = d0$time, event = d0$status - 1, female = as.numeric(d0$sex == 2), ecog = d0$ph.ecog,
                age = d0$age, inst = d0$inst, wt = round(runif(nrow(d0), 0.2, 4), 3))
d$band <- ifelse(d$age < 60, "under60", "60plus")
d$age <- NULL
write_case("weighted-strata-cluster", d, NULL, "efron", strata = "band", cluster = "inst", weights = "wt",
           note = "case weights with strata and a cluster")

# 9. Whole-number (frequency) weights, many tied times, Efron ties, model-based variance:
#    a tied time's events share their mean weight.
set.seed(99)
n <- 40
d <- data.frame(time = sample(1:6, n, replace = TRUE), event = rbinom(n, 1, 0.7),
                x = round(rnorm(n), 2), wt = sample(1:4, n, replace = TRUE))
write_case("weighted-integer-efron", d, NULL, "efron", weights = "wt",
           note = "whole-number weights: the model-based variance")

# 10. Counting-process (start, stop] rows: the Andersen-Gill model of recurrent infections (cgd),
#     robust variance clustered on the person; Breslow ties, and strata by the hospital category.
d <- data.frame(start = cgd$tstart, time = cgd$tstop, event = cgd$status,
                treat = as.numeric(cgd$treat == "rIFN-g"), age = cgd$age, steroids = cgd$steroids, id = cgd$id)
write_case("counting-cgd-breslow", d, NULL, "breslow", cluster = "id",
           note = "Andersen-Gill on cgd, Breslow ties")
d$hos <- as.character(cgd$hos.cat)
write_case("counting-cgd-strata", d, NULL, "efron", strata = "hos", cluster = "id",
           note = "Andersen-Gill on cgd, strata by hospital category")

# 11. Counting-process rows with whole-day times: starts equal to other rows' event times (a row is
#     not at risk at its own start), many ties, strata by the event number (PWP total time), case
#     weights, and a person whose intervals all start after the last event of the stratum.
set.seed(17)
people <- 45
rows <- do.call(rbind, lapply(seq_len(people), function(i) {
  k <- sample(1:4, 1); cuts <- sort(sample(1:30, k + 1)); x <- round(rnorm(1), 2)
  data.frame(start = head(c(0, cuts), -1)[seq_len(k + 1)], time = cuts, event = c(rbinom(k, 1, 0.7), 0),
             x = x, g = rbinom(1, 1, 0.5), id = i, enum = seq_len(k + 1))
}))
rows <- rows[rows$start < rows$time, ]
rows$wt <- round(runif(nrow(rows), 0.5, 2), 2)
d <- rows[, c("start", "time", "event", "x", "g", "id")]
write_case("counting-ties-efron", d, NULL, "efron", cluster = "id", note = "whole-day intervals, many ties")
d$enum <- as.character(rows$enum)
d$wt <- rows$wt
write_case("counting-pwp-weighted", d, NULL, "breslow", strata = "enum", cluster = "id", weights = "wt",
           note = "strata by event number (PWP total time), case weights, Breslow ties")

# 12. Fits that run out of iterations (R warns "Ran out of iterations and did not converge"): in
#     each, a combination of the covariates orders the events, so the coefficients drift off
#     together and the log-likelihood still rises by more than eps after 20 iterations. What R
#     3.5-3 reports then (coxfit6.c, right-censored rows): the last accepted coefficients, iter =
#     21, and as variance chinv2 applied to an information matrix that was never factored, which
#     leaves 1 / I_jj on the diagonal and zeros elsewhere; robust variance, Wald test and standard
#     errors follow from that. (agfit4.c, counting-process rows): the last proposal with the inverse
#     of its information, iter = 20.
#     The data were found by searching small random data sets for the warning, keeping those whose
#     values in R agree, within half this file's tolerance, with an 80-digit evaluation of the same
#     algorithm (R's own rounding makes some such fits, with information matrices singular to
#     within 1e-10, reproducible only to a few digits).
d <- data.frame(time = c(5, 1, 3, 5, 2), event = c(1, 1, 1, 0, 1),
                x1 = c(0.2, 1, 1, -1.6, 1), x2 = c(-1.7, 2, -1.7, 1, 0))
write_case("nonconverged-efron", d, NULL, "efron", note = "ran out of iterations: two covariates, Efron ties")
d <- data.frame(time = c(1, 5, 4, 3, 5, 2), event = c(0, 0, 1, 1, 1, 1), x1 = c(0, 2.9, 2, -0.1, 0, 0.4),
                x2 = c(0.4, 1, 0, 0, 0, 0), x3 = c(2, 0, 0.9, 0.1, -0.7, -0.7))
write_case("nonconverged-breslow3", d, NULL, "breslow", note = "ran out of iterations: three covariates, Breslow ties")
d <- data.frame(time = c(5, 4, 4, 2, 2), event = c(1, 1, 1, 0, 1),
                x1 = c(0.5, 0.5, 0, 0, 0), x2 = c(1.1, 2, 0.9, -0.5, 2))
write_case("nonconverged-robust", d, NULL, "efron", robust = TRUE,
           note = "ran out of iterations: robust = TRUE, the dfbeta residuals times R's diagonal variance")
d <- data.frame(time = c(1, 4, 5, 5, 6, 5), event = c(1, 1, 1, 1, 1, 1), x1 = c(2, 0, -0.5, -0.5, -0.9, 1),
                x2 = c(1.4, 0.6, 0.6, 0.6, 1.4, 1.4), id = c(1, 1, 2, 2, 3, 3))
write_case("nonconverged-cluster", d, NULL, "breslow", cluster = "id",
           note = "ran out of iterations: clusters; R's robust standard errors are about 1e-8")
d <- data.frame(time = c(1, 5, 4, 2, 6, 4), event = c(1, 1, 1, 1, 1, 1), x1 = c(-0.9, -0.9, 0, 0, 1, 1),
                x2 = c(-0.6, 0.1, 0.6, -0.6, 2, 0.6), g = c("a", "b", "a", "b", "a", "b"))
write_case("nonconverged-strata", d, NULL, "efron", strata = "g", note = "ran out of iterations: two strata")
d <- data.frame(time = c(1, 4, 1, 1, 2), event = c(0, 1, 1, 0, 0), x1 = c(2, 0.3, -0.4, 0.5, -0.4),
                x2 = c(1, -1.5, -1.5, -1.5, 0.2), wt = c(0.8, 0.6, 0.8, 0.9, 2))
write_case("nonconverged-weighted", d, NULL, "breslow", weights = "wt",
           note = "ran out of iterations: case weights that are not whole numbers (robust variance)")
d <- data.frame(time = c(3, 2, 2, 4, 1), event = c(1, 1, 0, 1, 1), x1 = c(-1.5, 0.8, -1.5, 0.8, 0.8),
                x2 = c(-0.5, -0.5, -0.5, -1.6, 2.6), wt = c(2, 2, 1, 2, 3))
write_case("nonconverged-frequency-weights", d, NULL, "efron", weights = "wt",
           note = "ran out of iterations: whole-number weights (model-based variance)")
d <- data.frame(time = c(2, 6, 5, 6, 1, 5), event = c(0, 1, 1, 1, 0, 0), x1 = c(2, -0.1, -0.9, 2, 0.5, -0.1),
                x2 = c(0, -0.2, 0, -0.8, 2, 2))
write_case("nonconverged-infinite", d, NULL, "efron",
           note = "ran out of iterations with linear predictors above 500: R also warns that coefficients may be infinite")
d <- data.frame(time = c(1, 6, 2, 7, 1, 5, 6, 6, 9), event = c(1, 0, 0, 1, 1, 1, 1, 1, 0),
                x1 = c(0, 1, 1.5, 2, 30, -1, 0, 2, 1), x2 = c(-1, 0, 30, 0, -1, 1.5, 2, 1.5, 0.5))
write_case("one-iteration-halved", d, NULL, "efron", iter_max = 1,
           note = paste("iter.max = 1, and the first Newton step (thrown far by the values 30) lowers the likelihood:",
                        "R returns the start, zero, with the inverse information at the rejected step, iter = 2"))
d <- data.frame(start = c(2, 0, 1, 0), time = c(3, 1, 4, 1), event = c(1, 1, 1, 1),
                x1 = c(-1, 0, 1, -1), x2 = c(2, 0, 0, 0))
write_case("nonconverged-counting-efron", d, NULL, "efron", note = "(start, stop] rows, ran out of iterations: Efron ties")
d <- data.frame(start = c(4, 4, 5, 0, 5, 5, 4, 3, 0), time = c(6, 6, 7, 2, 7, 7, 7, 4, 3),
                event = c(1, 0, 1, 1, 1, 0, 1, 1, 0), x1 = c(0.5, -0.6, 0, 1, -0.3, -0.3, 0, 0, -0.6),
                x2 = c(0, 1, 1, -0.5, 1, 0, 0.1, 0.1, 0), x3 = c(2, -0.2, 0, 2, 1.2, 0.4, 1.2, 2, 1))
write_case("nonconverged-counting-breslow3", d, NULL, "breslow",
           note = "(start, stop] rows, ran out of iterations: three covariates, Breslow ties")
d <- data.frame(start = c(2, 5, 7, 0, 9, 3, 3, 6, 1, 8), time = c(3, 8, 10, 1, 10, 6, 5, 9, 2, 10),
                event = c(1, 1, 1, 1, 1, 0, 1, 0, 0, 1), x1 = c(-1.2, 0, -1.2, 0, 1, 2, -1.2, 2, -0.1, 1),
                x2 = c(0, 1, 0.4, 0.4, 0.4, 1, 1, -1.7, 2, 0.4), x3 = c(1, 0.1, 1.2, 0.4, 2, 2, 2, 1.2, 0.4, 2),
                id = c(1, 1, 2, 2, 3, 3, 4, 4, 5, 5))
write_case("nonconverged-counting-cluster", d, NULL, "breslow", cluster = "id",
           note = "(start, stop] rows, ran out of iterations: three covariates, robust variance clustered on the person")
d <- data.frame(start = c(4, 0, 0, 2, 8, 1, 6, 7, 0), time = c(7, 1, 3, 5, 9, 4, 7, 9, 1),
                event = c(1, 1, 1, 1, 1, 1, 1, 1, 0), x1 = c(1, 2, 2, 2, 0.9, 0, 0.9, 0.9, 0.9),
                x2 = c(-0.1, 0, 2, 0, 1, -0.6, 1, 2, 1), g = c("a", "b", "a", "b", "a", "b", "a", "b", "a"))
write_case("nonconverged-counting-strata", d, NULL, "efron", strata = "g",
           note = "(start, stop] rows, ran out of iterations: two strata")
d <- data.frame(start = c(2, 0, 0, 0, 2), time = c(5, 1, 1, 1, 4), event = c(1, 1, 1, 0, 1),
                x1 = c(-0.1, -0.1, 0, -1.2, 1), x2 = c(0, -1.3, 2.2, -1.3, 0.8), wt = c(1.5, 0.9, 1.3, 0.5, 0.7))
write_case("nonconverged-counting-weighted", d, NULL, "breslow", weights = "wt",
           note = "(start, stop] rows, ran out of iterations: case weights (robust variance)")
