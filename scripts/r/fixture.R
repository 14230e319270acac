# What every R reference script shares: the responses it reads and how it writes a fixture, so that all fixtures
# in test/fixtures/r/ are JSON of one form (full precision, NA as null, matrices by row).
suppressPackageStartupMessages(library(jsonlite))

fixture_dir <- "test/fixtures/r"

#' The responses file: the script's first argument, else the reconstruction's data/raw/responses.csv.
#' A script that can do without it passes must_exist = FALSE.
responses_path <- function(must_exist = TRUE) {
  args <- commandArgs(trailingOnly = TRUE)
  path <- if (length(args) >= 1) args[[1]] else "data/raw/responses.csv"
  if (must_exist && !file.exists(path)) stop("no ", path, ": run npm run reconstruct first")
  path
}

#' Writes `x` as test/fixtures/r/<name>.
write_fixture <- function(x, name) {
  dir.create(fixture_dir, showWarnings = FALSE, recursive = TRUE)
  path <- file.path(fixture_dir, name)
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, matrix = "rowmajor", na = "null", null = "null", pretty = FALSE), path)
  message("wrote ", path)
}
