# Shared by the R peer scripts: read the cohort with data.table::fread and write a result as JSON
# without jsonlite (not installed everywhere): named lists become objects, vectors arrays.
suppressPackageStartupMessages({
  library(data.table)
  library(survival)
})

cohort_path <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  if (length(args) != 1) {
    cat("usage: Rscript SCRIPT.R COHORT.csv\n", file = stderr())
    quit(status = 2)
  }
  args[1]
}

read_cohort <- function() fread(cohort_path())

json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    inner <- vapply(x, json, "")
    if (!is.null(names(x))) {
      return(paste0("{", paste0("\"", names(x), "\":", inner, collapse = ","), "}"))
    }
    return(paste0("[", paste(inner, collapse = ","), "]"))
  }
  if (is.character(x) || is.factor(x)) {
    v <- paste0("\"", gsub("\"", "\\\\\"", as.character(x)), "\"")
  } else if (is.logical(x)) {
    v <- ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else {
    v <- ifelse(is.finite(x), sprintf("%.17g", as.numeric(x)), "null")
  }
  if (length(x) == 1 && !inherits(x, "AsIs")) v else paste0("[", paste(v, collapse = ","), "]")
}

write_json <- function(x) cat(json(x), "\n", sep = "")
