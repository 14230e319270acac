#!/usr/bin/env Rscript
# Reference values for the one mean-with-interval of the survey core (src/components/stats/domain-mean.ts), computed
# with R's survey package: domain estimation under the stratified design (strata = size classes, fpc = N_h), as
# svymean(~y, subset(design, domain), na.rm = TRUE). Two designs: weighted (weights N_h / n_h, the `weight` column)
# and unweighted (every municipality counts once, as the report's tables do, with the same strata and fpc).
# Domains: all respondents, each size class, each role, and one size class x role cell.
#
#   Rscript scripts/r/survey-domains.R   ->  test/fixtures/r/survey-domains.json
suppressPackageStartupMessages({
  library(survey)
})
source("scripts/r/fixture.R")
options(survey.lonely.psu = "fail")

codebook <- fromJSON("data/codebook.json", simplifyVector = FALSE)
population <- unlist(codebook$population$size_class_counts)
raw <- read.csv(responses_path(), check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(respondent_id = "character"))
raw$N_h <- unname(population[raw$size_class])
raw$weight <- as.vector(raw$N_h) / as.vector(table(raw$size_class)[raw$size_class])
raw$one <- 1
scale_items <- lapply(setNames(codebook$scales, vapply(codebook$scales, function(s) s$id, "")), function(s)
  vapply(Filter(function(i) identical(i$scale, s$id), codebook$items), function(i) i$id, ""))
for (s in names(scale_items)) {
  m <- as.matrix(raw[, scale_items[[s]]])
  raw[[s]] <- ifelse(rowSums(is.na(m)) == 0, rowMeans(m), NA_real_)
}
designs <- list(
  weighted = svydesign(ids = ~1, strata = ~size_class, fpc = ~N_h, weights = ~weight, data = raw),
  unweighted = svydesign(ids = ~1, strata = ~size_class, fpc = ~N_h, weights = ~one, data = raw)
)
domains <- list(
  list(id = "alle", size_class = NULL, role = NULL),
  list(id = "<25.000", size_class = "<25.000", role = NULL),
  list(id = "50.001-100.000", size_class = "50.001-100.000", role = NULL),
  list(id = "gemeentesecretaris", size_class = NULL, role = "gemeentesecretaris"),
  list(id = "andere functie x 25.001-50.000", size_class = "25.001-50.000", role = "andere functie")
)
in_domain <- function(d) {
  keep <- rep(TRUE, nrow(raw))
  if (!is.null(d$size_class)) keep <- keep & raw$size_class == d$size_class
  if (!is.null(d$role)) keep <- keep & raw$role == d$role
  keep
}
rows <- list()
for (scale in c("beschikbaarheid", "inwoners_betrekken", "externe_kennis")) {
  for (w in names(designs)) {
    for (d in domains) {
      keep <- in_domain(d) & !is.na(raw[[scale]])
      sub <- subset(designs[[w]], keep)
      est <- svymean(as.formula(paste0("~`", scale, "`")), sub, na.rm = TRUE)
      n <- sum(keep)
      strata <- length(unique(raw$size_class[keep]))
      df <- n - strata
      mean <- unname(coef(est)); se <- unname(SE(est))[1]
      rows[[length(rows) + 1]] <- list(
        scale = scale, weighting = w, domain = d$id, size_class = d$size_class, role = d$role,
        n = n, mean = mean, se = se, df = df,
        lower_t = mean - qt(0.975, df) * se, upper_t = mean + qt(0.975, df) * se,
        lower_normal = unname(confint(est)[1, 1]), upper_normal = unname(confint(est)[1, 2])
      )
    }
  }
}
write_fixture(list(source = "data/raw/responses.csv", population = as.list(population), rows = rows), "survey-domains.json")
