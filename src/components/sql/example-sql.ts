// The SQL pieces every example query is built from: string literals, and the rule that blanks a group of 1-4
// respondents and every number it would follow from (../stats/suppression.ts, written out in SQL so that the reader
// sees it).
import {MIN_GROUP_SIZE, SUPPRESSED_TEXT} from "../stats/suppression.js";

/** The note beside a number that is blanked only because a hidden group would follow from it. */
export const DERIVABLE_TEXT = "niet getoond (anders af te leiden)";

/** SQL string literal. */
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
export const quoted = (ids: readonly string[]) => ids.map(literal).join(", ");
/** SQL: a group of 1-4 respondents (a group with none discloses nothing). */
export const small = (n: string) => `${n} BETWEEN 1 AND ${MIN_GROUP_SIZE - 1}`;
/** SQL: the opmerking column from a `small` and a `hidden` flag. */
export const remark = (isSmall: string, isHidden: string) => `CASE WHEN ${isSmall} THEN ${literal(SUPPRESSED_TEXT)} WHEN ${isHidden} THEN ${literal(DERIVABLE_TEXT)} END AS opmerking`;
