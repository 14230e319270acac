import {describe, expect, it} from "vitest";
import {sharedQuery, sqlLink, withSharedQuery} from "../../../src/components/sql/link.js";

describe("sqlLink", () => {
  it("puts the query in ?q= so that sharedQuery reads back the same SQL", () => {
    const sql = "SELECT size_class, avg(beschikbaarheid) AS \"gem. & n\"\nFROM respondents WHERE role = 'andere functie' -- 50%+";
    const link = sqlLink(sql);
    expect(link.startsWith("/sql?q=")).toBe(true);
    expect(sharedQuery(link.slice(link.indexOf("?")))).toBe(sql);
  });
  it("takes another page path, e.g. a relative one", () => {
    expect(sqlLink("SELECT 1", {page: "./sql"})).toBe("./sql?q=SELECT+1");
  });
  it("sharedQuery gives null without a query", () => {
    expect(sharedQuery("")).toBeNull();
    expect(sharedQuery("?q=%20%20")).toBeNull();
  });
  it("withSharedQuery keeps the hash and replaces the query", () => {
    expect(withSharedQuery("http://x/sql?q=a#voorbeelden", "SELECT 2")).toBe("http://x/sql?q=SELECT+2#voorbeelden");
    expect(withSharedQuery("http://x/sql?q=a", "")).toBe("http://x/sql");
  });
});
