/**
 * The WebGL map currently on screen, for controls outside the map (the phase camera button) that
 * must not import maplibre-gl themselves: the engine stays in its lazy chunk.
 */

export interface CameraTarget {
  showCamera(center: [number, number], zoom: number): void;
  resetView(): void;
}

let active: CameraTarget | null = null;
const listeners = new Set<(v: CameraTarget | null) => void>();

/** Records the map on screen (null when it is gone, e.g. after a switch to the SVG map). */
export function setActiveView(view: CameraTarget | null): void {
  active = view;
  for (const fn of listeners) fn(view);
}

/** The map on screen, if a WebGL map is running. */
export function activeView(): CameraTarget | null {
  return active;
}

/** Calls fn whenever the map on screen changes; returns an unsubscribe function. */
export function onActiveView(fn: (v: CameraTarget | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
