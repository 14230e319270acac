/** SPSS .sav reading (the writer is loaders/write/sav/). */
export {parseSav, readSav, savToRawTable, formatSavNumber} from "./read.ts";
export type {SavFile, SavVariable, SavValue, SavMissing, SavValueLabel, SavFormat, SavMeasure} from "./types.ts";
