/** Short-lived links to letters (the Bescheid PDFs) in the documents bucket. */
export interface LetterLinks {
  /**
   * A URL that GETs the object under `key` without further authentication for `expiresInSeconds`,
   * answered as a download named `fileName`.
   */
  downloadUrl(key: string, options: { expiresInSeconds: number; fileName: string }): Promise<string>;
}
