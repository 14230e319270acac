// The reader's consent to files from the internet, shown plainly: what the page does now, and the one way to
// change it for this visit. Asking takes two steps (the button, then a confirmation), so it is never an accident.
import {html} from "htl";
import {accessDescription, type NetworkAccess} from "./network.js";

/** Where the consent stands: the database's mode, whether the reader is being asked, or the switch is under way. */
export type ConsentStep = "closed" | "asking" | "opening" | "open" | "closing";

export interface ConsentActions {
  ask(): void;
  allow(): void;
  cancel(): void;
  close(): void;
}

/** The step that follows `step` after `event`; anything else leaves it as it is. */
export function nextConsentStep(step: ConsentStep, event: "ask" | "allow" | "cancel" | "opened" | "failed" | "close" | "closed"): ConsentStep {
  switch (`${step}:${event}`) {
    case "closed:ask":
      return "asking";
    case "asking:allow":
      return "opening";
    case "asking:cancel":
    case "opening:failed":
    case "closing:failed":
    case "closing:closed":
      return "closed";
    case "opening:opened":
      return "open";
    case "open:close":
      return "closing";
    default:
      return step;
  }
}

/** The database mode that belongs to a step. */
export function consentAccess(step: ConsentStep): NetworkAccess {
  return step === "open" || step === "closing" ? "remote" : "offline";
}

export function networkPanel(step: ConsentStep, actions: ConsentActions): HTMLElement {
  const access = consentAccess(step);
  const body =
    step === "asking"
      ? html`<div role="group" aria-label="Bestanden van internet toestaan">
          <p><strong>Bestanden van internet toestaan voor dit bezoek?</strong> De database wordt dan opnieuw geopend, met toegang tot andere websites. Een query kan daarna bestanden van internet lezen, en wat in het adres staat (ook gegevens uit de query) gaat naar die website. Open je een gedeelde link, lees de query dan eerst. Na herladen staat het weer uit.</p>
          <button type="button" class="sql-network-allow" onclick=${actions.allow}>Ja, toestaan voor dit bezoek</button>
          <button type="button" onclick=${actions.cancel}>Nee</button>
        </div>`
      : step === "opening"
        ? html`<p>De database wordt opnieuw geopend met toegang tot internet…</p>`
        : step === "closing"
          ? html`<p>De database wordt weer afgesloten van internet…</p>`
          : access === "remote"
            ? html`<div><p>${accessDescription.remote}</p><button type="button" onclick=${actions.close}>Weer afsluiten</button></div>`
            : html`<div><p>${accessDescription.offline}</p><button type="button" onclick=${actions.ask}>Bestanden van internet toestaan…</button></div>`;
  // tabindex -1: the panel can hold the focus while it has no button (opening, closing).
  return html`<section class=${`sql-network sql-network-${access}`} aria-label="Toegang tot internet" data-access=${access} tabindex="-1">${body}</section>`;
}
