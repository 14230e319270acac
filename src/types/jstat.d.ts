// Minimal types for the parts of jStat this library uses (jStat ships no types).
declare module "jstat" {
  const jStat: {
    normal: {inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number};
    studentt: {inv(p: number, df: number): number; cdf(x: number, df: number): number};
    chisquare: {cdf(x: number, df: number): number};
  };
  export default jStat;
}
