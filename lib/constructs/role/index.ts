export * from './role-version';
export * from './preset-role';
export * from './props';
export * from './i-role';
export * from './role';
