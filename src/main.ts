/**
 * Wiring only: load data, build the state and the scene source, mount the controls and the render
 * host, and connect them: state → scene → renderers and panels; the host's status → the page's
 * readiness attributes, the print view and the camera buttons. Loaded by boot.ts (the page's entry,
 * which also brings the style sheet and starts the engine's download).
 */
import { type LoadResult, loadAll } from './data/load.ts';
import type { Lang } from './data/schema.ts';
import { startEmbed } from './embed/index.ts';
import { fullMapUrl } from './embed/open-full.ts';
import { formatDate, t } from './i18n/index.ts';
import { createRendererHost } from './render/host.ts';
import { type SceneOf, sceneCache } from './scene/scene.ts';
import { createStore } from './state/store.ts';
import { parseUrl, peekLang, type UrlContext } from './state/url.ts';
import { createSlider } from './timeline/slider.ts';
import { mountAinCallout } from './ui/ain-callout.ts';
import {
  applyLang,
  applyTheme,
  onSystemThemeChange,
  resolveTheme,
  setDrawnDate,
  setMapState,
  setRenderer,
} from './ui/document-state.ts';
import { downloadsElement } from './ui/downloads.ts';
import { clearMapMessages, showMapMessage, showPartialNote, showSlowNote } from './ui/error-view.ts';
import { startHistorySync } from './ui/history-sync.ts';
import { mountLegend } from './ui/legend.ts';
import { mountLiveRegion } from './ui/live-region.ts';
import { mountLocator } from './ui/locator.ts';
import { mountMapLabel } from './ui/map-label.ts';
import { loadArabicFonts } from './ui/font-warm.ts';
import { showNotices } from './ui/notices.ts';
import { mountPhaseCamera } from './ui/phase-camera.ts';
import { mountPhasePanel } from './ui/phase-panel.ts';
import { mountPrintView } from './ui/print-view.ts';
import { mountFullscreen } from './ui/fullscreen.ts';
import { mountShareMenu } from './ui/share-menu.ts';
import { mountScaleBar } from './ui/scale-bar.ts';
import { mountSiteDetails } from './ui/site-details.ts';
import { mountSiteList } from './ui/site-list.ts';
import { createSiteTable } from './ui/site-table.ts';
import { mountHowWeKnow } from './ui/how-we-know.ts';
import { mountUnplaced } from './ui/unplaced.ts';
import { mountUpdates } from './ui/updates.ts';
import { asOf, reportingEndsFor } from './data/freshness.ts';

const SLOW_MS = 4000;
const TIMEOUT_MS = 20000;
const byId = (id: string) => document.getElementById(id)!;

// "Try again" on the slow note starts the load over; a reader cannot click more often than this.
const MAX_ROUNDS = 20;

/** Loads the data; "Try again" on the slow note aborts this round and starts another, without a reload. */
async function load(lang: Lang): Promise<LoadResult> {
  let result: LoadResult = { data: null, basemap: {}, problems: [] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const controller = new AbortController();
    let retried = false;
    const timeout = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
    let hideSlow = () => {};
    const slow = window.setTimeout(() => {
      hideSlow = showSlowNote(byId('map-wrap'), lang, () => {
        retried = true;
        controller.abort();
      });
    }, SLOW_MS);
    // After the first round, ask the server again rather than the HTTP cache (which may hold the bad copy).
    const cache: RequestCache = round === 0 ? 'default' : 'no-cache';
    try {
      const base = new URL('geo/', document.baseURI).href;
      result = await loadAll((u, init) => fetch(u, { ...init, cache }), base, controller.signal);
    } finally {
      window.clearTimeout(timeout);
      window.clearTimeout(slow);
      hideSlow();
    }
    if (!retried) break;
  }
  return result;
}

async function boot(): Promise<void> {
  setMapState('loading');
  clearMapMessages(byId('map-wrap'));
  const lang = peekLang(location.search, navigator.languages);
  const result = await load(lang);
  const { data, basemap, problems } = result;
  if (!data) {
    setMapState('error');
    // Nothing is mounted yet, so "Try again" runs boot again: no reload, the host page keeps its place.
    showMapMessage(byId('map-wrap'), lang, problems, () => void boot().catch(fail));
    return;
  }
  if (problems.length) console.warn('Map data problems:', problems);

  const ctx: UrlContext = {
    range: data.timeline.range,
    defaultDate: data.timeline.defaultDate ?? data.timeline.range.end,
    phases: data.timeline.phases,
    siteIds: new Set(data.presence.features.map((f) => f.id)),
    preferredLangs: navigator.languages,
  };
  const { state, notices } = parseUrl(location.search, ctx);
  const store = createStore(state);
  document.documentElement.classList.toggle('is-embed', state.embed);
  // Arabic text in a fallback font has other line heights: the header would shift when the font came.
  if (state.lang === 'ar') await loadArabicFonts();
  applyLang(state.lang);
  applyTheme(state.theme);

  const scenes = sceneCache({ data, basemap });
  const sceneOf: SceneOf = (s) => scenes(s.date, s.lang, resolveTheme(s.theme));
  const renderer = createRendererHost({
    data,
    basemap,
    container: byId('map'),
    staticEl: byId('map-static'),
    watchEl: byId('map-wrap'),
    onSiteClick: (id) => store.set({ site: id }, 'push'),
    overlays: () => [byId('map-tools'), ...byId('map').querySelectorAll('.ain-callout')],
    callout: () => byId('map').querySelector<HTMLElement>('.ain-callout'),
    onFatal: (err) => {
      setMapState('error');
      const message = err instanceof Error ? err.message : String(err);
      showMapMessage(byId('map-wrap'), store.get().lang, [{ file: 'map', message }], () => location.reload());
    },
  });
  renderer.subscribe((r) => {
    setRenderer(byId('map'), r.kind, r.fallbackReason);
    if (r.date) setDrawnDate(r.date);
    if (r.ready) setMapState('ready');
  });

  // Inside an embed the frame's URL is the host's business (it carries Pym's childId and the allowed
  // origins), and history entries would pile up behind the host page's back button: no URL sync there.
  if (!state.embed) startHistorySync(store, ctx);
  // Embedding first: the panels below bring themselves into view through it (in a sized frame the host scrolls).
  const embedding = startEmbed({ store, data });
  const side = byId('side');
  side.replaceChildren();
  mountLegend(side, store, sceneOf);
  mountLocator(side, basemap.locator, renderer);
  mountUnplaced(side, store, sceneOf);
  mountSiteList(side, store, sceneOf);
  mountPhasePanel(side, data, store);
  const how = mountHowWeKnow(side, data, store);
  mountUpdates(side, data, store);
  mountSiteDetails(side, data, store, sceneOf, embedding.reveal);
  mountLiveRegion(byId('app'), store, sceneOf);
  mountMapLabel(byId('map'), byId('map-desc'), store, sceneOf);
  mountAinCallout(byId('map'), store, sceneOf, renderer);
  mountScaleBar(byId('map'), store, renderer, () => byId('map').querySelector<HTMLElement>('.ain-callout'));
  mountPrintView({
    data,
    basemap,
    store,
    sceneOf,
    renderer,
    staticHost: byId('map-static'),
    sourcesParent: how.sourcesSlot,
  });
  const slider = createSlider({ timeline: data.timeline, store });
  byId('timeline-slot').replaceWith(slider.element);
  const table = createSiteTable(data, store, sceneOf, embedding.reveal);
  byId('table-slot').replaceWith(table.element);
  const tools = byId('map-tools');
  tools.replaceChildren(table.toggle);
  mountPhaseCamera(tools, data, store, renderer);
  const link = () => fullMapUrl(store);
  mountShareMenu(tools, {
    store,
    data,
    link,
    downloadImage: async (width) => {
      const { downloadImage } = await import('./ui/image-export.ts');
      await downloadImage({
        data,
        basemap,
        scene: sceneOf({ ...store.get(), theme: 'light' }),
        width,
        link: link(),
        selected: store.get().site,
        // The WebGL map's camera (the SVG map always shows the fitted view, which the image then shows too).
        camera: renderer.status().kind === 'webgl' ? renderer.status().view : null,
      });
    },
  });
  mountFullscreen(tools, { store, target: byId('app'), link });
  showNotices(byId('notices'), notices, state.lang);

  const renderText = () => {
    const { lang } = store.get();
    byId('title').textContent = t(lang, 'app.title');
    byId('dek').textContent = t(lang, 'app.dek');
    byId('as-of').textContent =
      `${t(lang, 'fresh.asOf', { date: formatDate(lang, asOf(data)) })} · ${t(lang, 'fresh.reportingEnds', { date: formatDate(lang, reportingEndsFor(data)) })}`;
    byId('source-line').textContent = t(lang, 'app.sourceLine');
    byId('downloads').replaceWith(downloadsElement(lang));
  };
  renderText();
  // The map answers from here on: the SVG map draws every state until the WebGL map takes over.
  const draw = () => {
    const s = store.get();
    renderer.show(sceneOf(s), s.site);
  };
  draw();
  store.subscribe((s, p) => {
    if (s.lang !== p.lang) {
      applyLang(s.lang);
      renderText();
    }
    if (s.theme !== p.theme) applyTheme(s.theme);
    draw();
  });
  onSystemThemeChange(() => {
    applyTheme(store.get().theme);
    draw();
  });

  const fileProblems = problems.filter((p) => p.file !== 'consistency');
  if (fileProblems.length) showPartialNote(byId('map-wrap'), state.lang, fileProblems);
  await renderer.start({ forceStatic: state.forceStatic, embed: state.embed });
}

function fail(err: unknown): void {
  console.error(err);
  setMapState('error');
  const message = err instanceof Error ? err.message : String(err);
  const lang = peekLang(location.search, navigator.languages);
  showMapMessage(byId('map-wrap'), lang, [{ file: 'app', message }], () => location.reload());
}

boot().catch(fail);
