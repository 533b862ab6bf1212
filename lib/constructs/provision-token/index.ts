export * from './system-roles';
export * from './join-methods';
export * from './props';
export * from './provision-token';
