// Editorial choices for the base map: region box, tolerance, names. Geometry comes only from the sources.

/**
 * Region box [west, south, east, north] in degrees: Iraq, Syria and every neighbour that reaches into
 * it, wide enough that no camera the map allows shows past it (a 2.6:1 desktop frame fitting Iraq and
 * Syria reaches about 30° of longitude; src/state/view.ts MAP_EXTENT repeats this box).
 */
/** @type {import('./geom.mjs').Box} */
export const BOX = [28, 24, 57, 43];

/**
 * The locator inset's box [west, south, east, north]: Europe's south, North Africa, Arabia, Iran and the
 * Caspian, so a reader sees where Iraq and Syria lie (drawn from Natural Earth 1:110m, simplified hard).
 * @type {import('./geom.mjs').Box}
 */
export const LOCATOR_BOX = [-12, 2, 78, 58];

/** The locator's Douglas–Peucker tolerance in metres: it is drawn about 170 px wide. */
export const LOCATOR_TOLERANCE_M = 20_000;

/**
 * Douglas–Peucker tolerance in metres. The NE 1:10m inputs are quantized to about 340 × 190 m
 * (world-atlas), so 150 m removes little more than that jitter and keeps borders right at zoom 8
 * (MapLibre's 512 px tiles: 1 px ≈ 256 m at 33°N, so the error stays under one pixel).
 */
export const TOLERANCE_M = 150;

/** ISO 3166-1 numeric (world-atlas ids) → alpha-2; features without an id are matched by NE name. */
/** @type {Record<string, string>} */
export const NUMERIC_TO_ALPHA2 = {
  '031': 'AZ',
  100: 'BG',
  300: 'GR',
  398: 'KZ',
  434: 'LY',
  512: 'OM',
  729: 'SD',
  784: 'AE',
  795: 'TM',
  860: 'UZ',
  '048': 'BH',
  '051': 'AM',
  196: 'CY',
  268: 'GE',
  275: 'PS',
  364: 'IR',
  368: 'IQ',
  376: 'IL',
  400: 'JO',
  414: 'KW',
  422: 'LB',
  634: 'QA',
  643: 'RU',
  682: 'SA',
  760: 'SY',
  792: 'TR',
  818: 'EG',
};

/**
 * NE splits Cyprus into the Republic, "N. Cyprus", the UN buffer zone and the two UK sovereign base areas.
 * For a base-map fill they are all drawn as the island of Cyprus (no de facto line across it).
 */
/** @type {Record<string, string>} */
export const NAME_TO_ALPHA2 = {
  'N. Cyprus': 'CY',
  'Cyprus U.N. Buffer Zone': 'CY',
  Akrotiri: 'CY',
  Dhekelia: 'CY',
};

/**
 * Country names in the map's four languages (English and German/French as the wire services write
 * them; Arabic as Arab outlets do).
 * @type {Record<string, { en: string, de: string, fr: string, ar: string }>}
 */
export const COUNTRY_NAMES = {
  AM: { en: 'Armenia', de: 'Armenien', fr: 'Arménie', ar: 'أرمينيا' },
  AE: { en: 'United Arab Emirates', de: 'Vereinigte Arabische Emirate', fr: 'Émirats arabes unis', ar: 'الإمارات' },
  AZ: { en: 'Azerbaijan', de: 'Aserbaidschan', fr: 'Azerbaïdjan', ar: 'أذربيجان' },
  BG: { en: 'Bulgaria', de: 'Bulgarien', fr: 'Bulgarie', ar: 'بلغاريا' },
  BH: { en: 'Bahrain', de: 'Bahrain', fr: 'Bahreïn', ar: 'البحرين' },
  CY: { en: 'Cyprus', de: 'Zypern', fr: 'Chypre', ar: 'قبرص' },
  EG: { en: 'Egypt', de: 'Ägypten', fr: 'Égypte', ar: 'مصر' },
  GE: { en: 'Georgia', de: 'Georgien', fr: 'Géorgie', ar: 'جورجيا' },
  GR: { en: 'Greece', de: 'Griechenland', fr: 'Grèce', ar: 'اليونان' },
  IL: { en: 'Israel', de: 'Israel', fr: 'Israël', ar: 'إسرائيل' },
  IQ: { en: 'Iraq', de: 'Irak', fr: 'Irak', ar: 'العراق' },
  IR: { en: 'Iran', de: 'Iran', fr: 'Iran', ar: 'إيران' },
  JO: { en: 'Jordan', de: 'Jordanien', fr: 'Jordanie', ar: 'الأردن' },
  KW: { en: 'Kuwait', de: 'Kuwait', fr: 'Koweït', ar: 'الكويت' },
  KZ: { en: 'Kazakhstan', de: 'Kasachstan', fr: 'Kazakhstan', ar: 'كازاخستان' },
  LB: { en: 'Lebanon', de: 'Libanon', fr: 'Liban', ar: 'لبنان' },
  LY: { en: 'Libya', de: 'Libyen', fr: 'Libye', ar: 'ليبيا' },
  OM: { en: 'Oman', de: 'Oman', fr: 'Oman', ar: 'عُمان' },
  PS: { en: 'Palestine', de: 'Palästina', fr: 'Palestine', ar: 'فلسطين' },
  QA: { en: 'Qatar', de: 'Katar', fr: 'Qatar', ar: 'قطر' },
  RU: { en: 'Russia', de: 'Russland', fr: 'Russie', ar: 'روسيا' },
  SA: { en: 'Saudi Arabia', de: 'Saudi-Arabien', fr: 'Arabie saoudite', ar: 'السعودية' },
  SD: { en: 'Sudan', de: 'Sudan', fr: 'Soudan', ar: 'السودان' },
  SY: { en: 'Syria', de: 'Syrien', fr: 'Syrie', ar: 'سوريا' },
  TM: { en: 'Turkmenistan', de: 'Turkmenistan', fr: 'Turkménistan', ar: 'تركمانستان' },
  TR: { en: 'Turkey', de: 'Türkei', fr: 'Turquie', ar: 'تركيا' },
  UZ: { en: 'Uzbekistan', de: 'Usbekistan', fr: 'Ouzbékistan', ar: 'أوزبكستان' },
};

export const FOCUS = new Set(['IQ', 'SY']);

/**
 * Country pairs whose NE line is not a settled international border. NE draws the de facto lines:
 * Israel–Syria is the 1974 separation line (the Golan Heights, occupied by Israel, lie on its Israeli side);
 * Israel–Palestine are the 1949 armistice lines around the West Bank and Gaza.
 */
export const DISPUTED_PAIRS = new Set(['IL-SY', 'IL-PS']);

/**
 * English governorate names as wire services write them (NE name_en is a mix of forms such as
 * "Saladin", "Al-Raqqah", "Babylon"). Arabic comes from NE name_ar without the word "محافظة".
 */
/** @type {Record<string, string>} */
export const ADMIN1_EN = {
  'IQ-AN': 'Anbar',
  'IQ-AR': 'Erbil',
  'IQ-BA': 'Basra',
  'IQ-BB': 'Babil',
  'IQ-BG': 'Baghdad',
  'IQ-DA': 'Duhok',
  'IQ-DI': 'Diyala',
  'IQ-DQ': 'Dhi Qar',
  'IQ-KA': 'Karbala',
  'IQ-MA': 'Maysan',
  'IQ-MU': 'Muthanna',
  'IQ-NA': 'Najaf',
  'IQ-NI': 'Nineveh',
  'IQ-QA': 'Qadisiyah',
  'IQ-SD': 'Salahuddin',
  'IQ-SU': 'Sulaymaniyah',
  'IQ-TS': 'Kirkuk',
  'IQ-WA': 'Wasit',
  'SY-DI': 'Damascus',
  'SY-DR': 'Daraa',
  'SY-DY': 'Deir ez-Zor',
  'SY-HA': 'Hasakah',
  'SY-HI': 'Homs',
  'SY-HL': 'Aleppo',
  'SY-HM': 'Hama',
  'SY-ID': 'Idlib',
  'SY-LA': 'Latakia',
  'SY-QU': 'Quneitra',
  'SY-RA': 'Raqqa',
  'SY-RD': 'Rif Dimashq',
  'SY-SU': 'Suwayda',
  'SY-TA': 'Tartus',
};

/** NE admin-1 keeps the 1974 UNDOF area of separation as its own Syrian feature (iso_3166_2 "SY-X01~"). */
export const UNDOF = {
  neCode: 'SY-X01~',
  id: 'SY-UNDOF',
  name: { en: 'UNDOF area of separation', ar: 'منطقة الفصل (أندوف)' },
};

export const KURDISTAN = {
  id: 'kurdistan-region',
  name: { en: 'Kurdistan Region', ar: 'إقليم كردستان' },
  /** NE admin-1 `region` value shared by Duhok, Erbil and Sulaymaniyah. */
  neRegion: 'Kurdistan',
};
