# Reference values for RExportsCliTest: R's lung data as an R user exports it (write.csv writes
# NA for a missing value, status coded 1 = censored, 2 = dead), and what R's survival functions
# give on it. R 4.2.2, survival 3.5-3. Run from this folder: Rscript generate.R
library(survival)
library(jsonlite)
lung2 <- lung
lung2$arm <- ifelse(lung$inst %% 2 == 0, "even", "odd")  # a text group with NA where inst is NA
lung2$arm[is.na(lung$inst)] <- NA
lung2$dead <- lung$status == 2                            # the same events as TRUE/FALSE
write.csv(lung2, "lung.csv", row.names = FALSE)

back <- read.csv("lung.csv")
stopifnot(all(back$status == lung$status), is.logical(back$dead))

lr <- survdiff(Surv(time, status) ~ ph.ecog, data = back)            # one NA in ph.ecog dropped
lr_arm <- survdiff(Surv(time, status) ~ arm, data = back)            # NA arm dropped, not a level
cx <- coxph(Surv(time, status) ~ age + ph.ecog + wt.loss, data = back)  # NA rows dropped (na.omit)
cx_dead <- coxph(Surv(time, dead) ~ age + ph.ecog + wt.loss, data = back)
km <- survfit(Surv(time, status) ~ sex, data = back)
s <- summary(km, times = c(100, 365, 1000), extend = TRUE)

out <- list(
  logrank_ecog = list(chisq = unname(lr$chisq), df = length(lr$n) - 1, n = as.vector(lr$n),
                      obs = unname(lr$obs), exp = unname(lr$exp),
                      omitted = which(is.na(back$ph.ecog))),
  logrank_arm = list(chisq = unname(lr_arm$chisq), df = length(lr_arm$n) - 1, n = as.vector(lr_arm$n),
                    omitted = which(is.na(back$arm))),
  cox = list(coef = unname(coef(cx)), se = unname(sqrt(diag(vcov(cx)))), n = cx$n, nevent = cx$nevent,
             omitted = unname(as.integer(cx$na.action))),
  cox_dead_coef = unname(coef(cx_dead)),
  km_sex = list(time = s$time, surv = s$surv, std_err = s$std.err, n_risk = s$n.risk)
)
write_json(out, "r-values.json", digits = NA, pretty = TRUE)
