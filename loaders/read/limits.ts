/**
 * Limits every reader enforces before it allocates, so that a damaged or hostile file of 10 MB or less is answered
 * within seconds and 1 GB: an export of a survey of municipalities (or of a million respondents) stays far inside
 * them. Excel's own sheet limits (1,048,576 rows, 16,384 columns, 32,767 characters in a cell) are used where they
 * apply; each message names the limit.
 */
export const READ_LIMITS = {
  /** Columns in a header (Excel allows 16,384). */
  maxColumns: 16_384,
  /** Bytes in a text export's header line. */
  maxHeaderBytes: 1 << 20,
  /** Characters in one cell (Excel's limit). */
  maxCellChars: 32_767,
  /** Rows in one sheet (Excel's limit). */
  maxSheetRows: 1_048_576,
  /** Cells (rows x columns) a reader holds in memory at once. */
  maxCells: 20_000_000,
  /** Cells in a workbook: exceljs holds each as an object of a few hundred bytes, so larger exports go by CSV. */
  maxWorkbookCells: 250_000,
  /** Bytes a compressed part (a .zsav block, a workbook entry) may inflate to, in total. */
  maxInflatedBytes: 512 << 20,
  /** Inflated bytes per compressed byte, beyond which a part is taken for a decompression bomb (deflate reaches ~1,000 only on runs of one byte). */
  maxInflateRatio: 200
} as const;
