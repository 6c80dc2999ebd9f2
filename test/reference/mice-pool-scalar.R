# Golden values for analysis/imputation/pool-rubin.ts: Rubin's rules with
# Barnard-Rubin degrees of freedom, computed by mice::pool.scalar.
# Run from the repository root:  Rscript test/reference/mice-pool-scalar.R
# Writes test/reference/mice-pool-scalar.json. (R 4.2, mice 3.15 from Debian 12.)
suppressPackageStartupMessages(library(mice))

num <- function(x) if (is.infinite(x)) "null" else sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")

set.seed(20261123)
cases <- list(
  list(name = "five estimates, complete-data df infinite", Q = c(1.2, 1.5, 0.9, 1.1, 1.4),
       U = c(0.04, 0.05, 0.045, 0.05, 0.042), n = Inf, k = 1),
  list(name = "five estimates, n = 100, k = 2", Q = c(1.2, 1.5, 0.9, 1.1, 1.4),
       U = c(0.04, 0.05, 0.045, 0.05, 0.042), n = 100, k = 2),
  list(name = "twenty cost increments, n = 500, k = 3", Q = rnorm(20, -15000, 1500),
       U = rgamma(20, 50, 50 / 2.4e7), n = 500, k = 3),
  list(name = "no between-imputation variance (lambda floored at 1e-4)", Q = rep(0.05, 4),
       U = c(1e-4, 1.2e-4, 0.9e-4, 1.1e-4), n = 50, k = 2)
)

out <- vapply(cases, function(cs) {
  p <- pool.scalar(cs$Q, cs$U, n = cs$n, k = cs$k)
  sprintf(paste0('  {"name": "%s", "Q": %s, "U": %s, "completeDf": %s,\n',
                 '   "qbar": %s, "ubar": %s, "b": %s, "t": %s, "df": %s, "r": %s, "fmi": %s}'),
          cs$name, vec(cs$Q), vec(cs$U), num(cs$n - cs$k),
          num(p$qbar), num(p$ubar), num(p$b), num(p$t), num(p$df), num(p$r), num(p$fmi))
}, "")
writeLines(c(sprintf('{"source": "R %s, mice %s, pool.scalar(Q, U, n, k)",', getRversion(), packageVersion("mice")),
             ' "cases": [', paste(out, collapse = ",\n"), ']}'),
           "test/reference/mice-pool-scalar.json")
