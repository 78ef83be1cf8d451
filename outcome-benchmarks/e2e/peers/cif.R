# Competing risks as `outcome survival cif --time time --status status --group group --at
# 30,90,180,365`: cmprsk's cuminc (with Gray's test) read by timepoints.
args0 <- commandArgs(FALSE)
source(file.path(dirname(sub("^--file=", "", args0[grep("^--file=", args0)])), "common.R"))
suppressPackageStartupMessages(library(cmprsk))
d <- read_cohort()
ci <- cuminc(d$time, d$status, d$group)
tp <- timepoints(ci, c(30, 90, 180, 365))
write_json(list(est = as.vector(tp$est), var = as.vector(tp$var), gray = unname(ci$Tests[, "stat"])))
