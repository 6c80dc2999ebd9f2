# Golden values for analysis/imputation/analyze-imputed.ts: mice with
# predictive mean matching on the committed fixtures (test/fixtures/imputation/
# mcar.csv and mar.csv, made by make-fixtures.ts), the same imputation model
# (utilities u0-u24 and service-use cost su_cost_0-su_cost_24 imputed, each
# from all the others + arm + site + sex + age band + staff cost + employment
# days), the same complete-data estimates, pooled with pool.scalar.
# Run from the repository root:  Rscript test/reference/mice-pooled.R
# Writes test/reference/mice-pooled.json. (R 4.2, mice 3.15 from Debian 12.)
suppressPackageStartupMessages(library(mice))

num <- function(x) sprintf("%.17g", x)
d <- 1 / 1.03  # discount factor of year 2 (discountRate 0.03)
M <- 50

pooled <- function(file) {
  raw <- read.csv(file, stringsAsFactors = FALSE, na.strings = "")
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
              seed = 20261123, printFlag = FALSE)
  est <- lapply(seq_len(M), function(i) {
    x <- complete(imp, i)
    qaly <- 0.25 * x$u0 + 0.5 * x$u6 + 0.25 * x$u12 + d * (0.25 * x$u12 + 0.5 * x$u18 + 0.25 * x$u24)
    cost <- x$su_cost_6 + x$su_cost_12 + raw$staff_y1 + d * (x$su_cost_18 + x$su_cost_24 + raw$staff_y2)
    inc <- function(v) {
      a <- v[x$arm == 1]; b <- v[x$arm == 0]
      c(mean(a) - mean(b), var(a) / length(a) + var(b) / length(b))
    }
    fit <- summary(lm(qaly ~ arm + u0, data = data.frame(qaly, arm = x$arm, u0 = x$u0)))$coefficients
    rbind(cost = inc(cost), qaly = inc(qaly), employment = inc(x$employment_days),
          qalyAdjusted = c(fit["arm", "Estimate"], fit["arm", "Std. Error"]^2))
  })
  n <- nrow(dat)
  one <- function(what, k) {
    Q <- vapply(est, function(e) e[what, 1], 0)
    U <- vapply(est, function(e) e[what, 2], 0)
    p <- pool.scalar(Q, U, n = n, k = k)
    sprintf('"%s": {"qbar": %s, "ubar": %s, "b": %s, "t": %s, "df": %s}',
            what, num(p$qbar), num(p$ubar), num(p$b), num(p$t), num(p$df))
  }
  sprintf('{"n": %d, "m": %d, %s, %s, %s, %s}', n, M, one("cost", 2), one("qaly", 2),
          one("employment", 2), one("qalyAdjusted", 3))
}

writeLines(c(sprintf('{"source": "R %s, mice %s: mice(method = \\"pmm\\", m = %d, maxit = 10, seed = 20261123) + pool.scalar",',
                     getRversion(), packageVersion("mice"), M),
             sprintf(' "mcar": %s,', pooled("test/fixtures/imputation/mcar.csv")),
             sprintf(' "mar": %s}', pooled("test/fixtures/imputation/mar.csv"))),
           "test/reference/mice-pooled.json")
