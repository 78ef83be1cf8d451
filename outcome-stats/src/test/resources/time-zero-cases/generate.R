# Reference cases with rows at time 0 (a readmission, or a censoring, on the day of discharge).
# Made with R 4.2.2, survival 3.5-3 and cmprsk 2.2-11:  Rscript generate.R   (writes *.json here)
#
# Survival cases (kind "time-zero-survival"): input time, event, group, strata; expected, for each
# conf.type (log, log-log, plain), the curves of survfit(Surv(time, event) ~ group) ("curves") and of
# survfit(Surv(time, event) ~ 1) ("pooled"): the survfit components, summary(fit)$table (median and
# its limits; rmean and se(rmean) to the largest time, "common"), summary(fit, rmean = rmeanTau)$table
# and summary(fit, times = times, extend = TRUE) ("at"; its std.err is on the survival scale);
# survdiff with rho = 0 and rho = 1, and stratified when there are strata (df is the number of
# groups with expected events less one, as survdiff's print computes it); and the restricted mean
# contrast of the second group against the first at rmeanTau, with survRM2's formulas (as in
# WorkedExamplesTest). R's error message where R stops, in "error".
#
# Competing-risks cases (kind "competing-risks-case", the layout of ../competing-cases): cuminc and
# timepoints per group and cause, Gray's test, and crr on the covariates.
library(survival)
library(cmprsk)
stopifnot(packageVersion("survival") == "3.5.3", packageVersion("cmprsk") == "2.2.11")

num <- function(x) {
  # JSON has no infinity: 1e999 is a valid number that readers turn into Inf (as ../cox-cases)
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ", "), "]")
}
one <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "null" else
  if (is.infinite(x)) (if (x > 0) "1e999" else "-1e999") else sprintf("%.17g", x)
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
obj <- function(fields) paste0("{", paste0('"', names(fields), '": ', unlist(fields), collapse = ", "), "}")
arr <- function(items) paste0("[", paste(items, collapse = ",\n      "), "]")
quoted <- function(s) paste0('"', gsub('"', "'", gsub("\n", " ", s)), '"')

curve_json <- function(fit, i, label, tab, tabTau, at) {
  idx <- if (is.null(fit$strata)) seq_along(fit$time) else
    (c(0, cumsum(fit$strata))[i] + 1):cumsum(fit$strata)[i]
  row <- function(t) if (is.matrix(t)) t[i, ] else t
  tb <- row(tab)
  tt <- row(tabTau)
  who <- if (is.null(at$strata)) rep(TRUE, length(at$time)) else as.integer(at$strata) == i
  obj(list(stratum = quoted(label), time = num(fit$time[idx]), nRisk = num(fit$n.risk[idx]),
           nEvent = num(fit$n.event[idx]), nCensor = num(fit$n.censor[idx]), survival = num(fit$surv[idx]),
           stdErrCumHazard = num(fit$std.err[idx]), lower = num(fit$lower[idx]), upper = num(fit$upper[idx]),
           median = one(tb[["median"]]), medianLower = one(tb[[grep("LCL", names(tb))]]),
           medianUpper = one(tb[[grep("UCL", names(tb))]]), rmean = one(tb[["rmean"]]),
           rmeanSe = one(tb[["se(rmean)"]]), rmeanTau = one(tt[["rmean"]]), rmeanTauSe = one(tt[["se(rmean)"]]),
           at = obj(list(time = num(at$time[who]), nRisk = num(at$n.risk[who]), nEvent = num(at$n.event[who]),
                         nCensor = num(at$n.censor[who]), survival = num(at$surv[who]),
                         stdErrSurvival = num(at$std.err[who]), lower = num(at$lower[who]),
                         upper = num(at$upper[who])))))
}

km_json <- function(form, d, conf, times, tau) {
  fit <- survfit(form, data = d, conf.type = conf)
  tab <- summary(fit)$table
  tabTau <- summary(fit, rmean = tau)$table
  at <- summary(fit, times = times, extend = TRUE)
  n <- if (is.null(fit$strata)) 1 else length(fit$strata)
  labels <- if (is.null(fit$strata)) "all" else names(fit$strata)
  arr(sapply(seq_len(n), function(i) curve_json(fit, i, labels[i], tab, tabTau, at)))
}

logrank_json <- function(form, d, rho) {
  sd <- tryCatch(survdiff(form, data = d, rho = rho), error = function(e) e)
  if (inherits(sd, "error")) return(obj(list(error = quoted(conditionMessage(sd)))))
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(ex > 0) - 1
  obj(list(observed = num(obs), expected = num(ex), variance = num(c(sd$var)), chisq = one(sd$chisq),
           df = one(df), p = one(pchisq(sd$chisq, df, lower.tail = FALSE))))
}

rmst_json <- function(d, tau) {
  t <- summary(survfit(Surv(time, event) ~ group, data = d), rmean = tau)$table
  m0 <- t[1, "rmean"]; s0 <- t[1, "se(rmean)"]; m1 <- t[2, "rmean"]; s1 <- t[2, "se(rmean)"]
  dd <- m1 - m0; se <- sqrt(s1^2 + s0^2)
  lr <- log(m1) - log(m0); sel <- sqrt(s1^2 / m1^2 + s0^2 / m0^2); z <- qnorm(0.975)
  obj(list(tau = one(tau), rmean = num(t[, "rmean"]), rmeanSe = num(t[, "se(rmean)"]), difference = one(dd),
           differenceSe = one(se), differenceLower = one(dd - z * se), differenceUpper = one(dd + z * se),
           differenceP = one(2 * pnorm(-abs(dd) / se)), ratio = one(exp(lr)), logRatioSe = one(sel),
           ratioLower = one(exp(lr - z * sel)), ratioUpper = one(exp(lr + z * sel)),
           ratioP = one(2 * pnorm(-abs(lr) / sel))))
}

write_survival <- function(name, d, times, tau, note) {
  exp <- character(0)
  for (conf in c("log", "log-log", "plain")) {
    exp <- c(exp, paste0('"curves_', conf, '": ', km_json(Surv(time, event) ~ group, d, conf, times, tau)),
             paste0('"pooled_', conf, '": ', km_json(Surv(time, event) ~ 1, d, conf, times, tau)))
  }
  exp <- c(exp, paste0('"logrank": ', logrank_json(Surv(time, event) ~ group, d, 0)),
           paste0('"petoPeto": ', logrank_json(Surv(time, event) ~ group, d, 1)),
           paste0('"logrankStrata": ', logrank_json(Surv(time, event) ~ group + strata(strata), d, 0)),
           paste0('"rmst": ', rmst_json(d, tau)))
  input <- obj(list(time = num(d$time), event = num(d$event), group = str(d$group), strata = str(d$strata)))
  json <- paste0('{\n  "id": "time-zero-case/', name, '",\n  "kind": "time-zero-survival",\n',
                 '  "source": "R 4.2.2, survival 3.5-3: survfit(Surv(time, event) ~ group, data = d, conf.type = c); ',
                 'summary(fit)$table; summary(fit, rmean = rmeanTau)$table; summary(fit, times = times, extend = TRUE); ',
                 'survdiff(Surv(time, event) ~ group, data = d, rho = 0 | 1); survdiff(Surv(time, event) ~ group + strata(strata), data = d)",\n',
                 '  "note": "', note, '",\n',
                 '  "input": ', input, ',\n',
                 '  "options": {"times": ', num(times), ', "rmeanTau": ', one(tau), '},\n',
                 '  "expected": {\n    ', paste(exp, collapse = ",\n    "), '\n  },\n',
                 '  "tolerance": {"relative": 1e-09, "absolute": 1e-12}\n}\n')
  writeLines(json, paste0(name, ".json"))
}

times <- c(0, 0.5, 1, 3, 100)
g12 <- c("a", "b", "b", "a", "a", "b", "a", "b", "a", "b", "b", "a")
s12 <- c("s1", "s1", "s2", "s2", "s1", "s2", "s1", "s2", "s2", "s1", "s2", "s1")

write_survival("event-at-zero",
  data.frame(time = c(0, 1, 2, 2, 4, 5, 6, 7, 9, 10, 12, 15), event = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0),
             group = g12, strata = s12),
  times, 4, "one event at time 0 (group a, stratum s1)")

write_survival("censored-at-zero",
  data.frame(time = c(0, 0, 2, 2, 4, 5, 6, 7, 9, 10, 12, 15), event = c(0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0),
             group = g12, strata = s12),
  times, 4, "censorings at time 0 only, one in each group")

write_survival("zero-ties",
  data.frame(time = c(0, 0, 0, 0, 0, 3, 3, 4, 6, 8, 8, 11), event = c(1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1),
             group = g12, strata = s12),
  times, 4, "three events and two censorings tied at time 0, in both groups and strata")

write_survival("half-at-zero",
  data.frame(time = c(0, 0, 0, 0, 2, 3, 5, 8), event = c(1, 1, 1, 1, 1, 0, 1, 1),
             group = c("a", "b", "a", "b", "a", "b", "a", "b"), strata = c("s1", "s2", "s2", "s1", "s1", "s2", "s2", "s1")),
  times, 4, "half the rows are events at time 0: S(0) = 0.5 exactly, so the median is the midpoint of 0 and the next drop")

write_survival("group-at-zero",
  data.frame(time = c(0, 0, 0, 1, 2, 3, 3, 5, 8, 9), event = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 0),
             group = c("b", "b", "b", "a", "a", "a", "a", "a", "a", "a"),
             strata = c("s1", "s2", "s1", "s1", "s2", "s1", "s2", "s1", "s2", "s2")),
  times, 4, "every row of group b is at time 0 (two events, one censoring)")

write_survival("group-dies-at-zero",
  data.frame(time = c(0, 0, 0, 1, 2, 3, 3, 5, 8, 9), event = c(1, 1, 1, 1, 0, 1, 1, 0, 1, 0),
             group = c("b", "b", "b", "a", "a", "a", "a", "a", "a", "a"),
             strata = c("s1", "s2", "s1", "s1", "s2", "s1", "s2", "s1", "s2", "s2")),
  times, 4, "every row of group b is an event at time 0: its curve is 0 from 0 on, its restricted mean 0")

write_survival("only-zeros",
  data.frame(time = c(0, 0, 0, 0, 0, 0), event = c(1, 0, 1, 1, 0, 0), group = c("a", "a", "a", "b", "b", "b"),
             strata = c("s1", "s2", "s1", "s2", "s1", "s2")),
  times, 4, "every time is 0")

write_survival("all-events-at-zero",
  data.frame(time = c(0, 0, 0, 0, 0), event = c(1, 1, 1, 1, 1), group = c("a", "b", "a", "b", "a"),
             strata = c("s1", "s1", "s2", "s2", "s1")),
  times, 4, "every row is an event at time 0: the curve is 0 from time 0 on")

write_survival("near-zero",
  data.frame(time = c(0, 1e-10, 2e-9, 0.5, 1, 1, 2, 4, 6, 7), event = c(1, 1, 0, 1, 0, 1, 1, 0, 1, 0),
             group = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b"),
             strata = c("s1", "s1", "s2", "s2", "s1", "s2", "s1", "s2", "s1", "s2")),
  times, 4, "times 1e-10 and 2e-9 are within aeqSurv's tolerance of 0, so they are tied with it (timefix = TRUE)")

# ---- competing risks: the writer of ../competing-cases/generate.R ----
#
# crr is run on the times as given, and FineGray follows it. crr reads the censoring survival G
# "just before" each time as approx(..., xout = ftime * (1 - 100 * .Machine$double.eps)): at time 0
# that is G(0), after the censorings at 0, where at every later time it is G(t-), before the
# censorings at t. So crr's estimates change when every time is shifted by a constant, though the
# model depends only on the order of the times; crr on the times plus 1 (G(0-) = 1, as at every
# later time) is kept in "crrWithTimesShifted" for the record.
write_case <- function(name, d, times, group = NULL, strata = NULL, rho = 0, failcode = 1, covariates, note) {
  ci <- if (is.null(group)) cuminc(d$time, d$status, rho = rho) else
    if (is.null(strata)) cuminc(d$time, d$status, d[[group]], rho = rho) else
      cuminc(d$time, d$status, d[[group]], d[[strata]], rho = rho)
  tp <- timepoints(ci, times)
  exp <- character(0)
  for (r in rownames(tp$est)) {
    parts <- strsplit(r, " ")[[1]]
    key <- paste0(parts[1], "_", parts[2])
    exp <- c(exp, paste0('"cif', key, '": ', num(tp$est[r, ])), paste0('"cifVar', key, '": ', num(tp$var[r, ])))
  }
  if (!is.null(ci$Tests)) {
    for (k in rownames(ci$Tests)) {
      exp <- c(exp, paste0('"grayStat', k, '": ', one(ci$Tests[k, "stat"])),
               paste0('"grayP', k, '": ', one(ci$Tests[k, "pv"])))
    }
  }
  # (with every time 0, approx warns that it collapses the duplicated time 0 of its table)
  fit <- suppressWarnings(crr(d$time, d$status, as.matrix(d[, covariates, drop = FALSE]), failcode = failcode))
  se <- sqrt(diag(fit$var))
  shifted <- crr(d$time + 1, d$status, as.matrix(d[, covariates, drop = FALSE]), failcode = failcode)
  plusOne <- obj(list(fineGrayCoef = num(shifted$coef), fineGraySe = num(sqrt(diag(shifted$var))),
                      fineGrayLoglik = one(shifted$loglik), fineGrayLoglikNull = one(shifted$loglik.null)))
  exp <- c(exp, paste0('"fineGrayCoef": ', num(fit$coef)), paste0('"fineGraySe": ', num(se)),
           paste0('"fineGrayP": ', num(2 * (1 - pnorm(abs(fit$coef / se))))),
           paste0('"fineGrayLoglik": ', one(fit$loglik)),
           paste0('"fineGrayLoglikNull": ', one(fit$loglik.null)),
           paste0('"fineGrayConverged": ', tolower(fit$converged)))
  cols <- d[, unique(c("time", "status", group, strata, covariates)), drop = FALSE]
  input <- paste0("{", paste0('"', names(cols), '": ',
                              sapply(cols, function(v) if (is.character(v)) str(v) else num(v)), collapse = ", "), "}")
  opt <- function(x) if (is.null(x)) "null" else paste0('"', x, '"')
  call <- paste0("cuminc(time, status", if (!is.null(group)) paste0(", ", group) else "",
                 if (!is.null(strata)) paste0(", ", strata) else "", ", rho = ", rho, "); timepoints(ci, times); crr(time, status, cbind(",
                 paste(covariates, collapse = ", "), "), failcode = ", failcode, ")")
  json <- paste0('{\n  "id": "time-zero-case/', name, '",\n  "kind": "competing-risks-case",\n',
                 '  "source": "R 4.2.2, cmprsk 2.2-11: ', call, '",\n  "note": "', note, '",\n',
                 '  "input": ', input, ',\n',
                 '  "options": {"times": ', num(times), ', "group": ', opt(group), ', "strata": ', opt(strata),
                 ', "rho": ', rho, ', "failCode": ', failcode, ', "covariates": ', str(covariates), '},\n',
                 '  "expected": {\n    ', paste(exp, collapse = ",\n    "), '\n  },\n',
                 '  "tolerance": {"relative": 1e-06, "absolute": 1e-09},\n',
                 '  "crrWithTimesShifted": ', plusOne, '\n}\n')
  writeLines(json, paste0(name, ".json"))
}

set.seed(17)
n <- 40
d <- data.frame(time = sample(0:8, n, replace = TRUE), status = sample(0:2, n, replace = TRUE),
                arm = sample(c("a", "b"), n, replace = TRUE), site = sample(c("s1", "s2"), n, replace = TRUE),
                x = round(rnorm(n), 2))
d$time[1:6] <- 0
d$status[1:6] <- c(1, 1, 2, 0, 1, 0)
write_case("competing-zero-ties", d, c(0, 0.5, 1, 4, 8), group = "arm", strata = "site",
           covariates = c("x"), note = "events of both causes and censorings tied at time 0, in both arms")
write_case("competing-zero-ties-rho1", d, c(0, 0.5, 1, 4, 8), group = "arm", rho = 1, failcode = 2,
           covariates = c("x"), note = "the same rows, rho = 1, cause 2 of interest")

d <- data.frame(time = c(0, 0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7), status = c(1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 2, 0),
                arm = c("b", "b", "b", "b", "a", "a", "a", "a", "a", "a", "a", "a"),
                x = c(0.5, -1.2, 0.3, 1.1, -0.4, 0.8, -0.9, 0.2, 1.5, -0.7, 0.1, -0.3))
write_case("competing-group-at-zero", d, c(0, 1, 3, 10), group = "arm", covariates = c("x"),
           note = "every row of arm b is at time 0")

d <- data.frame(time = c(0, 0, 0, 0, 0, 0, 0), status = c(1, 2, 0, 1, 1, 0, 2), arm = c("a", "a", "a", "b", "b", "b", "b"),
                x = c(0.5, -1.2, 0.3, 1.1, -0.4, 0.8, -0.9))
ok <- tryCatch({ write_case("competing-only-zeros", d, c(0, 1), group = "arm", covariates = c("x"),
                            note = "every time is 0"); TRUE }, error = function(e) { message("only zeros: ", conditionMessage(e)); FALSE })
