// Type declarations for two small CommonJS text libraries that ship none.
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (Snowball English) stem of one lower-case word. */
  function stem(word: string): string;
  export = stem;
}
