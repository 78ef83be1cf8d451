# Reference for TenureSurvivalExampleTest: time to first psychiatric readmission derived in R from
# the example's people and episodes files (without the library), then R's survival package (3.5-3).
# Run from the examples folder:  Rscript src/test/r/tenure.R
#
# The derivation is the README's rules cut down to what these data need, and checks that the cut is
# safe: nobody is in hospital on the index date, and no readmission comes within the 1-day gap of
# the index discharge (so no stay merging changes a first readmission). Follow-up ends at the
# earliest of end_date, death_date, index + 1095 days and the extraction date 2026-09-30; an
# admission on that day still counts.
library(survival)
options(digits = 15)
people <- read.csv("data/people.csv", stringsAsFactors = FALSE)
episodes <- read.csv("data/episodes.csv", stringsAsFactors = FALSE)
episodes <- episodes[episodes$setting == "psychiatric", ]
day <- function(x) as.Date(ifelse(x == "", NA, x))
people$index <- day(people$index_date)
people$end <- pmin(day(people$end_date), day(people$death_date), people$index + 1095, as.Date("2026-09-30"),
                   na.rm = TRUE)
people$reason <- ifelse(people$end == people$index + 1095, "window_end", "extraction")
people$reason[!is.na(day(people$end_date)) & people$end == day(people$end_date)] <- "end_of_observation"
people$reason[!is.na(day(people$death_date)) & people$end == day(people$death_date)] <- "death"
episodes$admission <- day(episodes$admission_date)
episodes$discharge <- day(episodes$discharge_date)
first <- sapply(seq_len(nrow(people)), function(i) {
  mine <- episodes[episodes$subject == people$subject[i], ]
  stopifnot(!any(mine$admission <= people$index[i] & (is.na(mine$discharge) | mine$discharge > people$index[i])),
            !any(mine$admission > people$index[i] & mine$admission <= people$index[i] + 1))
  after <- mine$admission[mine$admission > people$index[i] & mine$admission <= people$end[i]]
  if (length(after) > 0) as.numeric(min(after) - people$index[i]) else NA
})
d <- data.frame(group = relevel(factor(people$group), "usual-care"), event = as.integer(!is.na(first)),
                time = ifelse(is.na(first), as.numeric(people$end - people$index), first), reason = people$reason)
print(table(d$reason[d$event == 0]))                       # why follow-up ended without a readmission
fit <- survfit(Surv(time, event) ~ group, data = d)
print(summary(fit, rmean = 1095)$table)                    # n, events, rmean, se(rmean), median and limits
year <- summary(fit, times = 365)
print(cbind(year$surv, year$lower, year$upper))            # survival at 365 days with log limits
lr <- survdiff(Surv(time, event) ~ group, data = d)
print(c(chisq = lr$chisq, p = pchisq(lr$chisq, 1, lower.tail = FALSE)))
cox <- coxph(Surv(time, event) ~ group, data = d)          # Efron ties
print(summary(cox)$coefficients)
print(summary(cox)$conf.int)
r <- summary(fit, rmean = 1095)$table                      # RMST difference as survRM2::rmst2
dif <- r[2, "rmean"] - r[1, "rmean"]
se <- sqrt(sum(r[, "se(rmean)"]^2))
print(c(difference = dif, lower = dif - qnorm(0.975) * se, upper = dif + qnorm(0.975) * se, z = dif / se,
        p = 2 * pnorm(-abs(dif / se))))
