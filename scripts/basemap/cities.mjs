// Curated cities. Positions are never typed in here: each entry names its Natural Earth populated
// place (as shipped by city-timezones: country iso3 + `city`), and the build takes lat/lng from it.
import { round } from './geom.mjs';

/**
 * rank: 1 national capital, 2 major city (provincial capital or large), 3 other useful place.
 * ckb: Sorani Kurdish name, for Kurdistan Region cities only.
 */
/**
 * de/fr: the German and French exonym where the wire services write one (dpa "Bagdad", AFP "Bagdad");
 * where they are left out the English name is used.
 * @type {{ id: string, ne: [string, string], en: string, de?: string, fr?: string, ar: string, ckb?: string, rank: 1 | 2 | 3, capital?: boolean }[]}
 */
export const CITIES = [
  // Iraq
  {
    id: 'baghdad',
    ne: ['IRQ', 'Baghdad'],
    en: 'Baghdad',
    de: 'Bagdad',
    fr: 'Bagdad',
    ar: 'بغداد',
    rank: 1,
    capital: true,
  },
  { id: 'erbil', ne: ['IRQ', 'Irbil'], en: 'Erbil', ar: 'أربيل', ckb: 'هەولێر', rank: 2 },
  {
    id: 'sulaymaniyah',
    ne: ['IRQ', 'As Sulaymaniyah'],
    en: 'Sulaymaniyah',
    de: 'Sulaimaniyya',
    fr: 'Souleimaniye',
    ar: 'السليمانية',
    ckb: 'سلێمانی',
    rank: 2,
  },
  { id: 'duhok', ne: ['IRQ', 'Dahuk'], en: 'Duhok', fr: 'Dohuk', ar: 'دهوك', ckb: 'دهۆک', rank: 2 },
  { id: 'zakho', ne: ['IRQ', 'Zakho'], en: 'Zakho', ar: 'زاخو', ckb: 'زاخۆ', rank: 3 },
  { id: 'mosul', ne: ['IRQ', 'Mosul'], en: 'Mosul', de: 'Mossul', fr: 'Mossoul', ar: 'الموصل', rank: 2 },
  { id: 'kirkuk', ne: ['IRQ', 'Kirkuk'], en: 'Kirkuk', fr: 'Kirkouk', ar: 'كركوك', rank: 2 },
  { id: 'basra', ne: ['IRQ', 'Basra'], en: 'Basra', fr: 'Bassora', ar: 'البصرة', rank: 2 },
  { id: 'ramadi', ne: ['IRQ', 'Ar Ramadi'], en: 'Ramadi', ar: 'الرمادي', rank: 2 },
  { id: 'najaf', ne: ['IRQ', 'An Najaf'], en: 'Najaf', de: 'Nadschaf', ar: 'النجف', rank: 2 },
  { id: 'karbala', ne: ['IRQ', 'Karbala'], en: 'Karbala', de: 'Kerbela', fr: 'Kerbala', ar: 'كربلاء', rank: 2 },
  {
    id: 'fallujah',
    ne: ['IRQ', 'Al Fallujah'],
    en: 'Fallujah',
    de: 'Falludscha',
    fr: 'Falloujah',
    ar: 'الفلوجة',
    rank: 3,
  },
  { id: 'tikrit', ne: ['IRQ', 'Tikrit'], en: 'Tikrit', ar: 'تكريت', rank: 3 },
  { id: 'samarra', ne: ['IRQ', 'Samarra'], en: 'Samarra', ar: 'سامراء', rank: 3 },
  { id: 'tal-afar', ne: ['IRQ', 'Tall Afar'], en: 'Tal Afar', ar: 'تلعفر', rank: 3 },
  { id: 'baqubah', ne: ['IRQ', 'Baqubah'], en: 'Baqubah', de: 'Bakuba', fr: 'Baqouba', ar: 'بعقوبة', rank: 3 },
  { id: 'hillah', ne: ['IRQ', 'Al Hillah'], en: 'Hillah', de: 'Hilla', fr: 'Hilla', ar: 'الحلة', rank: 3 },
  { id: 'kut', ne: ['IRQ', 'Al Kut'], en: 'Kut', fr: 'Kout', ar: 'الكوت', rank: 3 },
  {
    id: 'nasiriyah',
    ne: ['IRQ', 'An Nasiriyah'],
    en: 'Nasiriyah',
    de: 'Nasiriya',
    fr: 'Nassiriya',
    ar: 'الناصرية',
    rank: 3,
  },
  { id: 'amarah', ne: ['IRQ', 'Al Amarah'], en: 'Amarah', de: 'Amara', fr: 'Amara', ar: 'العمارة', rank: 3 },
  { id: 'rutba', ne: ['IRQ', 'Ar Rutbah'], en: 'Rutba', fr: 'Routba', ar: 'الرطبة', rank: 3 },
  // Syria
  {
    id: 'damascus',
    ne: ['SYR', 'Damascus'],
    en: 'Damascus',
    de: 'Damaskus',
    fr: 'Damas',
    ar: 'دمشق',
    rank: 1,
    capital: true,
  },
  { id: 'aleppo', ne: ['SYR', 'Aleppo'], en: 'Aleppo', fr: 'Alep', ar: 'حلب', rank: 2 },
  { id: 'homs', ne: ['SYR', 'Hims'], en: 'Homs', ar: 'حمص', rank: 2 },
  { id: 'hama', ne: ['SYR', 'Hamah'], en: 'Hama', ar: 'حماة', rank: 2 },
  { id: 'latakia', ne: ['SYR', 'Al Ladhiqiyah'], en: 'Latakia', fr: 'Lattaquié', ar: 'اللاذقية', rank: 2 },
  { id: 'raqqa', ne: ['SYR', 'Ar Raqqah'], en: 'Raqqa', de: 'Rakka', ar: 'الرقة', rank: 2 },
  { id: 'deir-ez-zor', ne: ['SYR', 'Dayr az Zawr'], en: 'Deir ez-Zor', ar: 'دير الزور', rank: 2 },
  { id: 'hasakah', ne: ['SYR', 'Al Hasakah'], en: 'Hasakah', de: 'Hasaka', fr: 'Hassaké', ar: 'الحسكة', rank: 2 },
  {
    id: 'qamishli',
    ne: ['SYR', 'Al Qamishli'],
    en: 'Qamishli',
    de: 'Qamischli',
    fr: 'Qamichli',
    ar: 'القامشلي',
    rank: 2,
  },
  { id: 'idlib', ne: ['SYR', 'Idlib'], en: 'Idlib', ar: 'إدلب', rank: 3 },
  { id: 'tartus', ne: ['SYR', 'Tartus'], en: 'Tartus', fr: 'Tartous', ar: 'طرطوس', rank: 3 },
  { id: 'daraa', ne: ['SYR', "Dar'a"], en: 'Daraa', fr: 'Deraa', ar: 'درعا', rank: 3 },
  { id: 'suwayda', ne: ['SYR', 'As Suwayda'], en: 'Suwayda', de: 'Suweida', fr: 'Soueïda', ar: 'السويداء', rank: 3 },
  { id: 'manbij', ne: ['SYR', 'Manbij'], en: 'Manbij', de: 'Manbidsch', ar: 'منبج', rank: 3 },
  { id: 'tabqa', ne: ['SYR', 'Madinat ath Thawrah'], en: 'Tabqa', ar: 'الطبقة', rank: 3 },
  { id: 'abu-kamal', ne: ['SYR', 'Abu Kamal'], en: 'Abu Kamal', fr: 'Albou Kamal', ar: 'البوكمال', rank: 3 },
  { id: 'palmyra', ne: ['SYR', 'Tadmur'], en: 'Palmyra', fr: 'Palmyre', ar: 'تدمر', rank: 3 },
  // Neighbours
  { id: 'amman', ne: ['JOR', 'Amman'], en: 'Amman', ar: 'عمّان', rank: 1, capital: true },
  { id: 'beirut', ne: ['LBN', 'Beirut'], en: 'Beirut', fr: 'Beyrouth', ar: 'بيروت', rank: 1, capital: true },
  {
    id: 'kuwait-city',
    ne: ['KWT', 'Kuwait'],
    en: 'Kuwait City',
    de: 'Kuwait-Stadt',
    fr: 'Koweït',
    ar: 'مدينة الكويت',
    rank: 1,
    capital: true,
  },
  { id: 'ankara', ne: ['TUR', 'Ankara'], en: 'Ankara', ar: 'أنقرة', rank: 1, capital: true },
  {
    id: 'tehran',
    ne: ['IRN', 'Tehran'],
    en: 'Tehran',
    de: 'Teheran',
    fr: 'Téhéran',
    ar: 'طهران',
    rank: 1,
    capital: true,
  },
  { id: 'gaziantep', ne: ['TUR', 'Gaziantep'], en: 'Gaziantep', ar: 'غازي عنتاب', rank: 3 },
  {
    id: 'sanliurfa',
    ne: ['TUR', 'Sanliurfa'],
    en: 'Sanliurfa',
    de: 'Şanlıurfa',
    fr: 'Şanlıurfa',
    ar: 'شانلي أورفا',
    rank: 3,
  },
  { id: 'kermanshah', ne: ['IRN', 'Kermanshah'], en: 'Kermanshah', de: 'Kermanschah', ar: 'كرمانشاه', rank: 3 },
];

/** @type {Record<string, string>} */
const ISO3_TO_ALPHA2 = { IRQ: 'IQ', SYR: 'SY', JOR: 'JO', LBN: 'LB', KWT: 'KW', TUR: 'TR', IRN: 'IR' };

/** Point features for the curated cities, positioned from the NE populated places in city-timezones. */
/** @param {{ iso3: string, city: string, lng: number | string, lat: number | string }[]} cityMap */
export function buildCities(cityMap) {
  return CITIES.map((c) => {
    const [iso3, city] = c.ne;
    const hits = cityMap.filter((p) => p.iso3 === iso3 && p.city === city);
    if (hits.length !== 1) throw new Error(`city-timezones: ${hits.length} matches for ${iso3} "${city}"`);
    const { lng, lat } = /** @type {(typeof cityMap)[number]} */ (hits[0]);
    const name = { en: c.en, de: c.de ?? c.en, fr: c.fr ?? c.en, ar: c.ar };
    return {
      type: 'Feature',
      id: c.id,
      properties: {
        id: c.id,
        name,
        ...(c.ckb ? { ckb: c.ckb } : {}),
        rank: c.rank,
        capital: c.capital === true,
        country: ISO3_TO_ALPHA2[iso3],
      },
      geometry: { type: 'Point', coordinates: [round(Number(lng)), round(Number(lat))] },
    };
  });
}
