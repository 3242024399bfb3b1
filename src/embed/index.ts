/**
 * Everything embedding needs, behind one call: size messages to the host (embed mode only), the
 * host API, the "Embed" dialog, and the "Open the full map" link (embed mode only).
 */
import type { AppData } from '../data/types.ts';
import type { Store } from '../state/store.ts';
import { mountEmbedButton } from './dialog.ts';
import { startHostApi } from './host-api.ts';
import { createPost, parseOrigins } from './messages.ts';
import { mountOpenFull } from './open-full.ts';
import { startSizeReporting } from './size.ts';

// Read when the module loads, before the history sync rewrites the URL: pym's `childId`, `origin`
// and amp-iframe's `#amp=1` are not AppState, so they vanish from the address after the first change.
const initial = { search: location.search, hash: location.hash, name: window.name };

export interface EmbedOptions {
  store: Store;
  data: AppData;
  /** The map's tool bar (#map-tools), where the Embed button goes. */
  mapTools: HTMLElement;
}

/** Starts the embed features; returns a function that stops them all. */
export function startEmbed({ store, data, mapTools }: EmbedOptions): () => void {
  const origins = parseOrigins(initial.search);
  const post = createPost(origins);
  const stops = [startHostApi({ store, data, origins, post }), mountEmbedButton(mapTools, store, data)];
  if (store.get().embed) {
    const foot = document.getElementById('foot') ?? document.getElementById('app') ?? document.body;
    stops.push(mountOpenFull(foot, store));
    stops.push(startSizeReporting({ ...initial, post }));
  }
  return () => {
    for (const stop of stops) stop();
  };
}
