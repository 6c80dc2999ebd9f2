# Independent reference computation of the default analysis plan
# (ANALYSIS-DATASET.md) for the fixture trials of test/fixtures/analysis/.
# Written from the contract, sharing no code with analysis/: utilities from
# the Sun et al. 2022 coefficients, employment days by a day-by-day indicator
# over 0..729, lm() for the adjusted effect, boot() (stratified by arm) with
# boot.ci(type = c("perc", "bca")) and empinf(type = "jack").
# Run from the repository root (R >= 4.2, boot >= 1.3; Debian r-cran-boot):
#   Rscript test/reference/make-fixture-trials.R
#   Rscript test/reference/cea-reference.R
# Writes test/fixtures/analysis/<trial>/expected.json.
suppressMessages(library(boot))

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "null" else sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")

# Sun et al. 2022 (Sweden, EQ-5D-5L): copied from
# ../shared/reference/valuesets/eq5d5l_SE_Sun2022.csv (additive decrements)
sun <- list(MO = c(0, -0.022, -0.026, -0.087, -0.132), SC = c(0, -0.019, -0.056, -0.113, -0.159),
            UA = c(0, -0.022, -0.048, -0.131, -0.187), PD = c(0, -0.01, -0.047, -0.319, -0.442),
            AD = c(0, -0.031, -0.122, -0.277, -0.394))
utility <- function(mo, sc, ua, pd, ad) 1 + sun$MO[mo] + sun$SC[sc] + sun$UA[ua] + sun$PD[pd] + sun$AD[ad]

reference <- function(dir, r = 0.03, B = 20000, seed = 1, wtp_q = c(0, 1e5, 2.5e5, 5e5), wtp_e = c(0, 250, 1000)) {
  rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE, na.strings = "", colClasses = c(pid = "character"))
  p <- rd("participants.csv"); a <- rd("assessments.csv"); s <- rd("service_use.csv")
  e <- rd("employment.csv"); t <- rd("timelogs.csv")
  uc <- read.csv(file.path(dir, "unit_costs.csv"), stringsAsFactors = FALSE)
  price <- setNames(uc$unit_cost, uc$item)
  d <- 1 / (1 + r)
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
  p$days <- sapply(seq_len(nrow(p)), function(i) {
    worked <- rep(FALSE, 730)                                     # day 0..729
    last <- if (is.na(p$withdrawn_day[i])) 729 else min(729, p$withdrawn_day[i])
    ep <- e[e$pid == p$pid[i] & e$type == "competitive", ]
    for (k in seq_len(nrow(ep))) {
      end <- if (is.na(ep$end_day[k])) 729 else ep$end_day[k]
      days <- ep$start_day[k]:end
      days <- days[days >= 0 & days <= last]
      worked[days + 1] <- TRUE
    }
    sum(worked[1:365]) + d * sum(worked[366:730])
  })
  p$ips <- as.numeric(p$arm == "ips")
  p$sexf <- ifelse(is.na(p$sex), "(missing)", p$sex)
  cost_complete <- rowSums(SU) == 4
  sets <- list(qaly = p[cost_complete & !is.na(p$qaly), ], employment = p[cost_complete, ])
  out <- c()
  for (k in names(sets)) {
    x <- sets[[k]]; x$eff <- if (k == "qaly") x$qaly else x$days
    m <- function(v, arm) mean(v[x$arm == arm])
    dC <- m(x$cost, "ips") - m(x$cost, "control"); dE <- m(x$eff, "ips") - m(x$eff, "control")
    stat <- function(data, i) { y <- data[i, ]; c(mean(y$cost[y$arm == "ips"]) - mean(y$cost[y$arm == "control"]),
                                                   mean(y$eff[y$arm == "ips"]) - mean(y$eff[y$arm == "control"])) }
    set.seed(seed)
    bt <- boot(x, stat, R = B, strata = factor(x$arm))
    ci <- function(index, type) { b <- boot.ci(bt, type = type, index = index); if (type == "perc") b$percent[4:5] else b$bca[4:5] }
    accel <- function(index) { L <- empinf(bt, index = index, type = "jack"); sum(L^3) / (6 * sum(L^2)^1.5) }
    wtp <- if (k == "qaly") wtp_q else wtp_e
    ceac <- sapply(wtp, function(l) mean(l * bt$t[, 2] - bt$t[, 1] > 0))
    fields <- c(
      sprintf('"analysed": {"ips": %d, "control": %d}', sum(x$arm == "ips"), sum(x$arm == "control")),
      sprintf('"mean": {"ips": {"cost": %s, "effect": %s}, "control": {"cost": %s, "effect": %s}}',
              num(m(x$cost, "ips")), num(m(x$eff, "ips")), num(m(x$cost, "control")), num(m(x$eff, "control"))),
      sprintf('"incremental": {"cost": %s, "effect": %s}', num(dC), num(dE)),
      sprintf('"icer": %s', if (dE == 0) "null" else num(dC / dE)),
      sprintf('"ci95": {"cost": %s, "effect": %s}', vec(ci(1, "perc")), vec(ci(2, "perc"))),
      sprintf('"ci95Bca": {"cost": %s, "effect": %s}', vec(ci(1, "bca")), vec(ci(2, "bca"))),
      sprintf('"acceleration": {"cost": %s, "effect": %s}', num(accel(1)), num(accel(2))),
      sprintf('"z0": {"cost": %s, "effect": %s}', num(qnorm(mean(bt$t[, 1] < bt$t0[1]))), num(qnorm(mean(bt$t[, 2] < bt$t0[2])))),
      sprintf('"sd": {"cost": %s, "effect": %s}', num(sd(bt$t[, 1])), num(sd(bt$t[, 2]))),
      sprintf('"ceac": [%s]', paste(sprintf('{"wtp": %s, "probability": %s}', sapply(wtp, num), sapply(ceac, num)), collapse = ", "))
    )
    if (k == "qaly") {
      fit0 <- lm(qaly ~ ips + u0, data = x)
      fit1 <- lm(qaly ~ ips + u0 + factor(site) + factor(sexf) + factor(age_band), data = x)
      adj <- function(data, i) { y <- data[i, ]; lm.fit(cbind(1, y$ips, y$u0), y$qaly)$coefficients[2] }
      set.seed(seed)
      bt_adj <- boot(x, adj, R = B, strata = factor(x$arm))
      fields <- c(fields, sprintf('"effectAdjusted": %s, "effectAdjustedCovariates": %s, "effectAdjustedSe": %s, "ci95EffectAdjusted": %s',
                                  num(coef(fit0)[["ips"]]), num(coef(fit1)[["ips"]]), num(summary(fit0)$coefficients["ips", 2]),
                                  vec(boot.ci(bt_adj, type = "perc")$percent[4:5])))
    }
    out <- c(out, sprintf('"%s": {%s}', k, paste(fields, collapse = ", ")))
  }
  per <- sprintf('"participants": [%s]', paste(sprintf('{"pid": "%s", "qaly": %s, "cost": %s, "employmentDays": %s}',
                 p$pid, sapply(p$qaly, num), sapply(p$cost, num), sapply(p$days, num)), collapse = ",\n  "))
  json <- sprintf('{"source": "test/reference/cea-reference.R, %s, boot %s", "discountRate": %s, "replicates": %d, "seed": %d,\n "wtp": {"qaly": %s, "employmentDay": %s},\n %s,\n %s}\n',
                  R.version.string, as.character(packageVersion("boot")), num(r), B, seed, vec(wtp_q), vec(wtp_e),
                  paste(out, collapse = ",\n "), per)
  writeLines(json, file.path(dir, "expected.json"))
}

reference("test/fixtures/analysis/trial-a")
reference("test/fixtures/analysis/trial-b", r = 0.05)
