/** Driving the playground (Altair 8.5.9) in Chromium: its DOM, in one place so an upgrade has one thing to fix. */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const ALTAIR = {
  queryEditor: "app-query-editor .cm-content",
  variablesPane: ".variables-editor-container",
  variablesTitle: ".variables-editor--title",
  variablesEditor: "app-variables-editor .cm-content",
  addFiles: ".variables-add-files-button",
  fileName: "app-variable-file-item input[data-tid='file_name']",
  selectFiles: "app-variable-file-item button.variables-file-item-button",
  result: "app-query-result .cm-content",
} as const;

/** Replaces an editor's whole text the way a user pasting would (no auto-closed brackets). */
export async function setEditorText(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
  await page.keyboard.press("Escape"); // close an autocompletion popup, if one opened
}

/** The result pane's JSON. CodeMirror renders lines as elements: their text concatenates to JSON. */
export async function resultJson(page: Page, mustContain: string): Promise<Record<string, unknown>> {
  const result = page.locator(ALTAIR.result).first();
  await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain(mustContain);
  return JSON.parse((await result.textContent()) ?? "");
}
