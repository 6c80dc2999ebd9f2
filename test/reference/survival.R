# Independent reference computation of the time to first competitive job
# (docs/analysis.md, "Time to first competitive job"), written from the
# definition and sharing no code with analysis/:
#   - each participant's time and event from participants and employment rows
#     (vectorised R, not the TypeScript loop): the first start_day of a
#     competitive episode on days 0 .. min(729, withdrawn_day); otherwise
#     censored on that day; participants in a competitive job at
#     randomization (an episode started before day 0 and not ended before
#     it) are left out; with countWageSubsidised = FALSE competitive episodes
#     with wage_subsidy = 1 are not jobs;
#   - survival 3.5.3: survfit (Kaplan-Meier, Greenwood, conf.type "log" — R's
#     default — and "log-log"), summary(fit)$table (median and its interval
#     as print(fit) shows them), survdiff (log-rank, rho = 0) and coxph
#     (ties = "efron", R's default; once with tight control so the estimate
#     is the maximum of the partial likelihood, once with R's defaults).
# Cases: hand-made ties (events tied with each other and with censorings,
# an event and a censoring on day 0, a survival plateau of exactly 0.5),
# a realistic simulated trial (integer days, withdrawals, baseline
# employment, other episode types, wage subsidies; analysed with
# countWageSubsidised TRUE and FALSE), an arm without any event (Cox
# estimate infinite) and an arm where everyone finds a job (S reaches 0).
# Run from the repository root (R >= 4.2, survival, jsonlite):
#   Rscript test/reference/survival.R
# Writes test/fixtures/analysis/survival.json.
suppressMessages({ library(survival); library(jsonlite) })

HORIZON <- 729

times_of <- function(participants, employment, count_subsidised) {
  jobs <- employment[employment$type == "competitive", ]
  if (!count_subsidised) jobs <- jobs[is.na(jobs$wage_subsidy) | jobs$wage_subsidy != 1, ]
  last <- pmin(HORIZON, ifelse(is.na(participants$withdrawn_day), HORIZON, participants$withdrawn_day))
  names(last) <- participants$pid
  at_baseline <- jobs$start_day < 0 & (is.na(jobs$end_day) | jobs$end_day >= 0)
  employed <- participants$pid %in% jobs$pid[at_baseline]
  counted <- jobs[jobs$start_day >= 0 & jobs$start_day <= last[jobs$pid], ]
  first <- tapply(counted$start_day, counted$pid, min)
  event <- participants$pid %in% names(first)
  time <- ifelse(event, first[participants$pid], last)
  data.frame(pid = participants$pid, arm = participants$arm, time = as.numeric(time),
             event = as.integer(event), included = !employed, stringsAsFactors = FALSE)
}

na_inf <- function(x) ifelse(is.finite(x), x, NA)

km_of <- function(d) {
  fit <- survfit(Surv(time, event) ~ 1, data = d)
  loglog <- survfit(Surv(time, event) ~ 1, data = d, conf.type = "log-log")
  table <- summary(fit)$table
  table2 <- summary(loglog)$table
  list(
    n = nrow(d), events = sum(d$event),
    curve = list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
                 surv = fit$surv, std_err = na_inf(fit$std.err),
                 lower = na_inf(fit$lower), upper = na_inf(fit$upper),
                 lower_loglog = na_inf(loglog$lower), upper_loglog = na_inf(loglog$upper)),
    median = list(log = na_inf(unname(table[c("median", "0.95LCL", "0.95UCL")])),
                  loglog = na_inf(unname(table2[c("median", "0.95LCL", "0.95UCL")])))
  )
}

analyse <- function(name, participants, employment, count_subsidised = TRUE) {
  times <- times_of(participants, employment, count_subsidised)
  d <- times[times$included, ]
  d$ips <- as.integer(d$arm == "ips")
  logrank <- survdiff(Surv(time, event) ~ arm, data = d)
  groups <- sub("arm=", "", names(logrank$n))
  # R's defaults warn "coefficient may be infinite" when the partial likelihood has no maximum
  warnings <- character(0)
  default_cox <- withCallingHandlers(coxph(Surv(time, event) ~ ips, data = d),
    warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
  warned <- any(grepl("infinite", warnings))
  cox <- suppressWarnings(coxph(Surv(time, event) ~ ips, data = d, ties = "efron",
                                control = coxph.control(eps = 1e-14, iter.max = 200)))
  s <- summary(cox)
  list(
    name = name, countWageSubsidised = count_subsidised,
    participants = participants, employment = employment,
    times = times,
    arms = list(ips = km_of(d[d$arm == "ips", ]), control = km_of(d[d$arm == "control", ])),
    employedAtRandomization = list(ips = sum(!times$included & times$arm == "ips"),
                                   control = sum(!times$included & times$arm == "control")),
    logRank = list(chisq = logrank$chisq, p = pchisq(logrank$chisq, 1, lower.tail = FALSE),
                   observed = as.list(setNames(logrank$obs, groups)),
                   expected = as.list(setNames(logrank$exp, groups))),
    cox = list(infinite = warned, coef = unname(coef(cox)), se = unname(sqrt(diag(vcov(cox)))),
               hr = unname(s$conf.int[1, "exp(coef)"]), lower = unname(s$conf.int[1, "lower .95"]),
               upper = unname(s$conf.int[1, "upper .95"]), p = unname(s$coefficients[1, "Pr(>|z|)"]),
               loglik = cox$loglik, defaultCoef = unname(coef(default_cox)))
  )
}

# a participant per time: an event is a competitive job starting that day, a
# censoring a withdrawal that day (or none at all for day 729)
from_times <- function(arm, time, event, prefix) {
  pid <- sprintf("%s%02d", prefix, seq_along(time))
  participants <- data.frame(pid = pid, arm = arm, withdrawn_day = ifelse(event == 1 | time >= HORIZON, NA, time),
                             stringsAsFactors = FALSE)
  employment <- data.frame(pid = pid[event == 1], type = rep("competitive", sum(event == 1)), start_day = time[event == 1],
                           end_day = rep(NA_real_, sum(event == 1)), wage_subsidy = rep(NA_real_, sum(event == 1)),
                           stringsAsFactors = FALSE)
  list(participants = participants, employment = employment)
}

bind <- function(a, b) list(participants = rbind(a$participants, b$participants), employment = rbind(a$employment, b$employment))

cases <- list()

# hand-made: ties across arms and with censorings, day 0 event and censoring,
# the IPS curve sits at exactly 0.5 from day 20 to day 40 (median midpoint 30)
hand <- bind(
  from_times("ips", c(0, 10, 20, 30, 40, 40, 100, 729), c(1, 1, 1, 0, 1, 1, 0, 0), "h-i"),
  from_times("control", c(0, 10, 10, 40, 40, 60, 200, 729, 729, 729), c(0, 1, 0, 1, 0, 1, 1, 0, 0, 0), "h-c"))
cases[[length(cases) + 1]] <- analyse("hand-ties", hand$participants, hand$employment)

plateau <- bind(
  from_times("ips", c(10, 20, 30, 40), c(1, 1, 0, 1), "p-i"),
  from_times("control", c(5, 15, 25, 35, 45, 729), c(1, 0, 1, 1, 0, 0), "p-c"))
cases[[length(cases) + 1]] <- analyse("median-plateau", plateau$participants, plateau$employment)

# realistic trial: 320 participants, integer days
set.seed(20261206)
n <- 320
arm <- rep(c("ips", "control"), each = n / 2)
pid <- sprintf("sim-%03d", seq_len(n))
withdrawn <- ifelse(runif(n) < 0.15, floor(runif(n, 0, HORIZON + 1)), NA)
participants <- data.frame(pid = pid, arm = arm, withdrawn_day = withdrawn, stringsAsFactors = FALSE)
rows <- list()
for (i in seq_len(n)) {
  rate <- if (arm[i] == "ips") 1 / 520 else 1 / 1300
  if (runif(1) < 0.06) # in a job at randomization (some of them later start another)
    rows[[length(rows) + 1]] <- data.frame(pid = pid[i], type = "competitive", start_day = -floor(runif(1, 1, 200)),
                                           end_day = if (runif(1) < 0.5) NA else floor(runif(1, 0, 300)), wage_subsidy = NA)
  if (runif(1) < 0.1) # a job that ended before randomization: still at risk
    rows[[length(rows) + 1]] <- data.frame(pid = pid[i], type = "competitive", start_day = -400, end_day = -30, wage_subsidy = 0)
  if (runif(1) < 0.3) # other episode types never count
    rows[[length(rows) + 1]] <- data.frame(pid = pid[i], type = sample(c("work_trial", "sheltered", "education", "other"), 1),
                                           start_day = floor(runif(1, 0, 500)), end_day = NA, wage_subsidy = NA)
  start <- floor(rexp(1, rate))
  for (k in 1:2) {
    if (start > 800) break
    end <- if (runif(1) < 0.4) NA else start + floor(runif(1, 0, 200))
    subsidy <- if (runif(1) < 0.3) 1 else if (runif(1) < 0.8) 0 else NA
    rows[[length(rows) + 1]] <- data.frame(pid = pid[i], type = "competitive", start_day = start, end_day = end, wage_subsidy = subsidy)
    start <- start + floor(rexp(1, rate * 2)) + 1
  }
}
employment <- do.call(rbind, rows)
employment$end_day <- as.numeric(employment$end_day)
employment$wage_subsidy <- as.numeric(employment$wage_subsidy)
cases[[length(cases) + 1]] <- analyse("simulated-trial", participants, employment, TRUE)
cases[[length(cases) + 1]] <- analyse("simulated-trial-without-subsidised", participants, employment, FALSE)

# no event in the control arm: the Cox estimate is infinite
none <- bind(
  from_times("ips", c(12, 30, 30, 90, 200, 400, 729, 729), c(1, 1, 1, 0, 1, 1, 0, 0), "n-i"),
  from_times("control", c(50, 100, 300, 729, 729, 729), c(0, 0, 0, 0, 0, 0), "n-c"))
cases[[length(cases) + 1]] <- analyse("control-without-events", none$participants, none$employment)

# everyone in IPS finds a job: S reaches 0, its interval is undefined there
all <- bind(
  from_times("ips", c(3, 8, 8, 15, 21, 40, 41, 60), rep(1, 8), "a-i"),
  from_times("control", c(8, 30, 70, 150, 400, 729, 729, 729, 729), c(1, 1, 0, 1, 1, 0, 0, 0, 0), "a-c"))
cases[[length(cases) + 1]] <- analyse("ips-all-events", all$participants, all$employment)

json <- toJSON(list(source = sprintf("test/reference/survival.R, %s, survival %s, jsonlite %s",
                                     R.version.string, packageVersion("survival"), packageVersion("jsonlite")),
                    z = qnorm(0.975), cases = cases),
               auto_unbox = TRUE, digits = NA, na = "null", dataframe = "columns", pretty = FALSE)
writeLines(json, "test/fixtures/analysis/survival.json")
