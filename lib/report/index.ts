export * from './finding';
export * from './redact';
export * from './sanitize';
