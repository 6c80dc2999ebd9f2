# Independent reference computation of the Fieller interval, the CEAC on a
# fine grid, the CEAF and the EVPI (ANALYSIS-DATASET.md, "Fieller, CEAF,
# EVPI, power"), written from the contract and sharing no code with
# analysis/:
#   - Fieller: the textbook roots (-b -/+ sqrt(b^2 - 4ac)) / 2a of the
#     quadratic, with V_C, V_E, C_CE from R's var() and cov() per arm; each
#     limit is checked to solve (dC - R dE)^2 = z^2 (V_C - 2 R C_CE + R^2 V_E);
#   - MI: Rubin's total covariance matrix U-bar + (1 + 1/m) B with B = cov()
#     of the m increment vectors;
#   - the fixture trials of test/fixtures/analysis/: analysed sets from
#     assessments.csv and the per-participant outcomes of expected.json
#     (cea-reference.R), checked against its increments;
#   - CEAC / CEAF / EVPI: from replicates drawn here with sample() (stratified
#     by arm); the replicates are written to the fixture so that the
#     TypeScript functions see the same ones.
# jsonlite writes 15 significant digits, so every input written to the
# fixture is rounded to 15 digits (signif) before anything is computed from
# it: the TypeScript tests read exactly the numbers R used.
# Run from the repository root (R >= 4.2, jsonlite; Debian r-base-core r-cran-jsonlite):
#   Rscript test/reference/decision-uncertainty.R
# Writes test/fixtures/analysis/decision-uncertainty.json.
suppressMessages(library(jsonlite))

z <- 1.959964

variances <- function(cost, effect, arm) {
  parts <- lapply(c("ips", "control"), function(a) {
    k <- arm == a; n <- sum(k)
    c(var(cost[k]) / n, var(effect[k]) / n, cov(cost[k], effect[k]) / n)
  })
  v <- parts[[1]] + parts[[2]]
  list(cost = v[1], effect = v[2], covariance = v[3])
}

fieller <- function(dC, dE, v) {
  a <- dE^2 - z^2 * v$effect
  b <- -2 * (dC * dE - z^2 * v$covariance)
  cc <- dC^2 - z^2 * v$cost
  D <- b^2 - 4 * a * cc
  if (a > 0 || (a < 0 && D > 0)) {
    r <- sort(c((-b - sqrt(max(D, 0))) / (2 * a), (-b + sqrt(max(D, 0))) / (2 * a)))
    lhs <- (dC - r * dE)^2; rhs <- z^2 * (v$cost - 2 * r * v$covariance + r^2 * v$effect)
    stopifnot(all(abs(lhs - rhs) <= 1e-8 * pmax(abs(rhs), 1e-300)))
    list(type = if (a > 0) "bounded" else "exclusive", limits = r)
  } else list(type = "unbounded", limits = NULL)
}

increments <- function(cost, effect, arm) {
  c(cost = mean(cost[arm == "ips"]) - mean(cost[arm == "control"]),
    effect = mean(effect[arm == "ips"]) - mean(effect[arm == "control"]))
}

set.seed(20261206)

# --- Fieller cases on synthetic arms: one per interval type, plus the SE quadrant
arm_case <- function(name, want, n, dE, sdE, dC, sdC, rho) {
  arm <- rep(c("ips", "control"), c(n, n + 3))
  e0 <- rnorm(length(arm)); c0 <- rho * e0 + sqrt(1 - rho^2) * rnorm(length(arm))
  effect <- signif(1.2 + (arm == "ips") * dE + sdE * e0, 15)
  cost <- signif(60000 + (arm == "ips") * dC + sdC * c0, 15)
  d <- increments(cost, effect, arm); v <- variances(cost, effect, arm)
  f <- fieller(d[["cost"]], d[["effect"]], v)
  if (f$type != want) stop(sprintf("case %s gave type %s, wanted %s", name, f$type, want))
  list(name = name, arm = arm, cost = cost, effect = effect,
       incremental = list(cost = d[["cost"]], effect = d[["effect"]]), variances = v, fieller95 = f)
}
cases <- list(
  arm_case("bounded, NE, positive correlation", "bounded", 60, 0.12, 0.1, 15000, 12000, 0.5),
  arm_case("bounded, SE, negative correlation", "bounded", 45, 0.10, 0.08, -9000, 15000, -0.6),
  arm_case("exclusive: cost significant, effect not", "exclusive", 40, 0.004, 0.1, 30000, 10000, 0.2),
  arm_case("unbounded: neither significant", "unbounded", 30, 0.002, 0.15, 300, 20000, 0.0)
)

# --- Rubin's pooled (co)variances: m = 5 completed datasets of one trial
n_mi <- 50
mi_arm <- sample(rep(c("ips", "control"), c(24, n_mi - 24)))
observed_effect <- 1.2 + (mi_arm == "ips") * 0.2 + rnorm(n_mi, sd = 0.12)
observed_cost <- 60000 + (mi_arm == "ips") * 9000 + rnorm(n_mi, sd = 11000)
missing_rows <- sample(n_mi, 15)
completed <- lapply(1:5, function(i) {
  effect <- observed_effect; cost <- observed_cost
  effect[missing_rows] <- 1.2 + rnorm(15, sd = 0.2); cost[missing_rows] <- 62000 + rnorm(15, sd = 20000)
  list(cost = signif(cost, 15), effect = signif(effect, 15))
})
within <- lapply(completed, function(x) { v <- variances(x$cost, x$effect, mi_arm); matrix(c(v$cost, v$covariance, v$covariance, v$effect), 2) })
estimates <- t(sapply(completed, function(x) increments(x$cost, x$effect, mi_arm)))
m <- length(completed)
total <- Reduce(`+`, within) / m + (1 + 1 / m) * cov(estimates)
pooled_v <- list(cost = total[1, 1], effect = total[2, 2], covariance = total[1, 2])
pooled_d <- colMeans(estimates)
imputed <- list(arm = mi_arm, cost = lapply(completed, `[[`, "cost"), effect = lapply(completed, `[[`, "effect"),
                variances = pooled_v, fieller95 = fieller(pooled_d[["cost"]], pooled_d[["effect"]], pooled_v))

# --- the fixture trials (complete case; outcomes from cea-reference.R's expected.json)
trial <- function(dir, discountRate) {
  p <- read.csv(file.path(dir, "participants.csv"), stringsAsFactors = FALSE, colClasses = c(pid = "character"))
  a <- read.csv(file.path(dir, "assessments.csv"), stringsAsFactors = FALSE, colClasses = c(pid = "character"))
  ref <- fromJSON(file.path(dir, "expected.json"), simplifyVector = TRUE)
  out <- ref$participants
  out$arm <- p$arm[match(out$pid, p$pid)]
  su <- sapply(c(6, 12, 18, 24), function(tp) { x <- a[a$timepoint == tp, ]; v <- x$su_complete[match(out$pid, x$pid)]; !is.na(v) & v == 1 })
  cost_complete <- rowSums(su) == 4
  sets <- list(qaly = out[cost_complete & !is.na(out$qaly), ], employment = out[cost_complete, ])
  result <- list(folder = dir, discountRate = discountRate)
  for (k in names(sets)) {
    x <- sets[[k]]; effect <- if (k == "qaly") x$qaly else x$employmentDays
    d <- increments(x$cost, effect, x$arm)
    stopifnot(abs(d[["cost"]] - ref[[k]]$incremental$cost) < 1e-9 * abs(ref[[k]]$incremental$cost),
              abs(d[["effect"]] - ref[[k]]$incremental$effect) < 1e-9 * abs(ref[[k]]$incremental$effect))
    v <- variances(x$cost, effect, x$arm)
    result[[k]] <- list(variances = v, fieller95 = fieller(d[["cost"]], d[["effect"]], v))
  }
  result
}
trials <- list(trial("test/fixtures/analysis/trial-a", 0.03), trial("test/fixtures/analysis/trial-b", 0.05))

# --- CEAC on the fine grid, CEAF and EVPI from bootstrap replicates drawn here
curves <- function(name, n, dE, sdE, dC, sdC, wtp, population, B = 2000) {
  arm <- rep(c("ips", "control"), c(n, n))
  effect <- 1.2 + (arm == "ips") * dE + rnorm(2 * n, sd = sdE)
  cost <- 60000 + (arm == "ips") * dC + rnorm(2 * n, sd = sdC)
  point <- increments(cost, effect, arm)
  ips <- which(arm == "ips"); control <- which(arm == "control")
  reps <- signif(t(replicate(B, { i <- c(sample(ips, replace = TRUE), sample(control, replace = TRUE)); increments(cost[i], effect[i], arm[i]) })), 15)
  grid <- sort(unique(c(seq(0, max(wtp), length.out = 101), wtp)))
  inb <- sapply(grid, function(l) l * reps[, "effect"] - reps[, "cost"])           # B x k
  ceac <- colMeans(inb > 0)
  ips_optimal <- grid * point[["effect"]] - point[["cost"]] > 0
  evpi <- colMeans(pmax(inb, 0)) - pmax(colMeans(inb), 0)
  list(name = name, wtp = wtp, population = population,
       incremental = list(cost = point[["cost"]], effect = point[["effect"]]),
       replicates = list(cost = reps[, "cost"], effect = reps[, "effect"]),
       ceacCurve = data.frame(wtp = grid, probability = ceac),
       ceaf = data.frame(wtp = grid, optimal = ifelse(ips_optimal, "ips", "control"), probability = ifelse(ips_optimal, ceac, 1 - ceac)),
       evpi = data.frame(wtp = grid, perParticipant = evpi, population = evpi * population))
}
replicate_sets <- list(
  curves("QALYs, frontier switches near the ICER", 40, 0.06, 0.15, 9000, 15000, c(0, 33333, 80000, 240000), 12000),
  curves("employment days, IPS saves money", 35, 20, 60, -2000, 9000, c(0, 250, 1000, 2000, 1234.5), 3000)
)

json <- toJSON(list(source = sprintf("test/reference/decision-uncertainty.R, %s, jsonlite %s", R.version.string, packageVersion("jsonlite")),
                    z = z, fieller = cases, imputed = imputed, trials = trials, curves = replicate_sets),
               auto_unbox = TRUE, digits = NA, null = "null")
writeLines(json, "test/fixtures/analysis/decision-uncertainty.json")
