/** Puts text on the clipboard; false when the page may not (the caller says so and offers a way by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
