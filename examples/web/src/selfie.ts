// Selfies for the biometric steps: a photo the user picks (sent as a data URL, which the API accepts), or — in the
// sandbox, whose face match accepts any non-flat image of at least 256×256 — a generated noise image.
import { field } from "./dom.ts";

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("Foto tidak dapat dibaca"));
    reader.readAsDataURL(file);
  });
}

/** A 300×300 PNG of coloured noise, as a data URL. */
export function sandboxSelfie(size = 300): string {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  const image = ctx.createImageData(size, size);
  // A small linear congruential generator (getRandomValues refuses more than 64 KB at once).
  let state = crypto.getRandomValues(new Uint32Array(1))[0]! || 1;
  for (let i = 0; i < image.data.length; i += 4) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    image.data[i] = state & 0xff;
    image.data[i + 1] = (state >>> 8) & 0xff;
    image.data[i + 2] = (state >>> 16) & 0xff;
    image.data[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL("image/png");
}

/**
 * A file input with a preview, and a "sandbox photo" button; `value()` is the chosen image as a data URL. `input` is
 * the control the API's ["input", "selfie"] errors are shown beside; `hint` (e.g. the attempts left) under it.
 */
export function selfiePicker(hint?: HTMLElement): { element: HTMLElement; input: HTMLInputElement; value(): Promise<string | null> } {
  let current: string | null = null;
  let reading: Promise<void> | null = null;
  const preview = document.createElement("img");
  preview.className = "selfie-preview";
  preview.alt = "Pratinjau foto";
  preview.hidden = true;
  const show = (dataUrl: string) => {
    current = dataUrl;
    preview.src = dataUrl;
    preview.hidden = false;
  };
  const input = document.createElement("input");
  input.type = "file";
  input.name = "selfie";
  input.accept = "image/jpeg,image/png";
  input.setAttribute("capture", "user");
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) reading = readAsDataUrl(file).then(show);
  });
  const sample = document.createElement("button");
  sample.type = "button";
  sample.className = "secondary";
  sample.textContent = "Gunakan foto contoh (sandbox)";
  sample.addEventListener("click", () => show(sandboxSelfie()));
  const element = document.createElement("div");
  element.className = "selfie";
  element.append(field("Foto wajah (selfie)", input, hint), sample, preview);
  return {
    element,
    input,
    // Waits for a file that is still being read.
    async value() {
      await reading;
      return current;
    },
  };
}
