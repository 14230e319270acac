// The total of a list of numbers (answer counts, codes, score sums), shared by the calibration engine's parts.
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
