/** A validated export: one record per respondent, answers as codes from the codebook (null = not answered). */
export interface Respondent {
  /** Line (or record) of the export the respondent came from. */
  line: number;
  /** The survey tool's id; never published (the pipeline pseudonymises it). */
  sourceId: string;
  /** Background variables by id (size_class, role, ...); null when empty and allowed. */
  background: Record<string, string | null>;
  /** Item id -> code, null when unanswered. */
  answers: Record<string, number | null>;
}

export interface SurveyResponses {
  file: string;
  respondents: Respondent[];
}
