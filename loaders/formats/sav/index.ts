/** SPSS .sav reading and writing. See read.ts and write.ts. */
export {parseSav, readSav, savToRawTable, formatSavNumber} from "./read.ts";
export {writeSav, checkVariableName, utf8Truncate} from "./write.ts";
export type {SavColumn, SavWriteOptions} from "./write.ts";
export type {SavFile, SavVariable, SavValue, SavMissing, SavValueLabel, SavFormat, SavMeasure} from "./types.ts";
