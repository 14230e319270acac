// Observable Framework configuration for Kennisverkenner.
// Each area of the site keeps its own block of pages below; edit only your own block.
export default {
  title: "Kennisverkenner · Kennis voor lokaal beleid",
  root: "src",
  // Tests and helpers may build to another folder (KV_DIST) so that parallel builds do not collide.
  output: process.env.KV_DIST ?? "dist",
  // No third-party stylesheet: Framework's default adds Google Fonts, which would send readers elsewhere.
  globalStylesheets: [],
  pages: [
    // --- story (issue 3) ---
    {name: "Methode", path: "/methode"},
    // --- end story ---
    // --- sql workbench (issue 4) ---
    // --- end sql workbench ---
    // --- methodology lab (issue 5) ---
    // --- end methodology lab ---
    // --- data and codebook (issue 6) ---
    // --- end data and codebook ---
  ],
  search: true,
  pager: true
};
