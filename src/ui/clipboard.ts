/**
 * Copies text to the clipboard, or says it could not (the caller then shows the text selected for the
 * reader to copy by hand). A frame whose host did not allow `clipboard-write` (older embed codes, a
 * host's own iframe) is not asked at all: Chrome refuses the call there and reports a permissions
 * policy violation in the console of the page it is embedded in.
 */
type PolicyDocument = Document & { featurePolicy?: { allowsFeature?: (feature: string) => boolean } };

export async function copyText(text: string, doc: PolicyDocument = document): Promise<boolean> {
  if (doc.featurePolicy?.allowsFeature?.('clipboard-write') === false) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused: no permission, an insecure origin, no clipboard API.
    return false;
  }
}
