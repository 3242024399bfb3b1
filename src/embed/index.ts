/**
 * Everything embedding needs, behind one call: size messages to the host (embed mode only), the
 * host API, the "Open the full map" link (embed mode only), and how a panel is brought into view
 * (in a frame the host sizes, the host page scrolls). The "Embed" dialog is in the share menu.
 */
import type { AppData } from '../data/types.ts';
import type { Store } from '../state/store.ts';
import { startHostApi } from './host-api.ts';
import { createPost, parseOrigins } from './messages.ts';
import { mountOpenFull } from './open-full.ts';
import { type Reveal, revealInFrame, revealOnPage } from './reveal.ts';
import { isHostSized, pymChildId, startSizeReporting } from './size.ts';

// Read when the module loads, before the history sync rewrites the URL: pym's `childId`, `origin`
// and amp-iframe's `#amp=1` are not AppState, so they vanish from the address after the first change.
const initial = { search: location.search, hash: location.hash, name: window.name };

export interface EmbedOptions {
  store: Store;
  data: AppData;
}

export interface Embedding {
  /** Brings a panel the reader just opened into view (asks the host page to scroll, in a sized frame). */
  reveal: Reveal;
  stop(): void;
}

/** Starts the embed features. */
export function startEmbed({ store, data }: EmbedOptions): Embedding {
  const origins = parseOrigins(initial.search);
  const post = createPost(origins);
  const stops = [startHostApi({ store, data, origins, post })];
  let reveal = revealOnPage;
  if (store.get().embed) {
    const foot = document.getElementById('foot') ?? document.getElementById('app') ?? document.body;
    stops.push(mountOpenFull(foot, store));
    stops.push(startSizeReporting({ ...initial, post }));
    // A frame of fixed height (the iframe-only snippet): map, slider, legend and credit fit inside it.
    document.documentElement.classList.toggle('is-fit', !isHostSized(initial.search, initial.hash, initial.name));
    reveal = revealInFrame(post, pymChildId(initial.search));
  }
  return {
    reveal,
    stop() {
      for (const stop of stops) stop();
    },
  };
}
