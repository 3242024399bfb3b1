/** Placeholder until translated: copies English. */
import { en, type StringTable } from './en.ts';

export const de: StringTable = { ...en };
