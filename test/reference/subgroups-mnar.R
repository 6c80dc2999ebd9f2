# Golden values for analysis/subgroups and analysis/mnar, computed independently in R.
# Run from the repository root:  Rscript test/reference/subgroups-mnar.R
# Writes test/reference/subgroups-mnar.json. (R 4.2, mice 3.15, mitml, jsonlite; Debian 12.)
#
# 1. Complete case on the fixture trials trial-a and trial-b: QALYs, costs and u0
#    recomputed here from the CSVs (as cea-reference.R), then per subgroup level
#    lm(y ~ ips + u0) for y = cost, qaly, nb = wtp*qaly - cost (coefficient, SE,
#    confint) and anova(lm(nb ~ ips + u0 + g), lm(nb ~ ips * g + u0)) (F, df, p).
# 2. Multiple imputation on a synthetic trial: mice (pmm, m = 5) imputes follow-up
#    utilities and period costs; the completed datasets are written out so the
#    TypeScript test analyses the very same imputations. Per level the fits are
#    pooled by mice::pool (Rubin, Barnard-Rubin df) and the interaction by
#    mice::D2 (mitml D2). Delta adjustment: the shift is added to the imputed
#    values of each completed dataset (mice's `where`), QALYs and costs are
#    recomputed from the shifted values, lm(nb ~ ips) is pooled by mice::pool.
suppressPackageStartupMessages({ library(mice); library(jsonlite) })

sun <- list(MO = c(0, -0.022, -0.026, -0.087, -0.132), SC = c(0, -0.019, -0.056, -0.113, -0.159),
            UA = c(0, -0.022, -0.048, -0.131, -0.187), PD = c(0, -0.01, -0.047, -0.319, -0.442),
            AD = c(0, -0.031, -0.122, -0.277, -0.394))
utility <- function(mo, sc, ua, pd, ad) 1 + sun$MO[mo] + sun$SC[sc] + sun$UA[ua] + sun$PD[pd] + sun$AD[ad]
WTP <- 500000
r <- 0.03; d <- 1 / (1 + r)

qaly_set <- function(dir) {
  rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE, na.strings = "", colClasses = c(pid = "character"))
  p <- rd("participants.csv"); a <- rd("assessments.csv"); s <- rd("service_use.csv"); t <- rd("timelogs.csv")
  uc <- read.csv(file.path(dir, "unit_costs.csv"), stringsAsFactors = FALSE)
  price <- setNames(uc$unit_cost, uc$item)
  a$u <- with(a, ifelse(is.na(eq5d_mo) | is.na(eq5d_sc) | is.na(eq5d_ua) | is.na(eq5d_pd) | is.na(eq5d_ad), NA,
                        utility(eq5d_mo, eq5d_sc, eq5d_ua, eq5d_pd, eq5d_ad)))
  U <- sapply(c(0, 6, 12, 18, 24), function(tp) { x <- a[a$timepoint == tp, ]; x$u[match(p$pid, x$pid)] })
  SU <- sapply(c(6, 12, 18, 24), function(tp) { x <- a[a$timepoint == tp, ]; v <- x$su_complete[match(p$pid, x$pid)]; !is.na(v) & v == 1 })
  p$qaly <- 0.25 * U[, 1] + 0.5 * U[, 2] + 0.25 * U[, 3] + d * (0.25 * U[, 3] + 0.5 * U[, 4] + 0.25 * U[, 5])
  p$u0 <- U[, 1]
  s$cost <- s$quantity * price[s$item] * ifelse(s$timepoint >= 18, d, 1) * (s$timepoint > 0)
  t <- t[t$day >= 0 & t$day <= 729, ]
  t$cost <- t$minutes / 60 * price[paste0("staff_hour:", t$role)] * ifelse(t$day >= 365, d, 1)
  p$cost <- sapply(p$pid, function(id) sum(s$cost[s$pid == id]) + sum(t$cost[t$pid == id]))
  p$ips <- as.numeric(p$arm == "ips")
  p$sex[is.na(p$sex)] <- "(missing)"; p$age_band[is.na(p$age_band)] <- "(missing)"
  p[rowSums(SU) == 4 & !is.na(p$qaly), ]
}

coef_of <- function(fit) {
  ci <- confint(fit)["ips", ]
  list(estimate = unname(coef(fit)["ips"]), standardError = summary(fit)$coefficients["ips", "Std. Error"],
       df = fit$df.residual, ci95 = unname(ci))
}

subgroup_cc <- function(x, name, g) {
  x$g <- factor(g, levels = unique(g[!is.na(g)]))
  x <- x[!is.na(x$g), ]
  x$nb <- WTP * x$qaly - x$cost
  levels <- lapply(levels(x$g), function(l) {
    y <- x[x$g == l, ]
    n <- list(ips = sum(y$ips == 1), control = sum(y$ips == 0))
    if (n$ips < 2 || n$control < 2) return(list(level = l, n = n, cost = NULL, effect = NULL, inmb = NULL))
    list(level = l, n = n, cost = coef_of(lm(cost ~ ips + u0, data = y)), effect = coef_of(lm(qaly ~ ips + u0, data = y)),
         inmb = coef_of(lm(nb ~ ips + u0, data = y)))
  })
  # the interaction test over the levels that could be estimated
  usable <- vapply(levels, function(l) !is.null(l$cost), TRUE)
  x <- x[x$g %in% levels(x$g)[usable], ]
  x$g <- droplevels(x$g)
  a <- anova(lm(nb ~ ips + u0 + g, data = x), lm(nb ~ ips + u0 + g + ips:g, data = x))
  list(name = name, levels = levels, interaction = list(f = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], p = a$`Pr(>F)`[2]))
}

under30 <- function(age) ifelse(age %in% c("18-24", "25-29"), "under 30", ifelse(age %in% c("30-39", "40-49", "50-64"), "30+", NA))
complete_case <- lapply(c("trial-a", "trial-b"), function(trial) {
  x <- qaly_set(file.path("test/fixtures/analysis", trial))
  list(trial = trial, wtp = WTP, n = nrow(x), subgroups = list(
    subgroup_cc(x, "sex", x$sex),
    subgroup_cc(x, "age_band under 30", under30(x$age_band)),
    subgroup_cc(x, "site", x$site)))
})
# levels of "sex" and "site" in sorted order, as the TypeScript code and R's factor() give them
for (k in seq_along(complete_case)) for (j in c(1, 3)) {
  s <- complete_case[[k]]$subgroups[[j]]
  s$levels <- s$levels[order(vapply(s$levels, function(l) l$level, ""))]
  complete_case[[k]]$subgroups[[j]] <- s
}

# ---- 2. multiple imputation on a synthetic trial ----
set.seed(20261206)
n <- 240
arm <- rep(c(1, 0), each = n / 2)
sex <- sample(c("female", "male"), n, replace = TRUE)
age <- sample(c("18-24", "25-29", "30-39", "40-49", "50-64"), n, replace = TRUE)
site <- sample(c("S1", "S2", "S3"), n, replace = TRUE)
young <- age %in% c("18-24", "25-29")
u0 <- pmin(1, rnorm(n, 0.62, 0.15))
u <- sapply(1:4, function(k) pmin(1, u0 + 0.03 * k * arm * (1 + young) + rnorm(n, 0, 0.1)))
staff1 <- ifelse(arm == 1, rgamma(n, 8, 8 / 30000), rgamma(n, 4, 4 / 8000))
staff2 <- ifelse(arm == 1, rgamma(n, 6, 6 / 15000), rgamma(n, 4, 4 / 6000))
su <- sapply(1:4, function(k) rgamma(n, 2, 2 / (20000 - 4000 * arm + 15000 * (u0 < 0.5))))
dat <- data.frame(arm, u0, u6 = u[, 1], u12 = u[, 2], u18 = u[, 3], u24 = u[, 4],
                  su6 = su[, 1], su12 = su[, 2], su18 = su[, 3], su24 = su[, 4], staff1, staff2,
                  young = as.numeric(young), s2 = as.numeric(site == "S2"), s3 = as.numeric(site == "S3"))
for (k in 1:4) {
  miss_u <- runif(n) < plogis(-2.2 + 0.5 * k / 2 - 1.5 * (u0 - 0.6) + 0.4 * (1 - arm))
  miss_c <- runif(n) < plogis(-2.4 + 0.4 * k / 2 + 0.3 * (1 - arm))
  dat[miss_u, paste0("u", c(6, 12, 18, 24)[k])] <- NA
  dat[miss_c, paste0("su", c(6, 12, 18, 24)[k])] <- NA
}
imp <- mice(dat, m = 5, method = "pmm", maxit = 5, seed = 7, printFlag = FALSE)
where <- is.na(dat)
outcomes <- function(cd) {
  qaly <- 0.25 * cd$u0 + 0.5 * cd$u6 + 0.25 * cd$u12 + d * (0.25 * cd$u12 + 0.5 * cd$u18 + 0.25 * cd$u24)
  cost <- cd$su6 + cd$su12 + cd$staff1 + d * (cd$su18 + cd$su24 + cd$staff2)
  data.frame(cd, qaly = qaly, cost = cost, nb = WTP * qaly - cost)
}
completed <- lapply(1:5, function(j) outcomes(complete(imp, j)))
pool_coef <- function(fits) {
  s <- summary(pool(as.mira(fits)), conf.int = TRUE)
  row <- s[s$term == "ips", ]
  list(estimate = row$estimate, standardError = row$std.error, df = row$df, ci95 = c(row$`2.5 %`, row$`97.5 %`))
}
names(completed) <- NULL
completed <- lapply(completed, function(cd) { cd$ips <- cd$arm; cd })
subgroup_mi <- function(name, g) {
  lv <- unique(g)
  levels <- lapply(lv, function(l) {
    fit <- function(f) lapply(completed, function(cd) lm(f, data = cd[g == l, ]))
    list(level = l, cost = pool_coef(fit(cost ~ ips + u0)), effect = pool_coef(fit(qaly ~ ips + u0)), inmb = pool_coef(fit(nb ~ ips + u0)))
  })
  gf <- factor(g, levels = lv)
  full <- lapply(completed, function(cd) { cd$g <- gf; lm(nb ~ ips + u0 + g + ips:g, data = cd) })
  reduced <- lapply(completed, function(cd) { cd$g <- gf; lm(nb ~ ips + u0 + g, data = cd) })
  t <- D2(as.mira(full), as.mira(reduced))$result
  list(name = name, levels = levels, interaction = list(statistic = t[1, 1], df1 = t[1, 2], df2 = t[1, 3], p = t[1, 4]))
}
young_label <- ifelse(young, "under 30", "30+")
mi_subgroups <- list(subgroup_mi("age_band under 30", young_label), subgroup_mi("site", site))

delta_pool <- function(du_ips, du_control, dc_ips, dc_control) {
  fits <- lapply(1:5, function(j) {
    cd <- complete(imp, j)
    du <- ifelse(cd$arm == 1, du_ips, du_control); dc <- ifelse(cd$arm == 1, dc_ips, dc_control)
    for (v in c("u6", "u12", "u18", "u24")) cd[[v]] <- cd[[v]] + du * where[, v]
    for (v in c("su6", "su12", "su18", "su24")) cd[[v]] <- cd[[v]] + dc * where[, v]
    cd <- outcomes(cd); cd$ips <- cd$arm
    lm(nb ~ ips, data = cd)
  })
  c(shifts = list(list(utility = list(ips = du_ips, control = du_control), cost = list(ips = dc_ips, control = dc_control))),
    pool_coef(fits))
}
# the analytic shift of the pooled INMB for a linear estimator: delta x the mean weight of the imputed values, per arm
analytic <- function(du_ips, du_control, dc_ips, dc_control) {
  wu <- as.matrix(where[, c("u6", "u12", "u18", "u24")]) %*% c(0.5, 0.25 + 0.25 * d, 0.5 * d, 0.25 * d)
  wc <- as.matrix(where[, c("su6", "su12", "su18", "su24")]) %*% c(1, 1, d, d)
  m1 <- function(w) mean(w[arm == 1]); m0 <- function(w) mean(w[arm == 0])
  WTP * (du_ips * m1(wu) - du_control * m0(wu)) - (dc_ips * m1(wc) - dc_control * m0(wc))
}
deltas <- list(c(0, 0, 0, 0), c(-0.05, 0, 0, 0), c(-0.1, 0.02, 0, 0), c(0, 0, 3000, -1000), c(-0.08, 0, 5000, 0))
mnar <- lapply(deltas, function(x) c(do.call(delta_pool, as.list(x)), analyticShift = do.call(analytic, as.list(x))))

keep <- c("arm", "u0", "u6", "u12", "u18", "u24", "su6", "su12", "su18", "su24", "staff1", "staff2")
out <- list(
  source = sprintf("R %s, mice %s, mitml %s: lm, anova, pool, D2", getRversion(), packageVersion("mice"), packageVersion("mitml")),
  wtp = WTP, discountRate = r,
  completeCase = complete_case,
  multipleImputation = list(
    sex = sex, age_band = age, site = site, subgroupLabels = young_label,
    missing = lapply(as.data.frame(where[, c("u6", "u12", "u18", "u24", "su6", "su12", "su18", "su24")]), as.integer),
    completed = lapply(completed, function(cd) as.list(cd[, keep])),
    subgroups = mi_subgroups,
    mnar = mnar))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "test/reference/subgroups-mnar.json")
