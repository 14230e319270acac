#!/usr/bin/env Rscript
# Reference values for the factor lab's model diagnostics: does a fit converge, after how many iterations, how many
# degrees of freedom does the model have, and does it produce Heywood cases (communality >= 1, |loading| > 1)?
# Also omega total in psych's own definition (observed total variance) next to the model-implied one, and a check
# that our varimax stops where R's stats::varimax stops.
# Writes test/fixtures/r/factor-diagnostics.json; test/stats/factor-diagnostics.test.ts compares the library with it.
#
#   Rscript scripts/r/factor-diagnostics.R [path/to/responses.csv]
#
# What psych does (2.2.9, fac()):
# - fm = "pa" iterates until the sum of communalities changes by at most min.err or max.iter iterations have run;
#   the communality of every iteration is kept in $communality.iterations, so its length is the iteration count.
#   On hitting max.iter it only prints "maximum iteration exceeded".
# - fm = "minres" fits the uniquenesses with optim(L-BFGS-B) bounded to [0.005, 1]: a communality can reach 0.995
#   (a Heywood case held at the bound) and only the reported diag(LL') may slightly exceed it.
# - After any fit, a communality above 1 gives the warning "An ultra-Heywood case was detected".
# - $dof = p(p-1)/2 - p m + m(m-1)/2 = ((p-m)^2 - (p+m))/2: zero or less means the model is not identified.
suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
})
source("scripts/r/fixture.R")
responses_path <- responses_path()

# The lab's fits: principal axis as the page runs it, and psych's defaults
page_pa <- list(min_err = 1e-9, max_iter = 1000)
codebook <- fromJSON("data/codebook.json", simplifyVector = FALSE)
raw <- read.csv(responses_path, check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(respondent_id = "character"))
topic_items <- function(topics) vapply(Filter(function(i) i$topic %in% topics, codebook$items), function(i) i$id, "")
scale_items <- function(scale) vapply(Filter(function(i) identical(i$scale, scale), codebook$items), function(i) i$id, "")

# Loadings in the library's canonical order (by explained variance, positive column sums).
canon <- function(L) {
  L <- unclass(as.matrix(L))
  o <- order(colSums(L^2), decreasing = TRUE)
  L <- L[, o, drop = FALSE]
  s <- sign(colSums(L)); s[s == 0] <- 1
  L <- L %*% diag(s, length(s))
  dimnames(L) <- NULL
  L
}

# psych's fa(fm = "pa") itself fails on some non-identified models (4 factors of 6 items: "subscript out of
# bounds"); the fixture then records the error message.
pa_fit <- function(R, nf, n, min_err, max_iter, rotate = "none") {
  tryCatch(pa_fit_or_fail(R, nf, n, min_err, max_iter, rotate), error = function(e) list(error = conditionMessage(e)))
}
pa_fit_or_fail <- function(R, nf, n, min_err, max_iter, rotate) {
  f <- suppressWarnings(fa(R, nfactors = nf, n.obs = n, fm = "pa", rotate = rotate, min.err = min_err, max.iter = max_iter, warnings = FALSE))
  comm <- unlist(f$communality.iterations)
  last_change <- if (length(comm) >= 2) abs(diff(tail(comm, 2))) else Inf
  list(
    iterations = length(comm),
    converged = last_change <= min_err,
    communalities = unname(f$communality),
    max_communality = max(f$communality),
    loadings = canon(f$loadings),
    max_abs_loading = max(abs(unclass(f$loadings))),
    ultra_heywood = any(f$communality > 1)
  )
}

fit_case <- function(id, items, nfs) {
  X <- as.matrix(raw[, items])
  storage.mode(X) <- "double"
  R <- unname(cor(X, use = "complete.obs"))
  n <- sum(complete.cases(X))
  fits <- lapply(nfs, function(nf) {
    mr <- suppressWarnings(fa(R, nfactors = nf, n.obs = n, fm = "minres", rotate = "none", warnings = FALSE))
    list(
      nfactors = nf,
      dof = mr$dof,
      pa_page = pa_fit(R, nf, n, page_pa$min_err, page_pa$max_iter),
      pa_page_varimax = if (nf >= 2) pa_fit(R, nf, n, page_pa$min_err, page_pa$max_iter, rotate = "varimax") else NULL,
      pa_default = pa_fit(R, nf, n, 0.001, 50),
      minres = list(communalities = unname(mr$communality), max_communality = max(mr$communality), ultra_heywood = any(mr$communality > 1))
    )
  })
  list(id = id, items = items, n = n, r = R, fits = fits)
}

# stats::varimax with its iterations counted: each iteration calls La.svd once. The trace code runs in La.svd's
# frame (base namespace, whose parent is the global environment), so the counter lives in a global environment.
svd_calls <- new.env()
varimax_counted <- function(x, ...) {
  svd_calls$n <- 0
  trace("La.svd", quote(svd_calls$n <- svd_calls$n + 1), print = FALSE, where = asNamespace("stats"))
  on.exit(untrace("La.svd", where = asNamespace("stats")))
  v <- stats::varimax(x, ...)
  list(loadings = unname(unclass(v$loadings)), rotation = unname(v$rotmat), iterations = svd_calls$n)
}

omega_case <- function(id, R) {
  R <- unname(as.matrix(R))
  pa1 <- as.vector(canon(fa(R, nfactors = 1, fm = "pa", rotate = "none", min.err = 1e-12, max.iter = 10000, warnings = FALSE)$loadings))
  o <- suppressWarnings(suppressMessages(omega(R, nfactors = 1, fm = "minres", plot = FALSE)))
  Vt <- sum(R)
  list(
    id = id, r = R,
    # psych::omega: omega.tot = (Vt - sum(u2)) / Vt with Vt = sum(R), the observed variance of the standardised sum
    psych_omega_tot = o$omega.tot,
    psych_loadings = as.vector(o$schmid$sl[, "g"]),
    loadings_pa = pa1,
    omega_observed_pa = (Vt - sum(1 - pa1^2)) / Vt,
    # model-implied total: (sum l)^2 + sum(u2), the sum score's variance if the one-factor model held exactly
    omega_model_pa = sum(pa1)^2 / (sum(pa1)^2 + sum(1 - pa1^2))
  )
}

external <- fit_case("externe_kennis_contacten", topic_items(c("externe_kennis", "externe_contacten")), 1:4)
networks <- fit_case("netwerken", topic_items(c("faciliteren_netwerken", "behoefte_netwerken")), 1:4)
residents <- fit_case("inwoners", topic_items(c("inwoners_peilen", "inwoners_betrekken")), 1:4)
varimax_input <- external$fits[[2]]$pa_page$loadings
attitude_input <- canon(principal(cor(datasets::attitude), nfactors = 3, rotate = "none")$loadings)

scales <- Filter(function(s) length(scale_items(s$id)) >= 3, codebook$scales)
omega_scales <- lapply(scales, function(s) {
  X <- as.matrix(raw[, scale_items(s$id)])
  storage.mode(X) <- "double"
  omega_case(s$id, cor(X, use = "complete.obs"))
})

fixture <- list(
  source = responses_path,
  versions = list(R = R.version.string, psych = as.character(packageVersion("psych")), GPArotation = as.character(packageVersion("GPArotation"))),
  page_pa = page_pa,
  blocks = list(
    list(topics = c("externe_kennis", "externe_contacten"), case = external),
    list(topics = c("faciliteren_netwerken", "behoefte_netwerken"), case = networks),
    list(topics = c("inwoners_peilen", "inwoners_betrekken"), case = residents)
  ),
  varimax = list(
    list(name = "externe blok, hoofdas 2 factoren", input = varimax_input, normalize = TRUE, eps = 1e-5, result = varimax_counted(varimax_input)),
    list(name = "externe blok, eps 1e-2", input = varimax_input, normalize = TRUE, eps = 1e-2, result = varimax_counted(varimax_input, eps = 1e-2)),
    list(name = "externe blok, zonder normalisatie", input = varimax_input, normalize = FALSE, eps = 1e-5, result = varimax_counted(varimax_input, normalize = FALSE)),
    list(name = "attitude, PCA 3 componenten", input = attitude_input, normalize = TRUE, eps = 1e-5, result = varimax_counted(attitude_input))
  ),
  omega = c(list(omega_case("attitude", cor(datasets::attitude))), omega_scales)
)
write_fixture(fixture, "factor-diagnostics.json")
