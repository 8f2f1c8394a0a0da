// The engine's version goes into every report and run: a stored result from another version is stale.
export const ENGINE_VERSION = '1.0.0';
