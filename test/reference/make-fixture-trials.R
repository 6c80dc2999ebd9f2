# Builds the small synthetic trials of test/fixtures/analysis/ (CSV folders in
# the format of ANALYSIS-DATASET.md). Run from the repository root:
#   Rscript test/reference/make-fixture-trials.R
# Deterministic (set.seed). All identifiers are synthetic ("T001" ...).
# The expected results are computed by test/reference/cea-reference.R.

make_trial <- function(dir, n, seed, effect_shift, cost_shift) {
  set.seed(seed)
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  pid <- sprintf("T%03d", seq_len(n))
  arm <- ifelse(seq_len(n) %% 2 == 0, "ips", "control")
  site <- sample(c("SITE-A", "SITE-B", "SITE-C"), n, replace = TRUE)
  sex <- sample(c("female", "male", "other", ""), n, replace = TRUE, prob = c(.45, .45, .05, .05))
  age <- sample(c("18-24", "25-29", "30-39", "40-49", "50-64"), n, replace = TRUE)
  withdrawn <- ifelse(runif(n) < 0.08, sample(30:700, n, replace = TRUE), NA)
  write.csv(data.frame(pid, arm, site, sex, age_band = age, withdrawn_day = ifelse(is.na(withdrawn), "", withdrawn)),
            file.path(dir, "participants.csv"), row.names = FALSE, quote = FALSE)

  tps <- c(0, 6, 12, 18, 24)
  rows <- list(); su <- list()
  items <- c("psychiatrist_visit", "nurse_visit", "inpatient_day")
  for (i in seq_len(n)) for (tp in tps) {
    if (!is.na(withdrawn[i]) && withdrawn[i] < tp * 30.4) next
    if (tp > 0 && runif(1) < 0.08) next                     # missed visit
    base <- 3 - (arm[i] == "ips") * effect_shift * tp / 24
    lv <- pmin(5, pmax(1, round(base + rnorm(5, 0, 1))))
    if (runif(1) < 0.05) lv[sample(5, 1)] <- NA              # one dimension missing
    complete <- if (runif(1) < 0.1) 0 else 1
    rows[[length(rows) + 1]] <- data.frame(pid = pid[i], timepoint = tp, day = round(tp * 30.4 + rnorm(1, 0, 5)),
      eq5d_mo = lv[1], eq5d_sc = lv[2], eq5d_ua = lv[3], eq5d_pd = lv[4], eq5d_ad = lv[5],
      eq_vas = round(runif(1, 20, 90)), gse_01 = 2, gse_02 = 3, gse_03 = 2, gse_04 = 2, gse_05 = 3,
      gse_06 = 2, gse_07 = 1, gse_08 = 2, gse_09 = 3, gse_10 = 2, su_complete = complete)
    if (complete == 1) for (it in items) {
      q <- rpois(1, if (it == "inpatient_day") 1 + cost_shift * (arm[i] == "ips") else 2)
      if (q > 0) su[[length(su) + 1]] <- data.frame(pid = pid[i], timepoint = tp, item = it, quantity = q)
    }
  }
  a <- do.call(rbind, rows); a[is.na(a)] <- ""
  write.csv(a, file.path(dir, "assessments.csv"), row.names = FALSE, quote = FALSE)
  write.csv(do.call(rbind, su), file.path(dir, "service_use.csv"), row.names = FALSE, quote = FALSE)

  emp <- list()
  for (i in seq_len(n)) {
    k <- rpois(1, if (arm[i] == "ips") 1.5 else 0.8)
    for (j in seq_len(k)) {
      start <- sample(-20:760, 1)
      end <- if (runif(1) < 0.25) "" else start + sample(0:300, 1)
      type <- sample(c("competitive", "competitive", "work_trial", "education"), 1)
      emp[[length(emp) + 1]] <- data.frame(pid = pid[i], type, start_day = start, end_day = end,
                                           hours_per_week = if (runif(1) < .2) "" else sample(10:40, 1))
    }
  }
  write.csv(do.call(rbind, emp), file.path(dir, "employment.csv"), row.names = FALSE, quote = FALSE)

  logs <- list()
  for (i in seq_len(n)) {
    k <- if (arm[i] == "ips") rpois(1, 12) else rpois(1, 3)
    for (j in seq_len(k)) {
      role <- if (arm[i] == "ips") sample(c("ips_specialist", "municipal_coach"), 1, prob = c(.8, .2)) else "municipal_coach"
      logs[[length(logs) + 1]] <- data.frame(pid = pid[i], day = sample(-10:760, 1), role,
        activity = sample(c("participant_meeting", "employer_contact", "travel"), 1), minutes = sample(c(15, 30, 45, 60, 90), 1))
    }
  }
  write.csv(do.call(rbind, logs), file.path(dir, "timelogs.csv"), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(item = c(items, "staff_hour:ips_specialist", "staff_hour:municipal_coach"),
                       unit_cost = c(2900, 1100, 8350.5, 650, 575.25)),
            file.path(dir, "unit_costs.csv"), row.names = FALSE, quote = FALSE)
}

make_trial("test/fixtures/analysis/trial-a", n = 60, seed = 11, effect_shift = 0.6, cost_shift = 0.5)
make_trial("test/fixtures/analysis/trial-b", n = 36, seed = 29, effect_shift = -0.3, cost_shift = 1.5)
