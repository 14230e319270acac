import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import AjvModule from "ajv";
import type {Codebook} from "./codebook.ts";

// ajv ships CommonJS; its default export is the class under tsx and vitest alike.
const Ajv = (AjvModule as unknown as {default?: typeof AjvModule}).default ?? AjvModule;

export const defaultCodebookPath = fileURLToPath(new URL("../../data/codebook.json", import.meta.url));
const schemaPath = fileURLToPath(new URL("../../data/codebook.schema.json", import.meta.url));

/**
 * Reads a codebook and checks it against data/codebook.schema.json and against itself
 * (every item's response scale, section and scale exist; ids are unique). Throws with every problem listed.
 */
export function loadCodebook(path = defaultCodebookPath): Codebook {
  const codebook = JSON.parse(readFileSync(path, "utf8"));
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const validateSchema = new (Ajv as any)({allErrors: true, strict: false}).compile(schema);
  if (!validateSchema(codebook)) {
    const problems = validateSchema.errors.map((e: {instancePath: string; message?: string}) => `${e.instancePath || "/"} ${e.message}`);
    throw new Error(`${path}: codebook does not match its schema:\n  ${problems.join("\n  ")}`);
  }
  const problems = codebookProblems(codebook as Codebook);
  if (problems.length) throw new Error(`${path}: inconsistent codebook:\n  ${problems.join("\n  ")}`);
  return codebook as Codebook;
}

/** Cross-references the schema cannot express. */
export function codebookProblems(codebook: Codebook): string[] {
  const problems: string[] = [];
  const ids = [codebook.identifier.id, ...codebook.background.map((b) => b.id), ...codebook.items.map((i) => i.id)];
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`duplicate column id ${id}`);
  const sections = new Set(codebook.sections.map((s) => s.id));
  const scales = new Set(codebook.scales.map((s) => s.id));
  for (const item of codebook.items) {
    if (!codebook.response_scales[item.response_scale]) problems.push(`item ${item.id}: unknown response scale ${item.response_scale}`);
    if (!sections.has(item.section)) problems.push(`item ${item.id}: unknown section ${item.section}`);
    if (item.scale !== null && !scales.has(item.scale)) problems.push(`item ${item.id}: unknown scale ${item.scale}`);
    if (!(item.topic in codebook.topics)) problems.push(`item ${item.id}: unknown topic ${item.topic}`);
  }
  for (const scale of codebook.scales) {
    const members = codebook.items.filter((i) => i.scale === scale.id);
    if (!members.length) problems.push(`scale ${scale.id} has no items`);
    const ranges = new Set(members.map((i) => i.response_scale));
    if (ranges.size > 1) problems.push(`scale ${scale.id} mixes response scales ${[...ranges].join(", ")}`);
  }
  const sizeClass = codebook.background.find((b) => b.id === "size_class");
  if (!sizeClass) problems.push("background variable size_class is required (weights are by size class)");
  else
    for (const value of sizeClass.values)
      if (!(value in codebook.population.size_class_counts)) problems.push(`population has no count for size class ${value}`);
  return problems;
}
