import {describe, expect, it} from "vitest";
import {deflateSync, strToU8} from "fflate";
import {NotebookError, type Notebook} from "../../../src/components/notebook/notebook.ts";
import {decodeNotebook, encodeNotebook, fromLegacyQuery, MAX_LINK_LENGTH, notebookLink, ShareError, sharedNotebook} from "../../../src/components/notebook/share.ts";
import {sqlLink} from "../../../src/components/sql/link.ts";
import {sample} from "./sample-notebook.ts";

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const hashOf = (link: string) => link.slice(link.indexOf("#"));

describe("notebook links", () => {
  it("round-trip exactly, in the fragment and in the query", () => {
    const inHash = notebookLink(sample);
    expect(inHash).toMatch(/^\/notebook#nb=[A-Za-z0-9_-]+$/);
    expect(sharedNotebook({search: "", hash: hashOf(inHash)})).toEqual(sample);
    const inQuery = notebookLink(sample, {in: "query", page: "./notebook"});
    expect(inQuery).toMatch(/^\.\/notebook\?nb=/);
    expect(sharedNotebook({search: inQuery.slice(inQuery.indexOf("?")), hash: ""})).toEqual(sample);
  });
  it("keep text with quotes, markup and non-ASCII characters exactly", () => {
    const tricky: Notebook = {version: 1, title: "Ω “aanhalingstekens” & <b>", cells: [{kind: "text", id: "t", markdown: "é\u0000\u{1F600} ' \" ` \\ </script>"}]};
    expect(decodeNotebook(encodeNotebook(tricky))).toEqual(tricky);
  });
  it("refuse a notebook too long for a link, saying to save it as a file", () => {
    // incompressible text: random letters from a seeded generator
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const markdown = Array.from({length: 12000}, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)]).join("");
    const big: Notebook = {version: 1, title: "Groot", cells: [{kind: "text", id: "t", markdown}]};
    expect(() => notebookLink(big)).toThrow(ShareError);
    expect(() => notebookLink(big)).toThrow(/^Dit notebook is te groot voor een link \([0-9.]+ tekens; een link mag hoogstens 8\.000 tekens hebben, anders weigeren veel servers hem\)\. Bewaar het als \.kvnb\.json-bestand en deel dat bestand\.$/);
    const fits: Notebook = {...big, cells: [{kind: "text", id: "t", markdown: markdown.slice(0, 4000)}]};
    expect(notebookLink(fits).length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
  });
  it("refuse broken, cut-off and oversized link text with a Dutch message", () => {
    expect(() => decodeNotebook("abc$")).toThrow(/^Deze link bevat geen leesbaar notebook: de tekst na nb= is beschadigd/);
    const encoded = encodeNotebook(sample);
    expect(() => decodeNotebook(encoded.slice(0, encoded.length - 10))).toThrow(ShareError);
    // a deflate bomb: 6 MB of zeros in a few kilobytes
    expect(() => decodeNotebook(base64url(deflateSync(new Uint8Array(6_000_000))))).toThrow("Het notebook in deze link is groter dan 5 MB en wordt niet geopend.");
  });
  it("validate what they carry like any untrusted file", () => {
    const evil = base64url(deflateSync(strToU8(JSON.stringify({version: 1, title: "x", cells: [{kind: "script", id: "s", code: "alert(1)"}]}))));
    expect(() => sharedNotebook({search: "", hash: `#nb=${evil}`})).toThrow(NotebookError);
    expect(() => sharedNotebook({search: "", hash: `#nb=${evil}`})).toThrow('Cel 1 (s): het veld "kind" moet een van sql, chart, text, input zijn, niet "script".');
  });
  it("open old SQL workbench links as a one-cell notebook", () => {
    const link = sqlLink("SELECT size_class, count(*) FROM respondents GROUP BY 1;");
    const search = link.slice(link.indexOf("?"));
    const expected: Notebook = {version: 1, title: "Gedeelde query", cells: [{kind: "sql", id: "q1", name: "tabel1", sql: "SELECT size_class, count(*) FROM respondents GROUP BY 1;"}]};
    expect(fromLegacyQuery(search)).toEqual(expected);
    expect(sharedNotebook({search, hash: ""})).toEqual(expected);
    expect(sharedNotebook({search: "", hash: ""})).toBeNull();
    expect(fromLegacyQuery("?q=%20")).toBeNull();
  });
});
