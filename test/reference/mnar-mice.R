# Golden values for analysis/mnar (Monte-Carlo check): R's mice imputes the
# committed fixture test/fixtures/imputation/mar.csv with the imputation model
# of mice-pooled.R (pmm, m = 50, maxit = 10), each shift is added to the
# imputed follow-up utilities / period costs of an arm (mice's `where`), QALYs
# and costs are recomputed and the INMB at the reference WTP is pooled with
# pool.scalar. Our own imputations differ in their random draws, so the test
# compares within Monte-Carlo error.
# Run from the repository root:  Rscript test/reference/mnar-mice.R
# Writes test/reference/mnar-mice.json. (R 4.2, mice 3.15 from Debian 12.)
suppressPackageStartupMessages(library(mice))

num <- function(x) sprintf("%.17g", x)
d <- 1 / 1.03
M <- 50
WTP <- 500000
raw <- read.csv("test/fixtures/imputation/mar.csv", stringsAsFactors = FALSE, na.strings = "")
dat <- data.frame(
  u0 = raw$u0, u6 = raw$u6, u12 = raw$u12, u18 = raw$u18, u24 = raw$u24,
  su_cost_0 = raw$su_cost_0, su_cost_6 = raw$su_cost_6, su_cost_12 = raw$su_cost_12,
  su_cost_18 = raw$su_cost_18, su_cost_24 = raw$su_cost_24,
  arm = as.numeric(raw$arm == "ips"),
  site = factor(raw$site),
  sex = factor(ifelse(is.na(raw$sex), "unknown", raw$sex)),
  age_band = factor(ifelse(is.na(raw$age_band), "unknown", raw$age_band)),
  staff_cost = raw$staff_y1 + raw$staff_y2,
  employment_days = raw$employment_days)
meth <- make.method(dat)
meth[] <- ""
imputed <- names(dat)[1:10]
meth[imputed[colSums(is.na(dat[imputed])) > 0]] <- "pmm"
imp <- mice(dat, m = M, maxit = 10, method = meth, predictorMatrix = make.predictorMatrix(dat),
            seed = 20261206, printFlag = FALSE)
where <- is.na(dat)

shifted <- function(du_ips, du_control, dc_ips, dc_control) {
  est <- lapply(seq_len(M), function(i) {
    x <- complete(imp, i)
    du <- ifelse(x$arm == 1, du_ips, du_control); dc <- ifelse(x$arm == 1, dc_ips, dc_control)
    for (v in c("u6", "u12", "u18", "u24")) x[[v]] <- x[[v]] + du * where[, v]
    for (v in c("su_cost_6", "su_cost_12", "su_cost_18", "su_cost_24")) x[[v]] <- x[[v]] + dc * where[, v]
    qaly <- 0.25 * x$u0 + 0.5 * x$u6 + 0.25 * x$u12 + d * (0.25 * x$u12 + 0.5 * x$u18 + 0.25 * x$u24)
    cost <- x$su_cost_6 + x$su_cost_12 + raw$staff_y1 + d * (x$su_cost_18 + x$su_cost_24 + raw$staff_y2)
    nb <- WTP * qaly - cost
    a <- nb[x$arm == 1]; b <- nb[x$arm == 0]
    c(mean(a) - mean(b), var(a) / length(a) + var(b) / length(b))
  })
  p <- pool.scalar(vapply(est, `[`, 0, 1), vapply(est, `[`, 0, 2), n = nrow(dat), k = 2)
  sprintf(paste0('{"shifts": {"utility": {"ips": %s, "control": %s}, "cost": {"ips": %s, "control": %s}}, ',
                 '"qbar": %s, "ubar": %s, "b": %s, "t": %s, "df": %s}'),
          num(du_ips), num(du_control), num(dc_ips), num(dc_control), num(p$qbar), num(p$ubar), num(p$b), num(p$t), num(p$df))
}
cases <- c(shifted(0, 0, 0, 0), shifted(-0.1, 0, 0, 0), shifted(-0.05, 0.05, 4000, -2000))
writeLines(c(sprintf('{"source": "R %s, mice %s: mice(method = \\"pmm\\", m = %d, maxit = 10, seed = 20261206), shift added to imputed values, pool.scalar",',
                     getRversion(), packageVersion("mice"), M),
             sprintf(' "wtp": %s, "m": %d, "n": %d,', num(WTP), M, nrow(dat)),
             ' "cases": [', paste(cases, collapse = ",\n"), ']}'),
           "test/reference/mnar-mice.json")
