export * from './finding';
export * from './redact';
