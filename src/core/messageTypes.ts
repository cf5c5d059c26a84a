// The shape of a message catalogue. Each catalogue file declares its entries `as const satisfies
// Catalogue`, so the keys are known to the compiler (messages.ts: MessageKey) and a wrong key does not
// compile.
export interface Text {
  zh: string;
  en: string;
}
export type Catalogue = Record<string, Text>;
