// The software version recorded in every draw record and bundle.
export const VERSION = '0.1.0';
export const SEEDRANDOM_VERSION = '3.0.5';
