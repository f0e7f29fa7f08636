/**
 * What the portal needs to know about where it runs, read once at start from `/config.json` (the local
 * gateway generates it; on AWS the hosting writes it next to index.html), so one build runs anywhere.
 */
export interface PortalConfig {
  region: string;
  userPoolClientId: string;
  /**
   * The Cognito user-pool API. Locally `/cognito` on the portal's own origin (the local gateway forwards
   * it to cognito-local, so no CORS); on AWS `https://cognito-idp.<region>.amazonaws.com/`.
   */
  cognitoEndpoint: string;
}

let config: PortalConfig | undefined;

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json: HTTP ${response.status}`);
  config = (await response.json()) as PortalConfig;
  return config;
}

export function getConfig(): PortalConfig {
  if (!config) throw new Error('getConfig() before loadConfig()');
  return config;
}
