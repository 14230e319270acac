#!/usr/bin/env Rscript
# Reference values for the methodology lab's numerical library (src/components/stats/), computed with R's own
# implementations: psych (correlation, KMO, Bartlett, principal, fa, alpha), GPArotation (Varimax, oblimin),
# stats (varimax, eigen) and survey (svydesign with fpc, svymean, svyby, postStratify).
# Writes JSON fixtures to test/fixtures/r/; vitest (test/stats/) compares the TypeScript library with them,
# so the tests do not need R.
#
#   Rscript scripts/r/reference.R [path/to/responses.csv]
#
# (a) classic.json: published data sets that ship with R: datasets::attitude, psych::bfi (first 400 rows,
#     agreeableness and conscientiousness items, with missing answers) and survey's apistrat/apisrs.
# (b) project.json: the project's data/raw/responses.csv (skipped with a message if the file is not there yet).
# (c) grim.json: the GRIM test by brute force on every mean in data/published.json.
suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(survey)
})
source("scripts/r/fixture.R")
responses_path <- responses_path(must_exist = FALSE)

# The library's canonical factor order: by explained variance (diag(Phi L'L) when oblique), positive column sums.
canon <- function(L, Phi = NULL) {
  L <- unclass(as.matrix(L))
  ev <- if (is.null(Phi)) colSums(L^2) else diag(Phi %*% t(L) %*% L)
  o <- order(ev, decreasing = TRUE)
  L <- L[, o, drop = FALSE]
  s <- sign(colSums(L)); s[s == 0] <- 1
  L <- L %*% diag(s, length(s))
  if (!is.null(Phi)) {
    Phi <- Phi[o, o, drop = FALSE]
    Phi <- diag(s, length(s)) %*% Phi %*% diag(s, length(s))
  }
  dimnames(L) <- NULL
  if (is.null(Phi)) L else list(loadings = L, phi = unname(Phi))
}

# Everything about one correlation matrix and its factor solutions with `nf` factors.
factor_reference <- function(R, n, nf) {
  R <- unname(as.matrix(R))
  pca <- canon(principal(R, nfactors = nf, rotate = "none")$loadings)
  pa_default <- canon(fa(R, nfactors = nf, fm = "pa", rotate = "none", warnings = FALSE)$loadings)
  pa_tight <- canon(fa(R, nfactors = nf, fm = "pa", rotate = "none", min.err = 1e-12, max.iter = 10000, warnings = FALSE)$loadings)
  mr <- canon(fa(R, nfactors = nf, fm = "minres", rotate = "none", warnings = FALSE)$loadings)
  k <- KMO(R)
  b <- cortest.bartlett(R, n = n)
  res <- list(
    n = n, nfactors = nf, r = R,
    eigenvalues = eigen(R, symmetric = TRUE)$values,
    smc = unname(smc(R)),
    kmo = list(overall = k$MSA, per_item = unname(k$MSAi)),
    bartlett = list(chi_square = b$chisq, df = b$df, p = b$p.value),
    pca = pca, pa_default = pa_default, pa_tight = pa_tight, minres = mr
  )
  if (nf >= 2) {
    res$pca_varimax <- canon(stats::varimax(pca)$loadings)                         # SPSS FACTOR default: PCA + varimax (Kaiser)
    res$pa_varimax_stats <- canon(stats::varimax(pa_tight)$loadings)              # stats::varimax defaults (eps 1e-5)
    res$pa_varimax_gpa <- canon(GPArotation::Varimax(pa_tight, normalize = TRUE, eps = 1e-7, maxit = 5000)$loadings)
    ob <- GPArotation::oblimin(pa_tight)                                          # GPArotation defaults
    res$pa_oblimin_default <- canon(ob$loadings, ob$Phi)
    ob <- GPArotation::oblimin(pa_tight, eps = 1e-7, maxit = 5000)
    res$pa_oblimin_tight <- canon(ob$loadings, ob$Phi)
    ob <- GPArotation::oblimin(pa_tight, normalize = TRUE, eps = 1e-7, maxit = 5000)
    res$pa_oblimin_kaiser <- canon(ob$loadings, ob$Phi)
  }
  res
}

omega_reference <- function(R) {
  l <- as.vector(canon(fa(R, nfactors = 1, fm = "minres", rotate = "none", warnings = FALSE)$loadings))
  l_pa <- as.vector(canon(fa(R, nfactors = 1, fm = "pa", rotate = "none", min.err = 1e-12, max.iter = 10000, warnings = FALSE)$loadings))
  om <- function(l) sum(l)^2 / (sum(l)^2 + sum(1 - l^2))
  list(loadings_minres = l, omega_minres = om(l), loadings_pa = l_pa, omega_pa = om(l_pa))
}

alpha_reference <- function(X) {
  X <- as.matrix(X[complete.cases(X), , drop = FALSE])
  a <- psych::alpha(X, check.keys = FALSE, warnings = FALSE)
  list(n = nrow(X), alpha = a$total$raw_alpha, alpha_if_deleted = unname(a$alpha.drop$raw_alpha), item_rest = unname(a$item.stats$r.drop))
}

# Mean eigenvalues of random normal data with n rows and p columns (components and SMC-reduced).
parallel_reference <- function(n, p, iterations = 4000, seed = 1) {
  set.seed(seed)
  ev <- matrix(0, iterations, p); evr <- matrix(0, iterations, p)
  for (i in seq_len(iterations)) {
    r <- cor(matrix(rnorm(n * p), n, p))
    ev[i, ] <- eigen(r, symmetric = TRUE, only.values = TRUE)$values
    diag(r) <- smc(r)
    evr[i, ] <- eigen(r, symmetric = TRUE, only.values = TRUE)$values
  }
  list(n = n, p = p, iterations = iterations, mean = colMeans(ev), mean_reduced = colMeans(evr),
       sd = apply(ev, 2, sd), sd_reduced = apply(evr, 2, sd))
}

interval_list <- function(est, design) {
  ci_n <- confint(est)
  ci_t <- confint(est, df = degf(design))
  list(mean = unname(coef(est)), se = as.vector(SE(est)), lower = unname(ci_n[, 1]), upper = unname(ci_n[, 2]),
       lower_t = unname(ci_t[, 1]), upper_t = unname(ci_t[, 2]), df = degf(design))
}

# ---- (a) classic data sets ----------------------------------------------------------------------------------
attitude_m <- as.matrix(datasets::attitude)
bfi_items <- c(paste0("A", 1:5), paste0("C", 1:5))
bfi_m <- as.matrix(psych::bfi[1:400, bfi_items])

data(api, package = "survey")
strat_design <- svydesign(ids = ~1, strata = ~stype, fpc = ~fpc, data = apistrat)
strat_mean <- svymean(~api00, strat_design)
strat_by <- svyby(~api00, ~stype, strat_design, svymean)
pop_counts <- table(apipop$stype)
srs_ps <- postStratify(svydesign(ids = ~1, data = apisrs, weights = ~1), ~stype,
                       data.frame(stype = names(pop_counts), Freq = as.vector(pop_counts)))
ps_weights <- unname(weights(srs_ps))
# one stratum as a simple random sample without replacement
e_design <- svydesign(ids = ~1, fpc = ~fpc, data = subset(apistrat, stype == "E"))

classic <- list(
  source = "R datasets::attitude; psych::bfi rows 1-400 (A1-A5, C1-C5); survey::apistrat, apisrs, apipop",
  versions = list(R = R.version.string, psych = as.character(packageVersion("psych")), GPArotation = as.character(packageVersion("GPArotation")), survey = as.character(packageVersion("survey"))),
  attitude = list(
    columns = colnames(attitude_m), data = unname(attitude_m),
    factors2 = factor_reference(cor(attitude_m), nrow(attitude_m), 2),
    factors3 = factor_reference(cor(attitude_m), nrow(attitude_m), 3),
    alpha = alpha_reference(attitude_m),
    omega = omega_reference(cor(attitude_m))
  ),
  bfi = list(
    columns = bfi_items, data = unname(bfi_m),
    r_listwise = unname(cor(bfi_m, use = "complete.obs")),
    r_pairwise = unname(cor(bfi_m, use = "pairwise.complete.obs")),
    n_pairwise = unname(pairwiseCount(bfi_m)),
    complete_cases = sum(complete.cases(bfi_m)),
    factors2 = factor_reference(cor(bfi_m, use = "complete.obs"), sum(complete.cases(bfi_m)), 2),
    alpha_c = alpha_reference(bfi_m[, paste0("C", 1:3)]),
    omega_c = omega_reference(cor(bfi_m[, paste0("C", 1:3)], use = "complete.obs"))
  ),
  parallel = parallel_reference(100, 10),
  survey = list(
    api00 = apistrat$api00, stype = as.character(apistrat$stype),
    population = as.list(setNames(as.vector(tapply(apistrat$fpc, apistrat$stype, `[`, 1)), levels(apistrat$stype))),
    stratified = interval_list(strat_mean, strat_design),
    by_stratum = lapply(setNames(levels(apistrat$stype), levels(apistrat$stype)), function(h) {
      d <- svydesign(ids = ~1, fpc = ~fpc, data = subset(apistrat, stype == h))
      interval_list(svymean(~api00, d), d)
    }),
    stratum_e = interval_list(svymean(~api00, e_design), e_design),
    poststrat = list(stype = as.character(apisrs$stype), population = as.list(setNames(as.vector(pop_counts), names(pop_counts))),
                     weights = ps_weights, kish_n = sum(ps_weights)^2 / sum(ps_weights^2),
                     kish_deff = length(ps_weights) * sum(ps_weights^2) / sum(ps_weights)^2)
  )
)
write_fixture(classic, "classic.json")

# ---- (b) the project's reconstructed responses -----------------------------------------------------------------
if (file.exists(responses_path)) {
  codebook <- fromJSON("data/codebook.json", simplifyVector = FALSE)
  population <- unlist(codebook$population$size_class_counts)
  raw <- read.csv(responses_path, check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(respondent_id = "character"))
  item_ids <- vapply(codebook$items, function(i) i$id, "")
  scale_items <- lapply(setNames(codebook$scales, vapply(codebook$scales, function(s) s$id, "")), function(s)
    vapply(Filter(function(i) identical(i$scale, s$id), codebook$items), function(i) i$id, ""))
  X <- as.matrix(raw[, item_ids])
  storage.mode(X) <- "double"
  size <- raw$size_class
  raw$N_h <- unname(population[size])
  # post-stratification weights over all respondents (the `weight` column of respondents.parquet)
  raw$weight <- as.vector(unname(population[size])) / as.vector(table(size)[size])
  full_design <- svydesign(ids = ~1, strata = ~size_class, fpc = ~N_h, data = raw)
  scores <- lapply(scale_items, function(items) {
    m <- X[, items, drop = FALSE]
    ifelse(rowSums(is.na(m)) == 0, rowMeans(m), NA_real_)
  })
  scale_ref <- lapply(names(scale_items), function(s) {
    y <- scores[[s]]
    d <- raw; d$y <- y
    cc <- d[!is.na(y), ]
    cc_design <- svydesign(ids = ~1, strata = ~size_class, fpc = ~N_h, data = cc)
    by_class <- lapply(setNames(names(population), names(population)), function(h) {
      dh <- cc[cc$size_class == h, ]
      if (nrow(dh) < 2) return(NULL)
      des <- svydesign(ids = ~1, fpc = ~N_h, data = dh)
      c(list(n = nrow(dh)), interval_list(svymean(~y, des), des))
    })
    dom <- svymean(~y, update(full_design, y = y), na.rm = TRUE)
    items <- scale_items[[s]]
    list(
      scale = s, items = items, n = sum(!is.na(y)),
      unweighted_mean = mean(y, na.rm = TRUE),
      weighted_mean_fixed = sum(raw$weight * y, na.rm = TRUE) / sum(raw$weight[!is.na(y)]),
      stratified = interval_list(svymean(~y, cc_design), cc_design),
      stratified_no_fpc = interval_list(svymean(~y, svydesign(ids = ~1, strata = ~size_class, weights = ~I(N_h / ave(N_h, size_class, FUN = length)), data = cc)), cc_design),
      domain = list(mean = unname(coef(dom)), se = as.vector(SE(dom)), lower = unname(confint(dom)[, 1]), upper = unname(confint(dom)[, 2])),
      by_class = by_class,
      alpha = if (length(items) >= 2) alpha_reference(X[, items, drop = FALSE]) else NULL,
      omega = if (length(items) >= 3) omega_reference(cor(X[, items], use = "complete.obs")) else NULL
    )
  })
  blocks <- list(
    list(id = "beschikbaarheid_kennismanagement", items = c(scale_items$beschikbaarheid, scale_items$kennismanagement), nfactors = 2),
    list(id = "netwerken", items = c("net_intern", "net_extern", "beh_schakelpunt", "beh_regionaal", "beh_elders", "beh_intermediair"), nfactors = 2),
    list(id = "inwoners", items = c(scale_items$inwoners_peilen, scale_items$inwoners_betrekken), nfactors = 2)
  )
  block_ref <- lapply(blocks, function(b) {
    m <- X[, b$items]
    c(b, list(
      r_pairwise = unname(cor(m, use = "pairwise.complete.obs")),
      complete_cases = sum(complete.cases(m)),
      factors = factor_reference(cor(m, use = "complete.obs"), sum(complete.cases(m)), b$nfactors)
    ))
  })
  w <- raw$weight
  project <- list(
    source = responses_path,
    columns = item_ids,
    size_class = size,
    data = unname(X),
    population = as.list(population),
    weights = w,
    kish_n = sum(w)^2 / sum(w^2),
    kish_deff = length(w) * sum(w^2) / sum(w)^2,
    scales = scale_ref,
    blocks = block_ref
  )
  write_fixture(project, "project.json")
} else {
  message("no ", responses_path, ": project.json not written")
}

# ---- (c) GRIM on the printed means, by brute force over whole totals -------------------------------------------
published <- fromJSON("data/published.json", simplifyVector = FALSE)
grim_possible <- function(mean, n, items, decimals = 2, lo = -Inf, hi = Inf) {
  nk <- n * items
  totals <- seq(floor((mean - 1) * nk), ceiling((mean + 1) * nk))
  totals <- totals[totals >= lo * nk & totals <= hi * nk]
  # either rounding of an exact tie counts as possible
  any(abs(totals / nk - mean) <= 0.5 * 10^-decimals + 1e-9)
}
grim_rows <- list()
for (t in published$tables) {
  rows <- c(t$rows, list(c(t$total, list(size_class = "Totaal"))))
  for (r in rows) {
    possible_n <- Filter(function(n) grim_possible(r$mean, n, t$items, 2, t$range[[1]], t$range[[2]]), 1:120)
    grim_rows[[length(grim_rows) + 1]] <- list(
      table = t$id, scale = t$scale, size_class = r$size_class, mean = r$mean, n = r$n, items = t$items,
      range = unlist(t$range), consistent = grim_possible(r$mean, r$n, t$items, 2, t$range[[1]], t$range[[2]]),
      possible_n_1_120 = unlist(possible_n))
  }
}
write_fixture(list(source = "data/published.json", rows = grim_rows), "grim.json")
