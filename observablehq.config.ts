// Observable Framework configuration for Kennisverkenner.
import {siteConfigData} from "./loaders/pipeline/site-config.ts";

// The site's data (KV_EXPORT / KV_MAPPING, see loaders/pipeline/site-data.ts): read and checked once, before any
// loader runs; stale loader output is cleared; the footer states where the answers come from.
const site = await siteConfigData();

export default {
  title: "Kennisverkenner · Kennis voor lokaal beleid",
  root: "src",
  // Tests and helpers may build to another folder (KV_DIST) so that parallel builds do not collide.
  output: process.env.KV_DIST ?? "dist",
  // No third-party stylesheet: Framework's default adds Google Fonts, which would send readers elsewhere.
  globalStylesheets: [],
  // Our own stylesheet imports Framework's default and themes (light and dark) and adds the story's styles.
  style: "style.css",
  // No header: Framework would parse an empty one for every page. `npm run build` (scripts/build-site.ts) hands the head
  // and the footer below to the post-build instead of Framework, for speed; the pages come out the same.
  header: null,
  // Runs once the HTML is parsed (a module script: a classic inline script here would stop the parser until the
  // stylesheet arrives, delaying the build-time first chart): lang and a zoomable viewport (also fixed in the
  // built HTML by scripts/postbuild.ts), a class that hides the build-time first charts when the URL carries a
  // filter, and two repairs of Framework's sidebar for WCAG (a <label> directly inside an <ol>; the English
  // search placeholder).
  head: `<script type="module">document.documentElement.lang="nl";for(const m of document.querySelectorAll('meta[name="viewport"]'))m.content="width=device-width, initial-scale=1";
if(/[?&](grootte|functie|weging)=/.test(location.search))document.documentElement.classList.add("story-filtered");
{const l=document.getElementById("observablehq-sidebar-close");if(l&&l.parentElement.tagName==="OL")l.parentElement.before(l);const s=document.querySelector("#observablehq-search input");if(s){s.placeholder="Zoeken";s.setAttribute("aria-label","Zoeken op deze site");}}</script>
<link rel="icon" href="data:,">`,
  footer: site.footer,
  pages: [
    {name: "Methode", path: "/methode"},
    {
      name: "1. Het perspectief van gemeenten",
      open: true,
      pages: [
        {name: "1.1 Decentralisatie en takenpakket", path: "/hoofdstuk/uitdaging"},
        {name: "1.2 Beschikbaarheid van kennis", path: "/hoofdstuk/beschikbaarheid"},
        {name: "1.3 Kennisinfrastructuur", path: "/hoofdstuk/infrastructuur"},
        {name: "1.4 Managen van kennis", path: "/hoofdstuk/kennismanagement"},
        {name: "1.5 Faciliteren van kennisnetwerken", path: "/hoofdstuk/kennisnetwerken"},
        {name: "1.6 Externe kennis", path: "/hoofdstuk/externe-kennis"},
        {name: "1.7 Externe contacten", path: "/hoofdstuk/externe-contacten"},
        {name: "1.8 Regionale kennisschakelpunten", path: "/hoofdstuk/schakelpunten"},
        {name: "1.9 Inwoners", path: "/hoofdstuk/inwoners"},
        {name: "1.10 Beleidsevaluatie", path: "/hoofdstuk/beleidsevaluatie"}
      ]
    },
    {name: "2. Beschouwing", path: "/beschouwing"},
    {name: "SQL-werkbank", path: "/sql"},
    {name: "Notebook", path: "/notebook"},
    {
      name: "Methodelab",
      open: false,
      pages: [
        {name: "Overzicht", path: "/lab/"},
        {name: "Steekproef en representativiteit", path: "/lab/steekproef"},
        {name: "Onzekerheid", path: "/lab/onzekerheid"},
        {name: "Non-respons", path: "/lab/non-respons"},
        {name: "Factoranalyse", path: "/lab/factoranalyse"},
        {name: "Betrouwbaarheid", path: "/lab/betrouwbaarheid"},
        {name: "Likert-weergave", path: "/lab/likert"},
        {name: "Controle van gepubliceerde cijfers", path: "/lab/grim"},
        {name: "Synthetische data", path: "/lab/synthetisch"}
      ]
    },
    {name: "Codeboek", path: "/codebook"},
    {name: "Downloads", path: "/downloads"},
  ],
  search: true,
  pager: true,
  // Dutch heading for the table of contents on every page.
  toc: {label: "Inhoud"}
};
