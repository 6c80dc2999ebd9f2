# Golden values for the imputation edge cases of issue 15: mice with predictive
# mean matching on fixtures where a predictor is constant or collinear among
# the observed rows of u24 (test/fixtures/imputation/control-no-u24.csv,
# site-skips-24.csv, reference-site-skips-24.csv, made by make-edge-cases.ts).
# The imputation model is ours (analysis/imputation/imputation-frame.ts), with
# the dummies built as our code builds them (first level in C-locale order is
# the reference; an empty sex or age band is the level "unknown"), so that
# mice's model-matrix columns carry our predictor names. Records which
# predictors mice's remove.lindep dropped (imp$loggedEvents, counted per
# dep/meth/out) and the pooled Δcost, ΔQALY and adjusted ΔQALY (pool.scalar).
# Run from the repository root:  Rscript test/reference/mice-dropped-predictors.R
# Writes test/reference/mice-dropped-predictors.json. (R 4.2, mice 3.15 from Debian 12.)
suppressPackageStartupMessages(library(mice))

num <- function(x) sprintf("%.17g", x)
str <- function(x) paste0('"', gsub('"', '\\\\"', x), '"')
d <- 1 / 1.03  # discount factor of year 2 (discountRate 0.03)
M <- 50
MAXIT <- 10

dummies <- function(values, factor) {
  levels <- sort(unique(values), method = "radix")
  out <- lapply(levels[-1], function(level) as.numeric(values == level))
  names(out) <- paste0(factor, "_", levels[-1])
  out
}

run <- function(file) {
  raw <- read.csv(file, stringsAsFactors = FALSE, na.strings = "")
  sex <- ifelse(is.na(raw$sex), "unknown", raw$sex)
  age <- ifelse(is.na(raw$age_band), "unknown", raw$age_band)
  ours <- c(list(
    u0 = raw$u0, u6 = raw$u6, u12 = raw$u12, u18 = raw$u18, u24 = raw$u24,
    su_cost_0 = raw$su_cost_0, su_cost_6 = raw$su_cost_6, su_cost_12 = raw$su_cost_12,
    su_cost_18 = raw$su_cost_18, su_cost_24 = raw$su_cost_24,
    arm_ips = as.numeric(raw$arm == "ips")),
    dummies(raw$site, "site"), dummies(sex, "sex"), dummies(age, "age_band"),
    list(staff_cost = raw$staff_y1 + raw$staff_y2, employment_days = raw$employment_days))
  dat <- as.data.frame(ours)            # R-safe column names (site_ORE.AFF) ...
  ourName <- setNames(names(ours), names(dat))  # ... mapped back to ours
  meth <- make.method(dat)
  meth[] <- ""
  imputed <- names(dat)[1:10]
  meth[imputed[colSums(is.na(dat[imputed])) > 0]] <- "pmm"
  imp <- mice(dat, m = M, maxit = MAXIT, method = meth, predictorMatrix = make.predictorMatrix(dat),
              seed = 20261206, printFlag = FALSE)
  log <- imp$loggedEvents
  events <- if (is.null(log)) character(0) else {
    out <- vapply(strsplit(log$out, ", ", fixed = TRUE), function(x) paste(ourName[x], collapse = ", "), "")
    key <- paste(log$dep, log$meth, out, sep = "\t")
    counts <- table(key)
    vapply(names(counts), function(k) {
      p <- strsplit(k, "\t", fixed = TRUE)[[1]]
      sprintf('{"dep": %s, "meth": %s, "out": %s, "count": %d}', str(p[1]), str(p[2]), str(p[3]), counts[[k]])
    }, "")
  }
  est <- lapply(seq_len(M), function(i) {
    x <- complete(imp, i)
    qaly <- 0.25 * x$u0 + 0.5 * x$u6 + 0.25 * x$u12 + d * (0.25 * x$u12 + 0.5 * x$u18 + 0.25 * x$u24)
    cost <- x$su_cost_6 + x$su_cost_12 + raw$staff_y1 + d * (x$su_cost_18 + x$su_cost_24 + raw$staff_y2)
    inc <- function(v) {
      a <- v[x$arm_ips == 1]; b <- v[x$arm_ips == 0]
      c(mean(a) - mean(b), var(a) / length(a) + var(b) / length(b))
    }
    fit <- summary(lm(qaly ~ arm + u0, data = data.frame(qaly, arm = x$arm_ips, u0 = x$u0)))$coefficients
    rbind(cost = inc(cost), qaly = inc(qaly), qalyAdjusted = c(fit["arm", "Estimate"], fit["arm", "Std. Error"]^2))
  })
  n <- nrow(dat)
  one <- function(what, k) {
    Q <- vapply(est, function(e) e[what, 1], 0)
    U <- vapply(est, function(e) e[what, 2], 0)
    p <- pool.scalar(Q, U, n = n, k = k)
    sprintf('"%s": {"qbar": %s, "ubar": %s, "b": %s, "t": %s, "df": %s, "fmi": %s}',
            what, num(p$qbar), num(p$ubar), num(p$b), num(p$t), num(p$df), num(p$fmi))
  }
  sprintf('{"n": %d, "m": %d, "maxit": %d, "loggedEvents": [%s], %s, %s, %s}', n, M, MAXIT,
          paste(events, collapse = ", "), one("cost", 2), one("qaly", 2), one("qalyAdjusted", 3))
}

cases <- c("control-no-u24", "site-skips-24", "reference-site-skips-24")
body <- vapply(cases, function(name) sprintf(' "%s": %s', name, run(sprintf("test/fixtures/imputation/%s.csv", name))), "")
writeLines(c(sprintf('{"source": "R %s, mice %s: mice(method = \\"pmm\\", m = %d, maxit = %d, seed = 20261206) + pool.scalar",',
                     getRversion(), packageVersion("mice"), M, MAXIT),
             paste(body, collapse = ",\n"), "}"),
           "test/reference/mice-dropped-predictors.json")
