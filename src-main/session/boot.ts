// Boots a host for a session. (provisional until the kernel model lands)
export interface BootOptions {
  seed?: number | undefined;
  policy?: string | undefined;
}
export interface BootedHost {
  seed: number;
  host: { hostname: string; release: string; policyName: string };
}
export function bootHost(options: BootOptions): BootedHost {
  return {
    seed: options.seed ?? 1,
    host: { hostname: 'pinsim', release: '5.3.0-rc3-pinsim', policyName: options.policy ?? 'rfc-v2' },
  };
}
