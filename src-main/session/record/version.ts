// The version written into exports and session files (the CLI's --version says the same).
export const APP_VERSION = '0.1.0';
export const GENERATOR = `pinsim ${APP_VERSION}`;
