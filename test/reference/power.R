# Golden values for analysis/power: R's power.prop.test and power.t.test
# (two-sided, two-sample, strict = FALSE) over a grid of inputs, including the
# seeds' figures (employment 50 % vs 10 % at 18 months; 59.9 % vs 46.5 %).
# Run from the repository root:  Rscript test/reference/power.R
# Writes test/reference/power.json. (R 4.2 from Debian 12.)
num <- function(x) sprintf("%.17g", x)
rows <- character(0)
for (p in list(c(0.5, 0.1), c(0.599, 0.465), c(0.3, 0.2), c(0.15, 0.05)))
  for (alpha in c(0.05, 0.01)) for (power in c(0.8, 0.9)) {
    n <- power.prop.test(p1 = p[1], p2 = p[2], sig.level = alpha, power = power, tol = 1e-10)$n
    pw <- power.prop.test(p1 = p[1], p2 = p[2], sig.level = alpha, n = 50)$power
    rows <- c(rows, sprintf('{"kind": "proportions", "p1": %s, "p2": %s, "alpha": %s, "power": %s, "n": %s, "powerAt50": %s}',
                            num(p[1]), num(p[2]), num(alpha), num(power), num(n), num(pw)))
  }
for (d in list(c(0.05, 0.2), c(0.1, 0.25), c(0.03, 0.15), c(0.2, 0.3)))
  for (alpha in c(0.05, 0.01)) for (power in c(0.8, 0.9)) {
    n <- power.t.test(delta = d[1], sd = d[2], sig.level = alpha, power = power, tol = 1e-10)$n
    pw <- power.t.test(delta = d[1], sd = d[2], sig.level = alpha, n = 50)$power
    rows <- c(rows, sprintf('{"kind": "means", "delta": %s, "sd": %s, "alpha": %s, "power": %s, "n": %s, "powerAt50": %s}',
                            num(d[1]), num(d[2]), num(alpha), num(power), num(n), num(pw)))
  }
writeLines(c(sprintf('{"source": "R %s: power.prop.test, power.t.test (tol = 1e-10)",', getRversion()),
             ' "cases": [', paste(rows, collapse = ",\n"), ']}'), "test/reference/power.json")
