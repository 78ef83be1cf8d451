# Competing-risks reference cases for outcome's tests, beyond the shared fixture.
# Made with R 4.2.2, cmprsk 2.2-11 and survival 3.5-3:  Rscript generate.R   (writes *.json here)
# Each file: input columns; options (times, group, strata, rho, failCode, covariates); expected:
#   cif<g>_<k> and cifVar<g>_<k>: timepoints(cuminc(...), times) for group g and cause k (NA -> null);
#   grayStat<k>, grayP<k>: cuminc's Tests; fineGrayCoef/Se/P, fineGrayLoglik, fineGrayLoglikNull: crr.
library(cmprsk)
library(survival)
stopifnot(packageVersion("cmprsk") == "2.2.11")

num <- function(x) paste0("[", paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ", "), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")

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
      exp <- c(exp, paste0('"grayStat', k, '": ', sprintf("%.17g", ci$Tests[k, "stat"])),
               paste0('"grayP', k, '": ', sprintf("%.17g", ci$Tests[k, "pv"])))
    }
  }
  fit <- crr(d$time, d$status, as.matrix(d[, covariates, drop = FALSE]), failcode = failcode)
  se <- sqrt(diag(fit$var))
  exp <- c(exp, paste0('"fineGrayCoef": ', num(fit$coef)), paste0('"fineGraySe": ', num(se)),
           paste0('"fineGrayP": ', num(2 * (1 - pnorm(abs(fit$coef / se))))),
           paste0('"fineGrayLoglik": ', sprintf("%.17g", fit$loglik)),
           paste0('"fineGrayLoglikNull": ', sprintf("%.17g", fit$loglik.null)),
           paste0('"fineGrayConverged": ', tolower(fit$converged)))
  cols <- d[, unique(c("time", "status", group, strata, covariates)), drop = FALSE]
  input <- paste0("{", paste0('"', names(cols), '": ',
                              sapply(cols, function(v) if (is.character(v)) str(v) else num(v)), collapse = ", "), "}")
  opt <- function(x) if (is.null(x)) "null" else paste0('"', x, '"')
  call <- paste0("cuminc(time, status", if (!is.null(group)) paste0(", ", group) else "",
                 if (!is.null(strata)) paste0(", ", strata) else "", ", rho = ", rho, "); timepoints(ci, times); crr(time, status, cbind(",
                 paste(covariates, collapse = ", "), "), failcode = ", failcode, ")")
  json <- paste0('{\n  "id": "competing-case/', name, '",\n  "kind": "competing-risks-case",\n',
                 '  "source": "R 4.2.2, cmprsk 2.2-11: ', call, '",\n  "note": "', note, '",\n',
                 '  "input": ', input, ',\n',
                 '  "options": {"times": ', num(times), ', "group": ', opt(group), ', "strata": ', opt(strata),
                 ', "rho": ', rho, ', "failCode": ', failcode, ', "covariates": ', str(covariates), '},\n',
                 '  "expected": {\n    ', paste(exp, collapse = ",\n    "), '\n  },\n',
                 '  "tolerance": {"relative": 1e-06, "absolute": 1e-09}\n}\n')
  writeLines(json, paste0(name, ".json"))
}

# 1. mgus2: progression (1) or death (2), by sex; Fine-Gray for death on age, sex and haemoglobin.
m <- na.omit(mgus2[, c("age", "sex", "hgb", "ptime", "pstat", "futime", "death")])
d <- data.frame(time = ifelse(m$pstat == 0, m$futime, m$ptime),
                status = ifelse(m$pstat == 0, 2 * m$death, 1),
                sex = as.character(m$sex), age = m$age, male = as.numeric(m$sex == "M"), hgb = m$hgb)
write_case("mgus2-sex", d, c(12, 60, 120, 240, 400), group = "sex", failcode = 2,
           covariates = c("age", "male", "hgb"), note = "two groups; death as the cause of interest")

# 2. Whole-day times with many ties (events of both causes and censoring at the same times),
#    three groups, two strata, rho = 1, and a time beyond one group's follow-up.
set.seed(2024)
n <- 150
d <- data.frame(time = sample(1:25, n, replace = TRUE), status = sample(0:2, n, replace = TRUE, prob = c(.3, .4, .3)),
                arm = sample(c("a", "b", "c"), n, replace = TRUE), site = sample(c("s1", "s2"), n, replace = TRUE),
                x = round(rnorm(n), 2), z = rbinom(n, 1, 0.4))
d$time[d$arm == "c"] <- pmin(d$time[d$arm == "c"], 20)
write_case("ties-three-groups", d, c(0, 1, 5, 10, 20, 22, 30), group = "arm", strata = "site", rho = 1,
           covariates = c("x", "z"), note = "heavy ties, three groups, strata, rho = 1; arm c ends at 20")

# 3. Three causes, continuous times, cause 3 of interest.
set.seed(5)
n <- 120
d <- data.frame(time = round(rexp(n, 0.1), 3), status = sample(0:3, n, replace = TRUE),
                g = sample(c("x", "y"), n, replace = TRUE), w = round(runif(n, 20, 70)))
write_case("three-causes", d, c(2, 5, 10, 20), group = "g", failcode = 3, covariates = c("w"),
           note = "three causes; cause 3 of interest")
