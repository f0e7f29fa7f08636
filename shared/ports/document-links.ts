/** Short-lived links to the files of verified documents in the documents bucket. */
export interface DocumentLinks {
  /**
   * A URL that GETs exactly this object (this version, where the bucket keeps versions) without further
   * authentication for `expiresInSeconds`, answered with `contentType` and shown in the browser
   * (`inline`) or saved as `fileName` (`attachment`).
   */
  linkTo(
    object: { key: string; versionId?: string | undefined },
    options: {
      expiresInSeconds: number;
      fileName: string;
      contentType: string;
      disposition: 'inline' | 'attachment';
    },
  ): Promise<string>;
}
