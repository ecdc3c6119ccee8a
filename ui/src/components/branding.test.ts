// The Branding dialog (in jsdom, with the commands mocked) and its logic.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { BrandingForm, BrandingOutcome, BrandingView } from "../api/types";

const EMPTY: BrandingView = {
  organisation: null,
  primary: null,
  accent: null,
  primary_used: null,
  accent_used: null,
  font: null,
  logo: null,
  contrast: [],
};

const LOGO = { mime: "image/png", bytes: 2048, width: 120, height: 40, data_uri: "data:image/png;base64,iVBORw0KGgo=" };

/** What Rust would answer for `form`: #7fb3ff is replaced by #0061f0; "blue" is refused. */
function stored(form: BrandingForm, logo = LOGO as BrandingView["logo"]): BrandingOutcome {
  if (form.accent === "blue") {
    return { saved: false, branding: EMPTY, problems: ["the accent colour `blue` is not a colour"], warnings: [] };
  }
  const light = form.accent === "#7fb3ff";
  const message = "The accent colour #7fb3ff has a contrast of 2.20:1 on the PDF page (#ffffff); 4.5:1 is needed.";
  return {
    saved: true,
    branding: {
      organisation: form.organisation || null,
      primary: form.primary || null,
      accent: form.accent || null,
      primary_used: form.primary || null,
      accent_used: light ? "#0061f0" : form.accent || null,
      font: form.font || null,
      logo,
      contrast: light ? [{ role: "accent", chosen: "#7fb3ff", used: "#0061f0", message }] : [],
    },
    problems: [],
    warnings: light ? [message] : [],
  };
}

vi.mock("../api/commands", () => ({
  projectBranding: vi.fn(async () => ({ ...EMPTY, organisation: "Acme", primary: "#1d5e8c", primary_used: "#1d5e8c" })),
  setBranding: vi.fn(async (form: BrandingForm) => stored(form, null)),
  setBrandingLogo: vi.fn(async (organisation: string) =>
    stored({ organisation, primary: "#1d5e8c", accent: "", font: "" }),
  ),
  clearBrandingLogo: vi.fn(async () => stored({ organisation: "Acme", primary: "#1d5e8c", accent: "", font: "" }, null)),
}));

import * as api from "../api/commands";
import { colourOk, formFromView, formToSend, kilobytes, normaliseHex, pickerValue } from "../lib/branding";
import { session } from "../lib/session.svelte";
import BrandingDialog from "./BrandingDialog.svelte";

describe("branding logic", () => {
  it("reads #rrggbb in any case, with or without #", () => {
    expect(normaliseHex(" #7FB3FF ")).toBe("#7fb3ff");
    expect(normaliseHex("0061f0")).toBe("#0061f0");
    expect(normaliseHex("#fff")).toBeNull();
    expect(normaliseHex("blue")).toBeNull();
    expect(colourOk("")).toBe(true);
    expect(colourOk("#12345g")).toBe(false);
    expect(pickerValue("")).toBe("#000000");
    expect(pickerValue("#ABCDEF")).toBe("#abcdef");
  });

  it("turns the stored branding into the form and back", () => {
    const form = formFromView({ ...EMPTY, organisation: "Acme", accent: "#0b6e4f" });
    expect(form).toEqual({ organisation: "Acme", primary: "", accent: "#0b6e4f", font: "" });
    expect(formToSend({ organisation: "  Acme ", primary: "7FB3FF", accent: "", font: "atkinson" })).toEqual({
      organisation: "Acme",
      primary: "#7fb3ff",
      accent: "",
      font: "atkinson",
    });
    expect(kilobytes(2048)).toBe("2.0");
    expect(kilobytes(40_000)).toBe("39");
  });
});

describe("BrandingDialog", () => {
  let target: HTMLElement;
  let instance: ReturnType<typeof mount> | null = null;
  const q = <E extends Element>(id: string) => target.ownerDocument.querySelector<E>(`[data-testid="${id}"]`);
  const type = (id: string, value: string) => {
    const input = q<HTMLInputElement | HTMLSelectElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
    flushSync();
  };

  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
  });

  let refresh: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.clearAllMocks();
    refresh = vi.spyOn(session, "refreshPreview").mockImplementation(() => {});
  });

  afterEach(() => {
    if (instance) unmount(instance);
    instance = null;
    target?.remove();
    refresh.mockRestore();
  });

  async function open(onclose = vi.fn()) {
    target = document.createElement("div");
    document.body.append(target);
    instance = mount(BrandingDialog, { target, props: { onclose } });
    flushSync();
    await vi.waitFor(() => expect(q<HTMLInputElement>("branding-organisation")!.value).toBe("Acme"));
    await tick();
    return onclose;
  }

  it("loads the branding into labelled fields", async () => {
    await open();
    const doc = target.ownerDocument;
    for (const id of ["branding-organisation", "branding-primary", "branding-accent", "branding-font"]) {
      const label = doc.querySelector(`label[for="${id}"]`);
      expect(label?.textContent?.trim(), id).toBeTruthy();
    }
    expect(q<HTMLInputElement>("branding-primary")!.value).toBe("#1d5e8c");
    expect(q<HTMLInputElement>("branding-primary-picker")!.value).toBe("#1d5e8c");
    expect(q<HTMLInputElement>("branding-primary-picker")!.getAttribute("aria-label")).toMatch(/primary colour/);
    expect(q("branding-no-logo")).not.toBeNull();
    expect(doc.activeElement).toBe(q("branding-organisation"));
  });

  it("the colour picker and the text field agree", async () => {
    await open();
    const picker = q<HTMLInputElement>("branding-accent-picker")!;
    picker.value = "#0b6e4f";
    picker.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    expect(q<HTMLInputElement>("branding-accent")!.value).toBe("#0b6e4f");
    type("branding-accent", "#7FB3FF");
    expect(picker.value).toBe("#7fb3ff");
  });

  it("refuses a colour that is not #rrggbb before sending it", async () => {
    await open();
    type("branding-accent", "#12");
    expect(target.ownerDocument.getElementById("branding-accent-error")?.textContent).toMatch(/six hexadecimal digits/);
    expect(q<HTMLInputElement>("branding-accent")!.getAttribute("aria-invalid")).toBe("true");
    expect(q<HTMLButtonElement>("save-branding")!.disabled).toBe(true);
  });

  it("shows the replaced colour with both swatches and stays open after saving", async () => {
    const onclose = await open();
    type("branding-organisation", "Northlight AI");
    type("branding-accent", "#7fb3ff");
    type("branding-font", "atkinson");
    expect(target.ownerDocument.getElementById("branding-font-about")?.textContent).toMatch(/low vision/);
    q<HTMLButtonElement>("save-branding")!.click();
    await vi.waitFor(() => expect(q("branding-contrast")).not.toBeNull());
    expect(api.setBranding).toHaveBeenCalledWith({
      organisation: "Northlight AI",
      primary: "#1d5e8c",
      accent: "#7fb3ff",
      font: "atkinson",
    });
    const line = q<HTMLElement>("contrast-accent")!;
    expect(line.textContent).toContain("#7fb3ff has too little contrast on white; #0061f0 will be used.");
    const swatches = [...line.querySelectorAll<HTMLElement>(".swatch")].map((s) => s.style.background);
    expect(swatches).toHaveLength(2);
    expect(swatches[0]).toMatch(/127, 179, 255|7fb3ff/);
    expect(swatches[1]).toMatch(/0, 97, 240|0061f0/);
    expect(q("branding-contrast")!.getAttribute("role")).toBe("alert");
    expect(q("branding-saved")).not.toBeNull();
    expect(refresh).toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
    expect(q<HTMLButtonElement>("branding-close")!.textContent?.trim()).toBe("Done");
  });

  it("closes after a save with nothing replaced", async () => {
    const onclose = await open();
    type("branding-accent", "#0b6e4f");
    q<HTMLButtonElement>("save-branding")!.click();
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
  });

  it("lists what Rust refused and stays open", async () => {
    const onclose = await open();
    vi.mocked(api.setBranding).mockResolvedValueOnce(stored({ organisation: "", primary: "", accent: "blue", font: "" }));
    q<HTMLButtonElement>("save-branding")!.click();
    await vi.waitFor(() => expect(q("branding-problems")?.textContent).toContain("`blue` is not a colour"));
    expect(onclose).not.toHaveBeenCalled();
  });

  it("asks for the organisation before a logo, then shows the chosen logo and removes it", async () => {
    await open();
    type("branding-organisation", "");
    q<HTMLButtonElement>("branding-choose-logo")!.click();
    flushSync();
    expect(q("branding-logo-error")?.textContent).toMatch(/organisation's name first/);
    expect(api.setBrandingLogo).not.toHaveBeenCalled();

    type("branding-organisation", "Northlight AI");
    q<HTMLButtonElement>("branding-choose-logo")!.click();
    await vi.waitFor(() => expect(q("branding-logo")).not.toBeNull());
    expect(api.setBrandingLogo).toHaveBeenCalledWith("Northlight AI");
    const img = q<HTMLElement>("branding-logo")!.querySelector("img")!;
    expect(img.getAttribute("src")).toBe(LOGO.data_uri);
    expect(img.getAttribute("alt")).toBe("The logo of Northlight AI");
    expect(q("branding-logo")!.textContent).toContain("120 × 40 pixels");
    expect(refresh).toHaveBeenCalled();

    q<HTMLButtonElement>("branding-remove-logo")!.click();
    await vi.waitFor(() => expect(q("branding-no-logo")).not.toBeNull());
    expect(api.clearBrandingLogo).toHaveBeenCalled();
  });

  it("a cancelled logo dialog changes nothing", async () => {
    await open();
    vi.mocked(api.setBrandingLogo).mockResolvedValueOnce(null);
    q<HTMLButtonElement>("branding-choose-logo")!.click();
    await vi.waitFor(() => expect(api.setBrandingLogo).toHaveBeenCalled());
    await tick();
    expect(q("branding-no-logo")).not.toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});
